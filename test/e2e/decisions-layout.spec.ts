/**
 * The Decisions page on a projector (1024×768): the session's name and the
 * decision dates wrap between words, never inside one. The body's
 * `overflow-wrap: anywhere` (long pasted text must not widen the page) let a
 * flex heading and the date column shrink to a letter's width: "Engineeri /
 * ng calibratio / n, pilot" and "10/31/202 / 6" (found in a walkthrough).
 * The Candidates and Packets lists likewise ("Payment / s" in the Team
 * column), and the sidebar's cycle picker stays in the sidebar with a long
 * cycle name instead of covering the page's heading. The review's "Save decision"
 * keeps its label on one line beside the note that a draft is not saved.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, openWithSample, watchPage } from './helpers';

test.use({ viewport: { width: 1024, height: 768 } });

/** The words of each element that the layout split across lines. */
function brokenWords(elements: Element[]): string[] {
  const broken: string[] = [];
  for (const el of elements) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}

test('the Decisions page breaks no session name or date inside a word at 1024×768', async ({ page }) => {
  const problems = watchPage(page);
  await openWithSample(page);
  await page.goto('/#/decisions');
  const rows = page.locator('main table tbody tr');
  await expect(rows.first()).toBeVisible();
  const headings = page.locator('main .decision-session-head h2');
  const dates = page.locator('main table tbody td.date');
  expect(await dates.count()).toBe(await rows.count());
  expect(await headings.evaluateAll(brokenWords)).toEqual([]);
  expect(await dates.evaluateAll(brokenWords)).toEqual([]);
  expect(problems).toEqual([]);
});

// A decision against the final votes, to another level, carries a tag under its outcome: beside it, the new level
// "M1 Engineering Manager" broke as "Engineerin / g Manager" at 1024 (a trial).
test('the Decisions page breaks no level name inside a word at 1024×768, beside a tagged outcome', async ({ page }) => {
  const problems = watchPage(page);
  await openWithSample(page);
  await page.goto('/#/calibration/sample-2026-session-1');
  await page.getByRole('group', { name: 'Final vote of Morgan Ellis' }).getByRole('radio', { name: 'Promote', exact: true }).click();
  await page.getByRole('group', { name: 'Outcome' }).getByRole('radio', { name: 'Promote to another level' }).click();
  const granted = page.getByLabel('Level granted');
  const m1 = await granted.locator('option', { hasText: 'Engineering Manager' }).first().getAttribute('value');
  await granted.selectOption(m1!);
  await page.getByLabel('Rationale (required)').fill('Leads the team in all but name: hiring, growth conversations and delivery for two quarters.');
  await page.getByRole('button', { name: 'Save decision' }).click();
  await expect(page.locator('.decision-saved')).toBeVisible();
  await page.goto('/#/decisions');
  await expect(page.getByText(/^Against the final votes/)).toBeVisible();
  // The Current level and New level columns.
  const levels = page.locator('main table tbody td:nth-child(3), main table tbody td:nth-child(4)');
  await expect(levels.filter({ hasText: 'Engineering Manager' })).not.toHaveCount(0);
  expect(await levels.evaluateAll(brokenWords)).toEqual([]);
  expect(problems).toEqual([]);
});

for (const viewport of [{ width: 1024, height: 768 }, { width: 1280, height: 800 }]) {
  test(`the lists break no manager, team or level inside a word, and a long cycle name stays in the sidebar, at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const problems = watchPage(page);
    await openWithSample(page);
    await page.goto('/#/candidates');
    const cells = page.locator('main table tbody td.words');
    await expect(cells.first()).toBeVisible();
    expect(await cells.count()).toBeGreaterThan(40);
    expect(await cells.evaluateAll(brokenWords)).toEqual([]);
    await page.goto('/#/packets');
    await expect(page.locator('main table tbody td.words').first()).toBeVisible();
    expect(await page.locator('main table tbody td.words').evaluateAll(brokenWords)).toEqual([]);

    // A cycle name well within the limit, but wider than the sidebar.
    await page.goto('/#/cycles');
    const row = page.locator('main table tbody tr').first();
    const oldName = (await row.locator('td').first().innerText()).trim();
    await row.getByRole('button', { name: `Rename ${oldName}` }).click();
    const long = 'Engineering promotion calibration for the second half of 2026';
    await page.getByRole('textbox', { name: `New name for ${oldName}` }).fill(long);
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect(row.locator('td').first()).toHaveText(long);
    await page.goto('/#/packets');
    const picker = page.getByRole('combobox', { name: 'Cycle' });
    await expect(picker).toHaveValue(/.+/);
    const sidebar = (await page.locator('.sidebar').boundingBox())!;
    const box = (await picker.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(sidebar.x + sidebar.width);
    expect(await picker.getAttribute('title')).toBe(long);
    expect(problems).toEqual([]);
  });
}

test('the decision book on screen keeps its charts inside the page at 1024×768', async ({ page }) => {
  const problems = watchPage(page);
  await openWithSample(page);
  await page.goto('/#/print/session/sample-2026-session-0');
  await expect(page.locator('html[data-print-ready="true"]')).toHaveCount(1);
  const charts = page.locator('.print-svg-chart svg, svg.print-svg-chart');
  expect(await charts.count()).toBeGreaterThan(0);
  // The page's text column: the paper less its padding.
  const column = await page.locator('.print-doc').evaluate((doc) => {
    const box = doc.getBoundingClientRect();
    const style = getComputedStyle(doc);
    return { left: box.left + parseFloat(style.paddingLeft), right: box.right - parseFloat(style.paddingRight) };
  });
  for (const box of await charts.evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right, width: r.width })))) {
    expect(box.width).toBeGreaterThan(200);
    expect(box.left).toBeGreaterThanOrEqual(column.left - 1);
    expect(box.right).toBeLessThanOrEqual(column.right + 1);
  }
  // Each chart has its text alternative (axe: svg-img-alt, serious).
  await expectAccessible(page, 'decision book');
  expect(problems).toEqual([]);
});

test('the review keeps "Save decision" on one line beside its note at 1024×768', async ({ page }) => {
  const problems = watchPage(page);
  await openWithSample(page);
  await page.goto('/#/calibration/sample-2026-session-1');
  await page.getByLabel('Rationale (required)').fill('Scope held back by the migration.');
  // The note beside the button ("Not saved yet: …") took the room and wrapped the button's label onto two lines.
  await expect(page.getByText(/^Not saved yet/)).toBeVisible();
  const lines = await page.getByRole('button', { name: 'Save decision' }).evaluate((button) => {
    const range = document.createRange();
    range.selectNodeContents(button);
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  });
  expect(lines).toBe(1);
  expect(problems).toEqual([]);
});
