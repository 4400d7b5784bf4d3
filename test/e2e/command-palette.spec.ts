/**
 * The command palette in Chromium (UX.md: Ctrl/Cmd+K for a command palette or
 * search): opened from a page, it finds a candidate by part of a name, goes
 * there with the arrows and Enter, leaves the keyboard in the page's content,
 * closes with Esc, and passes axe while open.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, openWithSample, watchPage } from './helpers';

test('Ctrl+K finds a candidate by part of a name and goes there; Esc closes it', async ({ page }) => {
  const problems = watchPage(page);
  await openWithSample(page);
  await page.goto('/#/packets');
  await expect(page.getByRole('heading', { level: 1, name: 'Packets' })).toBeVisible();
  await page.keyboard.press('Control+k');
  const box = page.getByRole('combobox', { name: 'Go to a section, session or candidate' });
  await expect(box).toBeFocused();
  await expectAccessible(page, 'command palette');
  await box.fill('karim');
  const results = page.getByRole('listbox', { name: 'Results' });
  await expect(results.getByRole('option')).toHaveText(['Candidate Lars Karimi · Search']);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/candidates\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Lars Karimi' })).toBeVisible();
  await expect(box).toHaveCount(0);
  // The keyboard is in the page's content (its heading or main), not left on the body or the sidebar.
  expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);

  await page.keyboard.press('Control+k');
  await expect(box).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(box).toHaveCount(0);
  // With text typed too: the search field's own Esc only emptied it, and a later Enter went to the first section.
  await page.keyboard.press('Control+k');
  await box.fill('week');
  await page.keyboard.press('Escape');
  await expect(box).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Lars Karimi' })).toBeVisible();

  // Opened from a sidebar link (a committee trial): the keyboard lands in the session, not back on the link, whose
  // next Enter would leave the session for Packets.
  const packetsLink = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /^Packets/ });
  await packetsLink.focus();
  await page.keyboard.press('Control+k');
  await box.fill('week 1');
  await expect(results.getByRole('option').first()).toContainText('week 1');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/calibration\/[^/]+/);
  await expect(box).toHaveCount(0);
  await expect(packetsLink).not.toBeFocused();
  expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
  expect(problems).toEqual([]);
});
