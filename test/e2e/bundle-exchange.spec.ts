/**
 * Exchange between machines, in the browser: a manager sets assessments and
 * sees readiness change, exports the packet as an encrypted bundle, the
 * database is wiped (a different machine), the bundle is imported with its
 * passphrase, and the packet is the same: every assessment, the summary and
 * the readiness figure.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ensureProfile, expectAccessible, openWithSample, watchPage } from './helpers';

async function packetState(page: Page) {
  const ratings = await page.locator('fieldset.packet-rating').evaluateAll((sets) =>
    sets.map((s) => `${s.querySelector('legend')?.textContent?.trim()} = ${(s.querySelector('input:checked') as HTMLInputElement | null)?.value ?? 'none'}`),
  );
  const readiness = (await page.locator('#packet-readiness-figure').innerText()).replace(/\s+/g, ' ');
  const summary = await page.getByRole('textbox', { name: 'Summary' }).inputValue();
  return { ratings, readiness, summary };
}

test('a packet exported as an encrypted bundle comes back identical on a fresh database', async ({ page }, testInfo) => {
  const problems = watchPage(page);
  await openWithSample(page);

  // A draft packet from the list.
  await page.goto('/#/packets');
  const draftRow = page.locator('main table tbody tr').filter({ hasText: 'Draft' }).first();
  const name = (await draftRow.locator('td').nth(1).innerText()).trim();
  await draftRow.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

  // Assess: readiness changes as ratings change.
  const before = (await page.locator('#packet-readiness-figure').innerText()).replace(/\s+/g, ' ');
  const groups = page.locator('fieldset.packet-rating');
  const count = await groups.count();
  for (let i = 0; i < count; i++) await groups.nth(i).getByRole('radio', { name: 'Consistently' }).check();
  await expect(page.locator('#packet-readiness-figure')).not.toHaveText(before);
  await groups.nth(0).getByRole('radio', { name: 'Partially' }).check();
  await page.getByRole('textbox', { name: 'Summary' }).fill('Ran the design review for the billing pipeline and mentored two new hires.');
  await expect(page.getByText('✓ Saved')).toBeVisible();
  const original = await packetState(page);

  // Export it, encrypted.
  await page.goto('/#/packets');
  await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  await page.getByRole('button', { name: 'Export 1 packet…' }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill('correct horse battery');
  await page.getByLabel('Repeat passphrase').fill('correct horse battery');
  await expectAccessible(page, 'bundle export');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export bundle' }).click();
  const file = testInfo.outputPath('packet.levelset.json');
  await (await download).saveAs(file);
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as { encrypted: boolean; content?: unknown };
  expect(bundle.encrypted).toBe(true);
  expect(JSON.stringify(bundle)).not.toContain(name);

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
  await page.goto('/#/packets');
  await page.reload();
  // The other machine's first run asks who is using it, too.
  await ensureProfile(page, { name: 'Sam Okafor', role: 'Engineering manager' });
  await expect(page.getByRole('heading', { name: 'No packets yet' })).toBeVisible();

  // Import: wrong passphrase first, then the right one; preview before writing.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import bundle…' }).click();
  await (await chooser).setFiles(file);
  await page.getByLabel('Passphrase').fill('wrong passphrase');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'passphrase is wrong' })).toBeVisible();
  await page.getByLabel('Passphrase').fill('correct horse battery');
  await page.getByRole('button', { name: 'Unlock' }).click();
  const preview = page.getByRole('region', { name: /^Import / });
  await expect(preview).toContainText('2026 H2 promotion cycle');
  // The control that held the focus (Unlock, or Cancel import) left with its step: the preview's heading has it, not the page.
  await expect(preview.getByRole('heading', { level: 2 })).toBeFocused();
  await expectAccessible(page, 'bundle import preview');
  await preview.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported the bundle' })).toBeVisible();

  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.locator('#packet-readiness-figure')).toHaveText(original.readiness.replace(/^Readiness /, 'Readiness '), { useInnerText: true });
  expect(await packetState(page)).toEqual(original);
  expect(problems).toEqual([]);
});
