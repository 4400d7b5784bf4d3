/**
 * The session's Managers and Fairness tabs on a laptop (1280×800) and a
 * projector (1024×768): the page never scrolls sideways, and every table fits
 * its column, so the Status column is on screen beside the figures. The "Why?"
 * buttons' visually hidden labels escaped their table's scroller and widened
 * the page to 1,466 px; at 1024 the Managers table hid its last two columns
 * and the Fairness tables their status, and "Too few candidates" broke inside
 * a word (found by a walkthrough helper).
 */
import { expect, test, type Page } from '@playwright/test';
import { openWithSample, watchPage } from './helpers';

async function layout(page: Page) {
  return page.evaluate(() => ({
    page: document.scrollingElement!.scrollWidth,
    window: document.documentElement.clientWidth,
    tables: [...document.querySelectorAll('main .cv-table-wrap > table')].map((t) => ({
      table: t.querySelector('caption')?.textContent ?? '',
      overflow: Math.round(t.getBoundingClientRect().width - (t.parentElement as HTMLElement).getBoundingClientRect().width),
    })),
  }));
}

/** Words of three letters or more that a cell's wrapping split across lines ("Remot|e", "Comm|ittee"). */
async function wordsBrokenIn(page: Page, cells: string): Promise<string[]> {
  return page.locator(cells).evaluateAll((all) =>
    all.flatMap((cell) => {
      const out: string[] = [];
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of (node.textContent ?? '').matchAll(/\p{L}{3,}|\d+(?::\d+)+/gu)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          if (new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size > 1) out.push(m[0]);
        }
      }
      return out;
    }),
  );
}

for (const [width, height] of [
  [1280, 800],
  [1024, 768],
] as const) {
  test(`Managers and Fairness fit the window at ${width}×${height}`, async ({ page }) => {
    const problems = watchPage(page);
    await page.setViewportSize({ width, height });
    await openWithSample(page);
    for (const [session, tab, heading] of [
      ['sample-2026-session-0', 'managers', 'Managers: who rates differently'],
      ['sample-2026-session-1', 'fairness', /^Fairness/],
    ] as const) {
      await page.goto(`/#/calibration/${session}/${tab}`);
      await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
      await expect(page.locator('main .cv-table-wrap > table').first()).toBeVisible();
      const shown = await layout(page);
      expect(shown.tables.length).toBeGreaterThan(0);
      expect({ tab, page: shown.page }).toEqual({ tab, page: shown.window });
      expect(shown.tables.filter((t) => t.overflow > 1)).toEqual([]);
      // The status cells wrap between words only.
      const broken = await wordsBrokenIn(page, 'main .cv-table td');
      expect(broken).toEqual([]);
    }
    expect(problems).toEqual([]);
  });
}

