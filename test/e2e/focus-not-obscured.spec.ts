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

/**
 * A list's column headers stay at the top of the window as the page scrolls (.data-table th is sticky). Moving back
 * with Shift+Tab scrolled the focused link only to the window's top edge, under the headers, where neither it nor
 * its focus ring showed (a keyboard trial, on the Packets, Decisions and candidate pages).
 */
test('a link reached with Shift+Tab in a long table is not hidden under its sticky column headers', async ({ page }) => {
  await openWithSample(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/#/packets');
  const table = page.locator('main table.data-table').first();
  const links = table.locator('tbody a');
  await expect(links.nth(15)).toBeVisible();
  // From the table's last link, back up past the top of the window (the sample's 18 packets are taller than it).
  await links.last().focus();
  const covered: string[] = [];
  let checked = 0;
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Shift+Tab');
    const state = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      // A header cell, not the thead: the cells are what stick (the thead's own box scrolls away).
      const head = el?.closest('table')?.querySelector('thead th');
      if (!el || !head || el.closest('thead')) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top, headBottom: head.getBoundingClientRect().bottom, name: el.textContent?.trim() ?? '' };
    });
    if (!state) continue;
    checked++;
    if (state.top < state.headBottom - 1) covered.push(`${state.name} (top ${Math.round(state.top)}, headers end ${Math.round(state.headBottom)})`);
  }
  expect(checked).toBeGreaterThan(8);
  expect(covered).toEqual([]);
});
