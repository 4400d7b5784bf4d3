/**
 * The Decisions page on a projector (1024×768): the session's name and the
 * decision dates wrap between words, never inside one. The body's
 * `overflow-wrap: anywhere` (long pasted text must not widen the page) let a
 * flex heading and the date column shrink to a letter's width: "Engineeri /
 * ng calibratio / n, pilot" and "10/31/202 / 6" (found in a walkthrough).
 */
import { expect, test } from '@playwright/test';
import { openWithSample, watchPage } from './helpers';

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
