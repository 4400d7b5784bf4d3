/**
 * A backup protected with a passphrase, in the browser: export it from the
 * About page, wipe the database (another machine), restore the file (a wrong
 * passphrase is refused first, in words) and find the data back.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ensureProfile, openWithSample, watchPage } from './helpers';

test('a backup exported with a passphrase restores with it on a fresh database', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const problems = watchPage(page);
  await openWithSample(page);
  await page.goto('/#/packets');
  const firstRow = page.locator('main table tbody tr').first();
  const name = (await firstRow.locator('td').nth(1).innerText()).trim();
  expect(name).not.toBe('');

  // Export, protected.
  await page.goto('/#/about');
  await page.getByRole('button', { name: 'Back up now…' }).click();
  await page.getByRole('checkbox', { name: /Protect with a passphrase/ }).check();
  await page.getByLabel('Passphrase', { exact: true }).fill('short');
  await page.getByLabel('Repeat passphrase').fill('short');
  await page.getByRole('button', { name: 'Save backup' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Use at least 8 characters.' })).toBeVisible();
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Passphrase', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Passphrase', { exact: true }).fill('plum kettle orbit fern');
  await page.getByLabel('Repeat passphrase').fill('plum kettle orbit fern');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save backup' }).click();
  const file = testInfo.outputPath('protected-backup.json');
  await (await download).saveAs(file);
  const saved = readFileSync(file, 'utf8');
  expect(JSON.parse(saved)).toMatchObject({ format: 'levelset.backup', encrypted: true });
  expect(saved).not.toContain(name);

  // Another machine: an empty database.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('levelset');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
        request.onblocked = () => resolve();
      }),
  );
  await page.goto('/#/about');
  await page.reload();
  await ensureProfile(page, { name: 'Sam Okafor', role: 'Engineering manager' });
  await page.goto('/#/about');

  // Restore: asked for the passphrase; a wrong one is refused and nothing is replaced.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore from a file…' }).click();
  await (await chooser).setFiles(file);
  const prompt = page.getByRole('form', { name: 'protected-backup.json is protected with a passphrase' });
  await expect(prompt).toBeVisible();
  await prompt.getByLabel('Passphrase').fill('plum kettle orbit fen');
  await prompt.getByRole('button', { name: 'Open backup' }).click();
  await expect(prompt.getByRole('alert')).toContainText('The passphrase is wrong', { timeout: 60_000 });
  await expect(page.getByRole('group', { name: /Replace everything/ })).toHaveCount(0);
  // The field has the focus again, its text selected: the button was disabled while the file was opened, and the
  // focus fell to the page, so what was typed next went nowhere (a trial).
  await expect(prompt.getByLabel('Passphrase')).toBeFocused();
  await page.keyboard.type('plum kettle orbit fern');
  await expect(prompt.getByLabel('Passphrase')).toHaveValue('plum kettle orbit fern');
  await prompt.getByRole('button', { name: 'Open backup' }).click();
  const confirm = page.getByRole('group', { name: 'Replace everything with protected-backup.json?' });
  await expect(confirm).toBeVisible({ timeout: 60_000 });
  // Edits are lost too, not only what was added: the counts alone would not show a renamed framework coming back.
  await expect(confirm).toContainText('anything added, changed or deleted since it was made is lost, even where the counts match');
  await confirm.getByRole('button', { name: 'Replace everything' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored protected-backup.json' })).toBeVisible({ timeout: 60_000 });
  // The record says which file replaced everything, and what recorded here it discarded.
  const restores = page.locator('.record-restores');
  await expect(restores.getByRole('heading', { name: 'Restores on this computer' })).toBeVisible();
  await expect(restores.getByRole('listitem').first()).toContainText('Sam Okafor (Engineering manager) restored “protected-backup.json”, made');
  await page.screenshot({ path: testInfo.outputPath('about-restores.png'), fullPage: true });

  // The data is back.
  await page.goto('/#/packets');
  await expect(page.locator('main table tbody tr').filter({ hasText: name }).first()).toBeVisible();
  expect(problems).toEqual([]);
});
