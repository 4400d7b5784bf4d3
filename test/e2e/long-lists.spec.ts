/**
 * The Candidates and Packets lists are virtualised (issue 13): with the
 * 42-candidate sample only the rows in view (and a few either side) are in
 * the DOM, the table still counts every row for screen readers, End from a
 * row's link reaches the last candidate far below (scrolled in and
 * focused), Tab goes on from there, and neither list has accessibility
 * violations.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, openWithSample, watchPage } from './helpers';

test('the long lists keep only the rows in view in the DOM and stay reachable by keyboard', async ({ page }) => {
  const problems = watchPage(page);
  await openWithSample(page);

  await page.goto('/#/candidates');
  const table = page.getByRole('table', { name: /^Candidates in / });
  await expect(table).toHaveAttribute('aria-rowcount', '43');
  const rows = table.locator('tbody tr:not([aria-hidden])');
  await expect(rows.first()).toBeVisible();
  const inDom = await rows.count();
  expect(inDom).toBeGreaterThan(3);
  expect(inDom).toBeLessThan(42);
  await expectAccessible(page, 'candidates list');

  const firstLink = rows.first().getByRole('link');
  await firstLink.focus();
  await page.keyboard.press('End');
  const focusedRow = page.locator('tbody tr:has(:focus)');
  await expect(focusedRow).toHaveAttribute('aria-rowindex', '43');
  await expect(focusedRow).toBeInViewport();
  await page.keyboard.press('ArrowUp');
  await expect(focusedRow).toHaveAttribute('aria-rowindex', '42');
  await page.keyboard.press('Home');
  await expect(focusedRow).toHaveAttribute('aria-rowindex', '2');
  // Tab walks down the rows as before, past the rows first rendered.
  for (let i = 0; i < inDom + 2; i++) await page.keyboard.press('Tab');
  await expect(focusedRow).toHaveAttribute('aria-rowindex', String(inDom + 4));

  await page.goto('/#/packets');
  const packets = page.getByRole('table', { name: /^Packets in / });
  await expect(packets.locator('tbody tr:not([aria-hidden])').first()).toBeVisible();
  expect(await packets.locator('tbody tr:not([aria-hidden])').count()).toBeLessThan(Number(await packets.getAttribute('aria-rowcount')) - 1);
  await expectAccessible(page, 'packets list');
  await packets.locator('tbody tr:not([aria-hidden])').first().getByRole('checkbox').focus();
  await page.keyboard.press('End');
  await expect(page.locator('tbody tr:has(:focus)')).toHaveAttribute('aria-rowindex', String(await packets.getAttribute('aria-rowcount')));
  await expect(page.locator(':focus')).toHaveAttribute('type', 'checkbox');

  expect(problems).toEqual([]);
});