// The notes under a brag row's date ("after today") were kept on one line and widened the page to 1,188 px at 1024.
test('the brag document review fits a 1024×768 window, dates with notes included', async ({ page }) => {
  const problems = watchPage(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await openWithSample(page);
  await page.goto('/#/candidates/sample-2026-cand-0012');
  await page.getByRole('button', { name: 'Paste brag document' }).click();
  await page.getByLabel('Brag document (Markdown)').fill(['## Q2 2026', '- Led the post-incident review for the checkout outage', '- Planned: lead the 2099 roadmap offsite (2099-02-10)', '- Onboarded two engineers, first PRs merged in week 2'].join('\n'));
  await page.getByRole('button', { name: 'Parse' }).click();
  await expect(page.getByLabel('Title of item 2')).toBeVisible();
  await expect(page.locator('.brag-date-cell .evidence-outside').first()).toBeVisible();
  // Each title shows all of itself: the column is about 150 px wide here, and a one-line field showed "Led the post-inci".
  const hidden = await page.locator('.brag-title-cell').evaluateAll((cells) =>
    cells.map((cell) => cell.querySelector('textarea, input')!).filter((f) => f.scrollWidth > f.clientWidth + 1 || f.scrollHeight > f.clientHeight + 1).map((f) => (f as HTMLTextAreaElement).value),
  );
  expect(hidden).toEqual([]);
  const shown = await layout(page);
  expect(shown.page).toBe(shown.window);
  expect(problems).toEqual([]);
});

// The audit tab broke "Committee chair" as "Com|mitte|e chair" and a time as "3:39:2|9 AM" at 1024.
test('the session audit breaks no word or time inside it at 1024×768', async ({ page }) => {
  const problems = watchPage(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await openWithSample(page);
  // A final vote and a decision with a long rationale give week 1's trail entries to lay out (the sample's sessions
  // arrive with none); the long change text is what squeezed the other columns.
  await page.goto('/#/calibration/sample-2026-session-1');
  await page.getByRole('group', { name: 'Final vote of Morgan Ellis' }).getByRole('radio', { name: 'Promote', exact: true }).click();
  await page.getByRole('group', { name: 'Outcome' }).getByRole('radio', { name: 'Promote', exact: true }).click();
  await page.getByLabel('Rationale (required)').fill('Led the checkout rewrite end to end over three quarters, with evidence against every criterion of the target level; '.repeat(4));
  await page.getByRole('button', { name: 'Save decision' }).click();
  await expect(page.locator('.decision-saved')).toBeVisible();
  await page.goto('/#/calibration/sample-2026-session-1/audit');
  await expect(page.locator('table.session-audit tbody tr')).toHaveCount(2);
  expect(await wordsBrokenIn(page, 'table.session-audit td:not(.session-audit-change)')).toEqual([]);
  const shown = await layout(page);
  expect(shown.page).toBe(shown.window);
  expect(problems).toEqual([]);
});

// With a long candidate name in the list, the Packets table at 1024 broke "Engineering" as "Engineerin|g" in the target
// level column (session 35's trial): the page's overflow-wrap let auto layout narrow that column below its longest word.
test('the Packets list breaks no level or manager name inside a word at 1024×768, beside a long candidate name', async ({ page }) => {
  const problems = watchPage(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await openWithSample(page);
  await page.goto('/#/candidates/new');
  await page.getByLabel('Name', { exact: true }).fill('Maximiliana Alexandrovna Featherstonehaugh-Wolfeschlegelsteinhausen');
  await page.getByLabel('Manager').fill('Alex Morgan');
  await page.getByLabel('Current level').selectOption({ label: 'IC3 Senior Engineer' });
  await page.getByLabel('Target level').selectOption({ label: 'M1 Engineering Manager' });
  await page.getByRole('button', { name: 'Add candidate' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Added / })).toBeVisible();
  await page.goto('/#/packets');
  // The list is virtualised: in Manager order Alex Morgan's candidates, this one among them, are the first rows drawn.
  await page.getByLabel('Sort by').selectOption({ label: 'Manager' });
  await expect(page.getByRole('link', { name: /^Maximiliana/ })).toBeVisible();
  // Every cell but the candidate's name (a 42-letter word longer than any column may break).
  expect(await wordsBrokenIn(page, 'main table tbody td:not(:nth-child(2))')).toEqual([]);
  const shown = await layout(page);
  expect(shown.page).toBe(shown.window);
  expect(problems).toEqual([]);
});

/** Every 95% interval on the page ("38.6%–81.5%", "0.35–1.87") that the layout split over two lines. */
async function intervalsBroken(page: Page): Promise<string[]> {
  return page.locator('main').evaluate((main) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of (node.textContent ?? '').matchAll(/\d[\d.]*%?–\d[\d.]*%?/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        if (new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size > 1) out.push(m[0]);
      }
    }
    return out;
  });
}

// With week 1 decided, the whole cycle's promotion tables show every figure: their "rate (interval)", "ratio (interval)"
// and "p (Holm)" cells, kept on one line, made the table 74 px wider than its column at 1024 (the Status column behind a
// sideways scroll). The interval goes under its figure there, and never breaks at its dash. At 1280 the gender table was
// still 13 px wider than its column, its Status column behind a sideways scroll.
test('the Fairness tables with every figure shown fit a 1280×800 and a 1024×768 window and those between, each interval on one line', async ({ page }) => {
  test.setTimeout(240_000);
  const problems = watchPage(page);
  await openWithSample(page);
  const ids = await page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('levelset');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('sessions').objectStore('sessions').get('sample-2026-session-1');
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as { candidateIds: string[] }).candidateIds);
          };
        };
      }),
  );
  expect(ids.length).toBeGreaterThanOrEqual(10);
  for (const [i, id] of ids.entries()) {
    await page.goto(`/#/calibration/sample-2026-session-1/review/${id}`);
    await page.getByRole('group', { name: 'Outcome' }).getByRole('radio', { name: i % 2 ? 'Promote' : 'Not yet', exact: true }).click();
    await page.getByLabel('Rationale (required)').fill('Evidence against every criterion of the target level over three quarters, checked by the committee.');
    await page.getByRole('button', { name: 'Save decision' }).click();
    await expect(page.locator('.decision-saved')).toBeVisible();
  }
  await page.goto('/#/calibration/sample-2026-session-1/fairness');
  await page.getByRole('radio', { name: /^The whole cycle/ }).check();
  // The data this is about: the whole cycle's promotion table, a row with a rate and its interval (the session's own has none).
  await expect(page.getByRole('table', { name: 'Promotion rate by gender' }).getByRole('cell').filter({ hasText: /%–/ }).first()).toBeVisible();
  // And the widths between, where the gender table was 10–30 px over (a window not maximised on a laptop).
  for (const [width, height] of [
    [1280, 800],
    [1200, 800],
    [1150, 800],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    const shown = await layout(page);
    expect({ width, page: shown.page }).toEqual({ width, page: shown.window });
    expect({ width, overflowing: shown.tables.filter((t) => t.overflow > 1) }).toEqual({ width, overflowing: [] });
    expect({ width, broken: await intervalsBroken(page) }).toEqual({ width, broken: [] });
  }
  expect(problems).toEqual([]);
});

