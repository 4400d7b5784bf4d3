/**
 * The heatmap on a projector (1024×768): moving right through the criteria
 * with the arrow keys keeps each candidate's name and readiness in view, and
 * the cell in focus is never under them. A chair's trial arrowed right and
 * the readiness column scrolled away, leaving a sliver of a cell beside the name.
 * The line above the grid says which criteria are in view.
 */
import { expect, test } from '@playwright/test';
import { openWithSample } from './helpers';

test('arrowing right through the criteria keeps the name and readiness beside the cell in focus', async ({ page }, testInfo) => {
  await openWithSample(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/#/calibration/sample-2026-session-1/heatmap');
  const grid = page.getByRole('grid');
  const first = grid.locator('.cv-hm-rating').first();
  await first.click();
  const criteria = await grid.locator('[role="columnheader"]').count();
  // Not every criterion fits at 1024: the line above the grid says which are shown (the trial saw no sign of the others).
  const shownLine = page.locator('.cv-in-view');
  await expect(shownLine).toHaveText(new RegExp(`^Showing \\S+–\\S+ of ${criteria - 2} criteria\\. Scroll sideways, or move with the arrow keys in the grid, for the others\\.$`));
  const atStart = await shownLine.textContent();
  for (let i = 0; i < criteria; i++) await page.keyboard.press('ArrowRight');
  // Arrowed to the last criterion: the line names the ones now in view, the last of them the level's last.
  const lastCode = (await grid.locator('[role="columnheader"]').last().innerText()).split(/\s/)[0]!;
  await expect(shownLine).not.toHaveText(atStart!);
  await expect(shownLine).toContainText(`–${lastCode} of ${criteria - 2} criteria`);
  // Scrolled: the first criteria are out of view, so the sticky columns are what keeps the row readable.
  expect(await page.locator('.cv-hm-scroll').evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  // The boxes of the focused cell, its row's name and readiness cells, and the grid's scroll box, as on screen.
  const boxes = await page.evaluate(() => {
    const cell = document.activeElement!;
    const row = cell.closest('[role="row"]')!;
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, right: r.right };
    };
    return { role: cell.getAttribute('role'), cell: box(cell), name: box(row.querySelector('.cv-hm-name')!), ready: box(row.querySelector('.cv-hm-ready')!), grid: box(document.querySelector('.cv-hm-scroll')!) };
  });
  expect(boxes.role).toBe('gridcell');
  // Name at the grid's left edge (inside its border), readiness right after it; the focused cell to their right, inside the grid.
  expect(boxes.name.x - boxes.grid.x).toBeLessThan(3);
  expect(Math.abs(boxes.ready.x - boxes.name.right)).toBeLessThan(3);
  expect(boxes.ready.right).toBeLessThanOrEqual(boxes.cell.x + 1);
  expect(boxes.cell.right).toBeLessThanOrEqual(boxes.grid.right + 1);
  await page.screenshot({ path: testInfo.outputPath('heatmap-1024x768-scrolled.png') });
});
