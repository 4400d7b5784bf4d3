/**
 * The decision book as a user (and HR) gets it: printed from the print view
 * by Chromium's PDF pipeline (the one Electron's printToPDF uses), read back
 * with pdftotext. Every candidate's name and outcome must be in it, the
 * page count must match the "page N of M" footer, and page 1 is rendered to
 * PNG and kept as a test artifact for a person to look at.
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hasPoppler, openWithSample, watchPage } from './helpers';


test('prints the sample decision book with every candidate, outcome and page number', async ({ page }, testInfo) => {
  test.skip(!hasPoppler, 'pdftotext and pdftoppm (poppler-utils) are not installed; .ci/run installs them');
  const problems = watchPage(page);
  await openWithSample(page);

  // What the Decisions view says was decided in the pilot session, read from the screen.
  await page.goto('/#/decisions');
  const rows = page.locator('main table tbody tr');
  await expect(rows.first()).toBeVisible();
  const decided = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  expect(decided.length).toBeGreaterThan(2);

  // The trail head as Verify reports it, to find on the cover. The app stores the built-in frameworks in the background
  // after the sample loads (an entry of its own), so the head is read before and after printing, and the book printed
  // again if it moved meanwhile (a clean-clone run read 1 entry, then printed 2).
  const head = async () => {
    await page.goto('/#/about');
    await page.getByRole('button', { name: 'Verify audit trail' }).click();
    const verified = (await page.getByText(/^✓ Chain intact and the trail replays/).textContent()) ?? '';
    return /: (\d+) entr(?:y|ies) · ([0-9a-f]{12})/.exec(verified) ?? [];
  };
  const dir = testInfo.outputPath('decision-book');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'decision-book.pdf');
  let count: string | undefined;
  let prefix: string | undefined;
  await expect(async () => {
    [, count, prefix] = await head();
    expect(count).toBeTruthy();
    await page.goto('/#/print/session/sample-2026-session-0');
    await expect(page.locator('html[data-print-ready="true"]')).toHaveCount(1);
    await expect(page).toHaveTitle(/Decision book/);
    writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
    const [, after, afterPrefix] = await head();
    expect([after, afterPrefix]).toEqual([count, prefix]);
  }).toPass({ timeout: 120_000 });

  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  for (const [name, outcome] of decided) {
    expect(text).toContain(name!.trim());
    expect(text).toContain(outcome!.trim());
  }
  // Cover, summary, then one page (at least) per candidate.
  expect(pages).toBeGreaterThanOrEqual(decided.length + 2);
  for (let n = 1; n <= pages; n++) expect(text).toContain(`page ${n} of ${pages}`);
  expect(text).not.toContain(`page ${pages + 1} of`);
  expect(text).toContain('Confidential');
  expect(text).toContain('Engineering calibration, pilot');
  // A group's name is not broken inside a word in the narrow first column of the fairness tables (it printed "Remot" / "e").
  expect(text).toMatch(/^\s*Remote\s+fewer than 5/m);
  expect(text).not.toMatch(/^\s*Remot\s/m);
  // The cover carries the chain head: the same count and last hash Verify reported.
  const cover = text.replace(/\s+/g, '');
  // Said to be the whole computer's trail, not the session's (a finalized session's own trail may be empty).
  expect(cover).toContain(`Audittrailthiscomputer’swholetrail(everysession,cycleandpacket,notonlythissession)held${count}${count === '1' ? 'entry' : 'entries'}whenthiswasprinted;lastentry${prefix}`);

  // That printed head, typed into About → The record, is found in the trail: the book's PDF cannot be opened as a file
  // (an HR trial's was refused), so its cover's count and hash are compared by hand.
  const printedHash = new RegExp(`lastentry(${prefix}[0-9a-f]*)`).exec(cover)![1]!;
  await page.goto('/#/about');
  const printed = page.getByRole('group', { name: 'Compare with a printed decision book' });
  await printed.getByLabel('Entries').fill(count!);
  await printed.getByLabel('Last entry’s hash').fill(printedHash.slice(0, 12));
  await printed.getByRole('button', { name: 'Compare with the printed head' }).click();
  await expect(printed.getByRole('status')).toHaveText(new RegExp(`^✓ The trail still holds all ${count} entries the printed head recorded`));
  await printed.getByLabel('Entries').fill(String(Number(count) + 5));
  await printed.getByRole('button', { name: 'Compare with the printed head' }).click();
  await expect(printed.getByRole('status')).toHaveText(/^✗ Compared with the printed head: The trail has/);
  await page.screenshot({ path: testInfo.outputPath('about-printed-head.png'), fullPage: true });

  // pdftoppm pads page numbers to the width of the page count (page-01.png for 10+ pages).
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, path.join(dir, 'page-1')]);
  expect(existsSync(path.join(dir, 'page-1.png'))).toBe(true);
  await testInfo.attach('decision book page 1', { path: path.join(dir, 'page-1.png'), contentType: 'image/png' });
  expect(problems).toEqual([]);
});
