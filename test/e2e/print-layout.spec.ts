/**
 * How the decision book and a single decision lay out on paper, measured in
 * the browser rather than read back as text: no word in a table cell breaks
 * inside itself (the fairness tables' Status column printed "referenc" /
 * "e"); the PDF ends with the document, not with a grey band of the app's
 * background above the footer or a page holding only the confidentiality
 * note.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hasPoppler, openWithSample, watchPage } from './helpers';

const SESSION = 'sample-2026-session-0';


/** The candidates decided in the sample's finalized pilot session, as stored. */
async function decidedCandidates(page: Page): Promise<string[]> {
  return page.evaluate(
    (sessionId) =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open('levelset');
        open.onsuccess = () => {
          const all = open.result.transaction('decisions').objectStore('decisions').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve((all.result as Array<{ sessionId: string; candidateId: string }>).filter((d) => d.sessionId === sessionId).map((d) => d.candidateId));
          };
        };
      }),
    SESSION,
  );
}

async function openPrint(page: Page, route: string) {
  await page.goto(route);
  await expect(page.locator('html[data-print-ready="true"]')).toHaveCount(1);
}

/**
 * Every word of every print table cell that the layout split over two lines
 * somewhere other than after a hyphen or dash ("Non-" / "binary" is fine),
 * as "Column: referenc / e". Laid out with print styles: the document is
 * 180 mm wide, as on an A4 page.
 */
function wordsBrokenInside(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    const lineOf = (node: Text, from: number) => {
      const range = document.createRange();
      range.setStart(node, from);
      range.setEnd(node, from + 1);
      return Math.round(range.getClientRects()[0]?.top ?? Number.NaN);
    };
    for (const table of document.querySelectorAll('.print-table')) {
      const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
      for (const row of table.querySelectorAll('tbody tr')) {
        [...row.children].forEach((cell, column) => {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
            for (const word of node.data.matchAll(/\S+/g)) {
              for (let i = 1; i < word[0].length; i++) {
                const at = word.index + i;
                if (lineOf(node, at - 1) !== lineOf(node, at) && !/[-–‐]/.test(node.data[at - 1]!)) broken.push(`${heads[column]}: ${word[0].slice(0, i)} / ${word[0].slice(i)}`);
              }
            }
          }
        });
      }
    }
    return broken;
  });
}

