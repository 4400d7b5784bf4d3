/**
 * Everyday friction in a real browser: long unbroken text wraps instead of
 * widening the page past the window (Edit and Archive stay on screen and
 * clickable), the status line never takes a click meant for a button, and
 * a text over its limit is kept and counted rather than cut.
 */
import { expect, test, type Page } from '@playwright/test';
import { openWithSample } from './helpers';

test.use({ locale: 'en-US', timezoneId: 'UTC' });

const LONG_NAME = 'A'.repeat(200);
const LONG_TITLE = 'T'.repeat(300);

async function pageWidth(page: Page): Promise<{ scroll: number; viewport: number }> {
  return page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, viewport: window.innerWidth }));
}

async function expectOnScreen(page: Page, name: string) {
  const control = page.locator('.page-header').getByRole(name === 'Edit' ? 'link' : 'button', { name, exact: true });
  await expect(control).toBeVisible();
  const box = (await control.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(1280);
}

test('a 200-character name and a 300-character title fit the window, and the status line never blocks a click', async ({ page }) => {
  await openWithSample(page);

  await page.getByRole('link', { name: /^Candidates/ }).click();
  await page.getByRole('link', { name: 'Add candidate' }).click();
  const name = page.getByLabel('Name', { exact: true });
  // Over the limit, the text is kept and the form says by how much, instead of cutting it silently.
  await name.fill(`${LONG_NAME}BCDEF`);
  await expect(name).toHaveValue(`${LONG_NAME}BCDEF`);
  await expect(page.getByText('5 characters over the limit of 200: shorten it to save.')).toBeVisible();
  await name.fill(LONG_NAME);
  await expect(page.getByText('200 of 200 characters')).toBeVisible();
  await page.getByLabel('Manager').fill('Alex Morgan');
  await page.getByLabel('Current level').selectOption({ label: 'IC1 Junior Engineer' });
  await page.getByLabel('Target level').selectOption({ label: 'IC2 Associate Engineer' });
  await page.getByRole('button', { name: 'Add candidate' }).click();
  await expect(page.getByRole('heading', { level: 1, name: LONG_NAME })).toBeVisible();

  // Evidence with a 300-character unbroken title.
  await page.getByRole('button', { name: 'Log evidence' }).first().click();
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(LONG_TITLE);
  await page.getByLabel('Date', { exact: true }).fill('2026-03-14');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await expect(page.locator('.evidence-item').filter({ hasText: LONG_TITLE })).toBeVisible();
  const toast = page.getByRole('status').filter({ hasText: /^Added/ });
  await expect(toast).toBeVisible();

  // While the status line shows, a Delete button placed where it shows (bottom right) takes the click.
  const del = page.locator('.evidence-item').filter({ hasText: LONG_TITLE }).getByRole('button', { name: 'Delete' });
  await page.setViewportSize({ width: 1280, height: 420 });
  await del.evaluate((el) => {
    const box = el.getBoundingClientRect();
    window.scrollBy(0, box.top + box.height / 2 - (window.innerHeight - 16 - 18));
  });
  await expect(toast).toBeVisible();
  // A real click at the button's centre: it reaches whatever is on top there (Playwright's own click would wait for the toast to go).
  const box = (await del.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.locator('.evidence-item').filter({ hasText: LONG_TITLE })).toHaveCount(0);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Add it again for the width checks.
  await page.getByRole('button', { name: 'Log evidence' }).first().click();
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(LONG_TITLE);
  await page.getByLabel('Date', { exact: true }).fill('2026-03-14');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await expect(page.locator('.evidence-item').filter({ hasText: LONG_TITLE })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));

  const width = await pageWidth(page);
  expect(width.viewport).toBe(1280);
  expect(width.scroll).toBeLessThanOrEqual(width.viewport);
  await expectOnScreen(page, 'Edit');
  await expectOnScreen(page, 'Archive');


  // The candidates list and the packet fit too.
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await nav.getByRole('link', { name: /^Candidates/ }).click();
  await expect(page.getByRole('link', { name: LONG_NAME })).toBeVisible();
  let listWidth = await pageWidth(page);
  expect(listWidth.scroll).toBeLessThanOrEqual(listWidth.viewport);
  await nav.getByRole('link', { name: /^Packets/ }).click();
  await expect(page.getByText(LONG_NAME).first()).toBeVisible();
  listWidth = await pageWidth(page);
  expect(listWidth.scroll).toBeLessThanOrEqual(listWidth.viewport);
});
