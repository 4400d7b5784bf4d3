/**
 * The status line sits over the bottom left of the page for a few seconds
 * after an action ("Added …"). A control reached with Tab while it shows must
 * not be hidden behind it (WCAG 2.2 SC 2.4.11): the page scrolls the control
 * above it. Before, Tab through a candidate's evidence in a short window put
 * the focus on buttons under the line.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openWithSample } from './helpers';

test.use({ locale: 'en-US', timezoneId: 'UTC' });

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Tabs forward while the toast shows; returns the focused controls' boxes that the toast covered, and how many were checked. */
async function tabUnder(page: Page, toast: Locator, tabs: number) {
  const covered: string[] = [];
  let checked = 0;
  for (let i = 0; i < tabs; i++) {
    await page.keyboard.press('Tab');
    const toastBox = await toast.boundingBox();
    if (!toastBox) break; // The line has gone (it fades after six seconds): nothing can be covered any more.
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height, name: `${el.tagName} ${el.textContent?.trim().slice(0, 40) ?? ''}` };
    });
    if (!focused || focused.height === 0) continue;
    checked++;
    if (overlaps(focused, toastBox)) covered.push(focused.name);
  }
  return { covered, checked };
}

test('a control reached with Tab while the status line shows is not hidden behind it', async ({ page }) => {
  await openWithSample(page);
  await page.setViewportSize({ width: 1024, height: 480 });
  await page.goto('/#/candidates/sample-2026-cand-0012');
  await page.getByRole('button', { name: 'Log evidence' }).first().click();
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Ran the incident review');
  await page.getByLabel('Date', { exact: true }).fill('2026-03-14');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  const toast = page.locator('.status-line').filter({ hasText: /^Added/ });
  await expect(toast).toBeVisible();
  // From the top of the page, through the candidate's levels, evidence and their buttons.
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    (document.activeElement as HTMLElement | null)?.blur();
  });
  const { covered, checked } = await tabUnder(page, toast, 30);
  expect(checked).toBeGreaterThan(0);
  expect(covered).toEqual([]);
});