// The restore preview's header row was sticky (as every data table's is) and, once the page scrolled past the panel's
// heading, stayed at the top of the window over the rows it names.
test('the restore preview’s header row scrolls with its table instead of lying over its rows', async ({ page }, testInfo) => {
  const problems = watchPage(page);
  await openWithSample(page);
  await page.goto('/#/about');
  await page.getByRole('button', { name: 'Back up now…' }).click();
  await page.getByRole('checkbox', { name: /Protect with a passphrase/ }).uncheck();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save backup' }).click();
  const file = testInfo.outputPath('backup.json');
  await (await download).saveAs(file);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore from a file…' }).click();
  await (await chooser).setFiles(file);
  const table = page.getByRole('group', { name: 'Replace everything with backup.json?' }).getByRole('table');
  await expect(table).toBeVisible();
  // Scrolled so the table's first rows are above the window: its header row goes with them.
  const shown = await table.evaluate((t) => {
    document.scrollingElement!.scrollTop += t.getBoundingClientRect().top + 60;
    const header = t.querySelector('thead th')!.getBoundingClientRect();
    const firstRow = t.querySelector('tbody tr')!.getBoundingClientRect();
    return { table: Math.round(t.getBoundingClientRect().top), header: Math.round(header.top), aboveHeader: Math.round(firstRow.top - header.bottom) };
  });
  expect(shown.table).toBeLessThan(0);
  expect(shown.header).toBe(shown.table);
  expect(shown.aboveHeader).toBeGreaterThanOrEqual(0);
  expect(problems).toEqual([]);
});

/** A three-track ladder at a projector's width: every track's column fits (the Management column was cut off, a trial). */
test('a built-in ladder with three tracks fits the window at 1024×768', async ({ page }) => {
  await openWithSample(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/#/frameworks');
  await page.getByRole('link', { name: /Engineering, architecture and management streams/ }).click();
  const ladder = page.locator('.ladder');
  await expect(ladder).toBeVisible();
  const { scroll, client } = await ladder.evaluate((l) => ({ scroll: l.scrollWidth, client: l.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
});

/**
 * Side by side with four candidates at 1024 px: a line names those off screen; scrolled to the last column, each row
 * still says its criterion (a keyboard trial lost them).
 */
test('side by side keeps the criterion column in view when the candidates scroll sideways at 1024×768', async ({ page }) => {
  await openWithSample(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/#/calibration/sample-2026-session-1/compare');
  const boxes = page.getByRole('group', { name: /candidates/i }).getByRole('checkbox');
  await expect(boxes.first()).toBeVisible();
  for (let i = 0; i < 4; i++) await boxes.nth(i).check();
  const wrap = page.locator('.cv-table-wrap').filter({ has: page.locator('table.cv-compare') });
  await expect(wrap.locator('tbody th').first()).toBeVisible();
  // Not all four fit: a line names the candidates off screen (a chair's trial saw no sign of them), and follows the scroll.
  const who = await wrap.locator('thead .cv-compare-who').allInnerTexts();
  expect(who).toHaveLength(4);
  const line = page.locator('.cv-in-view');
  await expect(line).toHaveText(/^[23] of 4 candidates fit on this screen\. Scroll sideways for .+\.$/);
  await expect(line).toContainText(who[3]!);
  await expect(line).not.toContainText(who[0]!);
  const { scrolled, thLeft, wrapLeft } = await wrap.evaluate((w) => {
    w.scrollLeft = w.scrollWidth;
    return { scrolled: w.scrollLeft, thLeft: w.querySelector('tbody th')!.getBoundingClientRect().left, wrapLeft: w.getBoundingClientRect().left };
  });
  expect(scrolled).toBeGreaterThan(0);
  await expect(line).toContainText(who[0]!);
  await expect(line).not.toContainText(who[3]!);
  expect(Math.abs(thLeft - wrapLeft)).toBeLessThan(2);
  // Back along the candidates' headers with Shift+Tab: each control scrolls into view right of that column, not under it.
  const whys = wrap.locator('thead button');
  await whys.last().focus();
  const covered: string[] = [];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Shift+Tab');
    const at = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const column = document.querySelector('.cv-compare tbody th')!.getBoundingClientRect().right;
      return el.closest('.cv-compare thead') ? { name: el.getAttribute('aria-label') ?? '', left: el.getBoundingClientRect().left, column } : null;
    });
    if (at && at.left < at.column) covered.push(at.name);
  }
  expect(covered).toEqual([]);
});
