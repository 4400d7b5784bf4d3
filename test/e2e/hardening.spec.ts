/**
 * Hostile text everywhere a user types: script and markup payloads go into
 * a candidate, evidence, a packet summary, a framework name, the user's
 * profile and a decision book. They must show as text, never run: no dialog
 * opens, no console error (a CSP violation would log one), and no injected
 * element appears.
 */
import { expect, test } from '@playwright/test';
import { ensureProfile, loadSample, watchPage } from './helpers';

const PAYLOADS = ['<img src=x onerror=alert(1)>', '<script>alert("x")</script>', '"><svg onload=alert(2)>', "javascript:alert('3')", '{{constructor.constructor("alert(4)")()}}', '<a href="javascript:alert(5)">click</a>'];

test('script and markup payloads are stored and shown as text, and never run', async ({ page }) => {
  const problems = watchPage(page);
  await page.addInitScript(() => {
    (window as unknown as { __injected: number }).__injected = 0;
    window.alert = () => void ((window as unknown as { __injected: number }).__injected += 1);
  });
  await page.goto('/');
  // The profile from the first-run step is user-entered too: it is shown in About and by a session's actions.
  await ensureProfile(page, { name: PAYLOADS[2]!, role: PAYLOADS[0]! });
  await loadSample(page);

  // A candidate whose name, role and team are payloads.
  const name = PAYLOADS[0]!;
  await page.goto('/#/candidates/new');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Role').fill(PAYLOADS[1]!);
  await page.getByLabel('Team').fill(PAYLOADS[2]!);
  await page.getByLabel('Manager').fill(PAYLOADS[5]!);
  await page.getByLabel('Current level').selectOption({ label: 'IC1 Junior Engineer' });
  await page.getByRole('button', { name: 'Add candidate' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  // Evidence with payloads in title and description.
  await page.keyboard.press('n');
  const title = page.getByRole('textbox', { name: 'Title', exact: true });
  await title.fill(PAYLOADS[1]!);
  await page.getByRole('textbox', { name: 'Description' }).fill(PAYLOADS.join('\n'));
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await expect(page.locator('.evidence-item').first()).toContainText(PAYLOADS[1]!);

  // The packet summary.
  await page.getByRole('link', { name: 'Open packet' }).click();
  await page.getByRole('textbox', { name: 'Summary' }).fill(PAYLOADS.join(' '));
  await expect(page.getByText('✓ Saved')).toBeVisible();

  // Lists show the text as text.
  await page.goto('/#/candidates');
  await expect(page.locator('main table')).toContainText(name);
  await page.goto('/#/packets');
  await expect(page.locator('main table')).toContainText(name);

  // A framework renamed to a payload.
  await page.goto('/#/frameworks');
  await page.getByRole('button', { name: 'New framework' }).click();
  const frameworkName = page.getByRole('textbox', { name: /^Framework name/ }).first();
  await frameworkName.fill(PAYLOADS[4]!);
  await frameworkName.blur();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await page.goto('/#/frameworks');
  await expect(page.locator('main table')).toContainText(PAYLOADS[4]!);

  // The profile, in About and on a session page.
  await page.goto('/#/about');
  await expect(page.getByRole('region', { name: 'You' }).getByRole('textbox', { name: 'Your name' })).toHaveValue(PAYLOADS[2]!);
  await page.goto('/#/calibration/sample-2026-session-0');
  await expect(page.getByText(/^Recording as/)).toContainText(`${PAYLOADS[2]!} (${PAYLOADS[0]!})`);
  expect(await page.locator('main img[src="x"], svg[onload], script:not([src])').count()).toBe(0);

  // The packet print view.
  const candidateId = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('levelset');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('candidates').objectStore('candidates').getAll();
          all.onsuccess = () => resolve((all.result as Array<{ id: string; name: string }>).find((c) => c.name.startsWith('<img'))!.id);
        };
      }),
  );
  await page.goto(`/#/print/packet/${candidateId}`);
  await expect(page.locator('html[data-print-ready="true"]')).toHaveCount(1);
  await expect(page.locator('.print-doc')).toContainText(name);

  // Nothing ran and nothing was injected.
  expect(await page.evaluate(() => (window as unknown as { __injected: number }).__injected)).toBe(0);
  expect(await page.locator('main img[src="x"], .print-doc img[src="x"], svg[onload], script:not([src])').count()).toBe(0);
  expect(problems).toEqual([]);
});