test('no word in a printed table breaks inside itself, in the book or a single decision', async ({ page }) => {
  const problems = watchPage(page);
  await openWithSample(page);
  const [candidate] = await decidedCandidates(page);
  expect(candidate).toBeTruthy();
  await page.emulateMedia({ media: 'print' });

  await openPrint(page, `/#/print/session/${SESSION}`);
  // The book has the tables this is about: the fairness tables with their Status column, the summary, the votes.
  await expect(page.locator('.print-table th', { hasText: /^Status$/ }).first()).toBeAttached();
  expect(await page.locator('.print-table').count()).toBeGreaterThan(5);
  expect(await wordsBrokenInside(page)).toEqual([]);

  await openPrint(page, `/#/print/decision/${SESSION}/${candidate}`);
  await expect(page.locator('.print-table')).toHaveCount(1);
  expect(await wordsBrokenInside(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('a packet prints from its page, with each criterion’s code and the evidence it cites, words whole', async ({ page }) => {
  // A trial found no way to print a packet from the app (the print view existed, nothing opened it), and its print
  // without the codes the case cites, the manager's notes or the evidence's details.
  const problems = watchPage(page);
  await openWithSample(page);
  await page.goto('/#/packets');
  await page.locator('table tbody tr a').first().click();
  const id = (await page.evaluate(() => location.hash)).split('/').pop()!;
  const opened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Packet PDF' }).click();
  const tab = await opened;
  // In a browser it opens the packet's print view in a tab of its own, to print from there.
  expect(tab.url()).toMatch(new RegExp(`#/print/packet/${id}/[^/]+/auto$`));
  await tab.close();
  await expect(page.getByRole('status').filter({ hasText: /^Packet PDF: Opened packet-.+\.pdf in a new tab to print/ })).toHaveCount(1);

  await page.emulateMedia({ media: 'print' });
  await openPrint(page, `/#/print/packet/${id}`);
  const codes = await page.locator('.print-table tbody tr td:first-child strong').allTextContents();
  expect(codes.length).toBeGreaterThan(2);
  for (const code of codes) expect(code.trim()).toMatch(/^[A-Z]+\d+\.\d+$/);
  await expect(page.getByRole('heading', { name: 'Evidence cited' })).toBeVisible();
  expect(await page.locator('.print-evidence > li').count()).toBeGreaterThan(0);
  expect(await wordsBrokenInside(page)).toEqual([]);
  expect(problems).toEqual([]);
});

/** The share of a page's pixels in the app's screen background (#f7f7f5), from pdftoppm's PPM. */
function backgroundShare(pdf: string, pageNumber: number, dir: string): number {
  const stem = path.join(dir, `page-${pageNumber}`);
  execFileSync('pdftoppm', ['-r', '30', '-f', String(pageNumber), '-l', String(pageNumber), '-singlefile', pdf, stem]);
  const ppm = readFileSync(`${stem}.ppm`);
  // P6 header: magic, width, height, max value, each followed by one whitespace byte.
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  expect(header).not.toBeNull();
  const [width, height] = [Number(header![1]), Number(header![2])];
  const pixels = ppm.subarray(header![0].length);
  let grey = 0;
  for (let i = 0; i < width * height * 3; i += 3) if (pixels[i] === 0xf7 && pixels[i + 1] === 0xf7 && pixels[i + 2] === 0xf5) grey++;
  return grey / (width * height);
}

test('the printed book and decision end with the document: no grey band on the last page, no page for the note alone', async ({ page }, testInfo) => {
  test.skip(!hasPoppler, 'pdftoppm and pdfinfo (poppler-utils) are not installed; .ci/run installs them');
  const problems = watchPage(page);
  await openWithSample(page);
  const [candidate] = await decidedCandidates(page);
  const dir = testInfo.outputPath('print-layout');
  mkdirSync(dir, { recursive: true });
  const print = async (route: string, name: string) => {
    await openPrint(page, route);
    const file = path.join(dir, `${name}.pdf`);
    writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
    return { file, pages: Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]) };
  };

  const book = await print(`/#/print/session/${SESSION}`, 'book');
  // Below the last line the page was the root element's grey (printed, as backgrounds are), a band above the footer.
  expect(backgroundShare(book.file, book.pages, dir)).toBe(0);

  // The document's bottom padding once pushed this decision's confidentiality note onto a page of its own; since its
  // closing lines name the audit trail's head (session 37) its votes run onto a second page, with those lines after
  // them. Whether any decided candidate's last page holds the closing lines alone is checked below for all of them.
  const decision = await print(`/#/print/decision/${SESSION}/${candidate}`, 'decision');
  expect(backgroundShare(decision.file, decision.pages, dir)).toBe(0);
  // A decision longer than a page takes some of its content onto the last page: never the closing lines alone (a re-test
  // found two of the pilot's six so).
  const closingOnly: string[] = [];
  for (const id of await decidedCandidates(page)) {
    const printed = await print(`/#/print/decision/${SESSION}/${id}`, `decision-${id}`);
    if (printed.pages < 2) continue;
    const last = execFileSync('pdftotext', ['-f', String(printed.pages), '-l', String(printed.pages), '-layout', printed.file, '-'], { encoding: 'utf8' });
    const body = last
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !/^(Confidential · printed|2026 H2 promotion cycle · )/.test(l) && !/^(Finalized|Not finalized|packets and votes|Confidential\.|concerns, and store|Audit trail when printed|entry [0-9a-f]{64}|[0-9a-f]{64})/.test(l));
    if (body.length === 0) closingOnly.push(id);
  }
  expect(closingOnly).toEqual([]);
  expect(problems).toEqual([]);
});

test('each page of a candidate in the printed book names that candidate at the top, a page their section ran onto too', async ({ page }, testInfo) => {
  test.skip(!hasPoppler, 'pdftotext and pdfinfo (poppler-utils) are not installed; .ci/run installs them');
  await openWithSample(page);
  await openPrint(page, `/#/print/session/${SESSION}`);
  const names = await page.locator('.print-candidate h2').allTextContents();
  expect(names.length).toBeGreaterThan(1);
  const file = testInfo.outputPath('book-running.pdf');
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  let current: string | null = null;
  const checked: string[] = [];
  for (let k = 1; k <= pages; k++) {
    const lines = execFileSync('pdftotext', ['-f', String(k), '-l', String(k), '-layout', file, '-'], { encoding: 'utf8' }).split('\n').filter((l) => l.trim() !== '');
    // A section starts on this page where its name stands alone on a line (its heading).
    for (const name of names) if (lines.slice(1).some((l) => l.trim() === name)) current = name;
    if (current === null) continue;
    // The top line: the cycle and session at the left, the candidate at the right.
    expect(lines[0], `page ${k}`).toMatch(new RegExp(`\\S\\s{2,}${current.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`));
    checked.push(current);
  }
  expect(new Set(checked)).toEqual(new Set(names));
});

test('a printed packet starts its criteria table on the first page, not after a page left empty', async ({ page }, testInfo) => {
  test.skip(!hasPoppler, 'pdftotext (poppler-utils) is not installed; .ci/run installs them');
  await openWithSample(page);
  const [candidate] = await decidedCandidates(page);
  await openPrint(page, `/#/print/packet/${candidate}`);
  const file = testInfo.outputPath('packet.pdf');
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  // The criteria table was kept whole (a block that avoids a page break), so a table longer than what was left of
  // page 1 moved to page 2 and left most of page 1 blank. Its heading and first rows now follow the summary.
  const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', file, '-'], { encoding: 'utf8' });
  expect(first).toMatch(/^\s*Criteria\s*$/im);
  expect(first).toMatch(/CRITERION\s+ASSESSMENT\s+EVIDENCE/i);
});

/**
 * Per fairness table of the open print page (first column "Group"): the table's width beside the document's, and the
 * lines each group name takes. `label`, when given, is put in each table's first group cell first: a blind book's
 * pseudonym for a group ("Location 42"), which the sample's pilot session (not blind) does not print.
 */
function groupNameLines(page: Page, label?: string) {
  return page.evaluate((label) => {
    const lines = (cell: Element) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    };
    return [...document.querySelectorAll('.print-table')]
      .filter((table) => table.querySelector('thead th')?.textContent === 'Group')
      .map((table) => {
        const cells = [...table.querySelectorAll('tbody tr')].map((row) => row.children[0]!);
        if (label !== undefined && cells[0]) cells[0].textContent = label;
        const width = (e: Element | null) => Math.round(e?.getBoundingClientRect().width ?? Number.NaN);
        return { fits: width(table) <= width(table.closest('.print-doc')), names: cells.map((c) => `${c.textContent}: ${lines(c)}`) };
      });
  }, label);
}

test('group names in the book’s fairness tables stay on one line, and the tables stay within the A4 page', async ({ page }) => {
  const problems = watchPage(page);
  await openWithSample(page);
  await page.emulateMedia({ media: 'print' });
  await openPrint(page, `/#/print/session/${SESSION}`);
  // The document is the page's main landmark (axe's landmark-one-main and region rules; a keyboard trial).
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('main').locator('.print-doc')).toHaveCount(1);
  // The promotion tables (eight columns) and the nomination tables (six), with the sample's genders and locations.
  const tables = await groupNameLines(page);
  expect(tables.length).toBeGreaterThanOrEqual(4);
  expect(tables.flatMap((t) => t.names)).toContain('Non-binary: 1');
  for (const t of tables) expect(t).toEqual({ fits: true, names: t.names.map((n) => n.replace(/: \d+$/, ': 1')) });
  // A blind book's pseudonyms for groups, named by their attribute: "Group L" printed "Group" / "L".
  for (const t of await groupNameLines(page, 'Location 42')) expect(t).toEqual({ fits: true, names: ['Location 42: 1', ...t.names.slice(1)] });
  expect(problems).toEqual([]);
});
