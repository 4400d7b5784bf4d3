/**
 * The calibration views in the browser, on the sample cycle's planned
 * session, at the session page's routes (`#/calibration/<sessionId>/<view>`):
 * the heatmap is a virtualised grid with labelled cells that sorts and moves
 * with the arrow keys; side by side compares two candidates; managers,
 * levels and fairness show their tables and (lazily loaded) charts. Every
 * view passes axe-core, and no view logs an error.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, openWithSample, watchPage } from './helpers';

const SESSION_ID = 'sample-2026-session-1';

/** The session as stored in the browser's IndexedDB (the app's Dexie database, "levelset"). */
async function storedSession(page: Page, id: string): Promise<{ id: string; candidateIds: string[] } | null> {
  return page.evaluate(
    (sessionId) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('levelset');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('sessions', 'readonly').objectStore('sessions').get(sessionId);
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result ?? null);
          };
        };
      }),
    id,
  );
}

async function openView(page: Page, view: string) {
  await page.goto(`/#/calibration/${SESSION_ID}/${view}`);
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
}

test('the calibration views: heatmap grid, side by side, managers, levels and fairness', async ({ page }, testInfo) => {
  const problems = watchPage(page);
  await openWithSample(page);
  const session = await storedSession(page, SESSION_ID);
  expect(session?.candidateIds.length).toBeGreaterThan(0);

  // Heatmap: a grid with a header row and candidate rows; every rating cell says its rating in words.
  await openView(page, 'heatmap');
  const grid = page.getByRole('grid');
  await expect(grid).toBeVisible();
  await expect(grid.getByRole('rowheader').first()).toBeVisible();
  const rowCount = Number(await grid.getAttribute('aria-rowcount'));
  expect(rowCount).toBeGreaterThan(1);
  // Virtualised: the rows in view (and a few more) are in the DOM, never more than the grid has.
  const rendered = await grid.getByRole('row').count();
  expect(rendered).toBeGreaterThan(1);
  expect(rendered).toBeLessThanOrEqual(rowCount);
  const firstCell = grid.locator('.cv-hm-rating').first();
  await expect(firstCell).toContainText(/Consistently|Partially|Not yet|None/);
  await expect(grid.getByRole('columnheader', { name: /Readiness/ })).toHaveAttribute('aria-sort', 'descending');
  await page.screenshot({ path: testInfo.outputPath('calibration-heatmap-1280x800.png') });

  // Sorting by the first criterion, from its header.
  // Named by the code the review, the decision and the CSV use: the level's code and its place ("IC3.1").
  const c1 = grid.getByRole('button', { name: /^[A-Z]+\d+\.1: / });
  await c1.click();
  await expect(grid.locator('[data-cell="0:2"]')).toHaveAttribute('aria-sort', 'descending');
  await expect(page.locator('.cv-sort-rule')).toContainText('Sorted by the rating on this criterion');

  // Arrow keys move cell to cell; the line under the grid says what the focused cell holds.
  await grid.getByRole('button', { name: /^Candidate/ }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(':focus')).toHaveAttribute('data-cell', '1:2');
  await expect(page.locator('.cv-hm-detail')).toContainText(/ on [A-Z]+\d+\.1 /);
  await expectAccessible(page, 'calibration heatmap');

  // Side by side: two candidates of the same level, criteria as rows.
  await openView(page, 'compare');
  await expect(page.getByText('Pick at least 2 candidates to compare.')).toBeVisible();
  const boxes = page.getByRole('checkbox');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  const table = page.getByRole('table').first();
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveCount(3);
  await expectAccessible(page, 'calibration side by side');

  // Managers: the table first, then the chart (Recharts, loaded when the view opens).
  await openView(page, 'managers');
  await expect(page.getByRole('table', { name: 'Ratings, leniency and outcomes by manager' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Share of rated criteria by rating, per manager' }).locator('svg').first()).toBeVisible();
  const why = page.getByRole('button', { name: /^Why: leniency of / }).first();
  await why.click();
  await expect(why).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('note').filter({ hasText: /Here: |No estimate: / }).first()).toBeVisible();
  await expectAccessible(page, 'calibration managers');

  // Levels: the table and a chart per track.
  await openView(page, 'levels');
  await expect(page.getByRole('table', { name: 'Candidates per level, before and after the decisions' })).toBeVisible();
  await expect(page.locator('figure.cv-chart svg').first()).toBeVisible();
  await expectAccessible(page, 'calibration levels');

  // Fairness: per attribute, the rates with n (small groups "fewer than 5"), or the empty state.
  await openView(page, 'fairness');
  await expect(page.getByRole('heading', { name: /Fairness: outcomes by group|No group attributes to compare/ })).toBeVisible();
  if (await page.getByRole('heading', { name: 'Fairness: outcomes by group' }).isVisible()) {
    await expect(page.getByRole('table', { name: /^Promotion rate by / }).first()).toBeVisible();
    await expect(page.getByRole('table', { name: /^Readiness rate by / }).first()).toBeVisible();
  }
  await page.screenshot({ path: testInfo.outputPath('calibration-fairness-1280x800-full.png'), fullPage: true });
  await expectAccessible(page, 'calibration fairness');

  expect(problems).toEqual([]);
});
