/**
 * Frameworks and cycles can be renamed and deleted: "New framework" is no
 * longer stuck as "Untitled framework", a cycle goes with a confirmation
 * that names what goes with it, built-ins say how to edit them, and a track
 * that starts lower down says why its column starts empty.
 */
import { expect, test } from '@playwright/test';
import { ensureProfile, loadSample } from './helpers';

test('renames and deletes a new framework and the sample cycle, with confirmations', async ({ page }) => {
  await page.goto('/#/frameworks');
  await ensureProfile(page);
  const builtInRow = page.locator('main table tbody tr').filter({ hasText: 'Built-in' }).first();
  await expect(builtInRow).toContainText('Built-in: duplicate it to edit');
  await expect(builtInRow).not.toContainText('Editable');

  // A built-in with a manager track beside the IC track explains the empty cells above its first level.
  await page.getByRole('link', { name: 'IC0–IC4 and M1–M3' }).click();
  await expect(page.locator('.ladder-gap').first()).toContainText(/starts at M\d.*rows line up levels of about the same seniority/);
  await expect(page.getByRole('button', { name: 'Delete…' })).toHaveCount(0);

  // New framework → rename → delete.
  await page.goto('/#/frameworks');
  await page.getByRole('button', { name: 'New framework' }).click();
  await expect(page).toHaveURL(/\/edit$/);
  await page.goto(page.url().replace(/\/edit$/, ''));
  await expect(page.getByRole('heading', { level: 1, name: 'Untitled framework' })).toBeVisible();
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByRole('textbox', { name: 'Framework name' }).fill('Platform ladder');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Platform ladder' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete “Platform ladder”?' });
  await expect(dialog).toContainText('its 1 version');
  await dialog.getByRole('button', { name: 'Delete framework' }).click();
  await expect(page).toHaveURL(/#\/frameworks$/);
  await expect(page.getByRole('link', { name: 'Platform ladder' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Untitled framework' })).toHaveCount(0);

  // The sample cycle: renamed, then deleted after a confirmation naming what goes.
  await page.goto('/');
  await loadSample(page);
  await page.goto('/#/cycles');
  const row = page.locator('main table tbody tr').first();
  const oldName = (await row.locator('td').first().innerText()).trim();
  await row.getByRole('button', { name: `Rename ${oldName}` }).click();
  await page.getByRole('textbox', { name: `New name for ${oldName}` }).fill('Tried-out cycle');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(row.locator('td').first()).toHaveText('Tried-out cycle');
  await row.getByRole('button', { name: 'Delete Tried-out cycle…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete the cycle “Tried-out cycle”?' });
  await expect(confirm).toContainText(/\d+ candidates, \d+ evidence items, \d+ packets and \d+ calibration sessions/);
  await expect(confirm).toContainText('finalized session');
  // Cancel keeps it; confirming deletes it.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(row.locator('td').first()).toHaveText('Tried-out cycle');
  await row.getByRole('button', { name: 'Delete Tried-out cycle…' }).click();
  // It holds a finalized session, the committee's record: the cycle's name must be typed first.
  const remove = confirm.getByRole('button', { name: 'Delete cycle' });
  await expect(remove).toBeDisabled();
  await confirm.getByLabel('Type “Tried-out cycle” to confirm').fill('Tried-out');
  await expect(remove).toBeDisabled();
  await confirm.getByLabel('Type “Tried-out cycle” to confirm').fill('Tried-out cycle');
  await remove.click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted the cycle “Tried-out cycle”.' })).toBeVisible();
  await expect(page.locator('main table tbody tr')).toHaveCount(0);
});
