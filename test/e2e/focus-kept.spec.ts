/**
 * A button that runs a check keeps the keyboard focus while it runs and after. It was disabled while busy, and a
 * disabled button gives the focus up to the page: a keyboard trial pressed Enter on "Verify audit trail" and found
 * itself at the top of the document, with the result announced and no way back but tabbing again.
 */
import { expect, test } from '@playwright/test';
import { openWithSample } from './helpers';

test('Verify audit trail keeps the focus on its button, on the About page and in a session’s Audit tab', async ({ page }) => {
  await openWithSample(page);
  for (const route of ['/#/about', '/#/calibration/sample-2026-session-1/audit']) {
    await page.goto(route);
    const button = page.getByRole('button', { name: 'Verify audit trail' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: /Chain intact/ })).toBeVisible();
    await expect(button).toBeFocused();
  }
});

test('About → You → Save keeps the focus on Save', async ({ page }) => {
  await openWithSample(page);
  await page.goto('/#/about');
  await page.getByRole('textbox', { name: 'Your name' }).fill('Dana Whitfield-Ng');
  const save = page.getByRole('button', { name: 'Save', exact: true });
  await save.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Saved\. Changes from now on are recorded as Dana Whitfield-Ng/ })).toBeVisible();
  await expect(save).toBeFocused();
});

test('Back up now… puts the focus in its panel, and Cancel gives it back to the button', async ({ page }) => {
  await openWithSample(page);
  await page.goto('/#/about');
  const open = page.getByRole('button', { name: 'Back up now…' });
  await open.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('checkbox', { name: /^Protect with a passphrase/ })).toBeFocused();
  await page.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Enter');
  await expect(open).toBeFocused();
});

test('Move a cycle to another framework version: the confirmation takes the focus, and Keep gives it back to the Move button', async ({ page }) => {
  await openWithSample(page);
  await page.goto('/#/frameworks');
  await page.getByRole('link', { name: 'IC0–IC4 and M1–M3' }).click();
  await page.getByRole('button', { name: 'Create a new version to edit' }).click();
  await page.waitForURL(/\/edit$/);
  await page.goto(page.url().replace(/\/edit$/, ''));
  const move = page.getByRole('button', { name: /Move 2026 H2 promotion cycle to v2/ });
  await move.focus();
  await page.keyboard.press('Enter');
  // The sample's cycle stays on v1: the refusal has the focus, not the page.
  await expect(page.getByRole('group', { name: 'Moving 2026 H2 promotion cycle' })).toBeFocused();
  await page.getByRole('button', { name: 'Keep v1' }).focus();
  await page.keyboard.press('Enter');
  await expect(move).toBeFocused();
});
