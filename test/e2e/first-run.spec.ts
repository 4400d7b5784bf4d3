/**
 * First run in the browser: an empty database first asks who is using
 * Levelset (the name on every audit entry), then offers the sample cycle; it
 * loads, every section shows real rows, and after a reload the same data is
 * there (real IndexedDB in Chromium). Each view passes axe-core.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, loadSample, openWithSample, SECTIONS, watchPage } from './helpers';

/** The sections whose list is a virtualised table (components/virtual-table.tsx): it says its row count. */
const VIRTUALISED = new Set(['Candidates', 'Packets']);

test('loads the sample cycle, navigates every section, and keeps the data across a reload', async ({ page }, testInfo) => {
  const problems = watchPage(page);
  await page.goto('/');

  // Before anything else: who is using Levelset. An empty name is refused, with a message under the field.
  await expect(page.getByRole('heading', { level: 1, name: 'Who is using Levelset?' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
  await expect(page.getByText('recorded on every change for the audit trail and stays on this machine')).toContainText('chair');
  await expectAccessible(page, 'profile step');
  await page.screenshot({ path: testInfo.outputPath('profile-step-1280x800.png') });
  await page.getByRole('button', { name: 'Continue' }).click();
  const name = page.getByRole('textbox', { name: 'Your name' });
  await expect(name).toHaveAccessibleDescription('Give your name: it is recorded on every change you make.');
  await expect(name).toBeFocused();
  await name.fill('Dana Whitfield');
  await page.getByRole('combobox', { name: /^Your role/ }).fill('Committee chair');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { name: 'Welcome to Levelset' })).toBeVisible();
  // The keyboard focus lands on the first page's heading, not on the main region it waited in while the page loaded.
  await expect(page.locator('#page-title')).toBeFocused();
  await expectAccessible(page, 'first run');
  for (const section of ['Candidates', 'Packets', 'Calibration', 'Decisions']) {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: new RegExp(`^${section}`) }).click();
    await expect(page.getByRole('button', { name: 'Load sample cycle' })).toBeVisible();
    // And the way to a real cycle, not only the sample (found in a walkthrough).
    await expect(page.getByRole('main').getByRole('link', { name: 'Create a cycle' })).toHaveAttribute('href', '#/cycles/new');
  }
  // It opens the New cycle form with its name field focused.
  await page.getByRole('main').getByRole('link', { name: 'Create a cycle' }).click();
  await expect(page.getByRole('form', { name: 'New cycle' }).getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.goBack();

  await loadSample(page);

  const seen: Record<string, string[]> = {};
  async function visitAll() {
    const snapshot: Record<string, string[]> = {};
    for (const section of SECTIONS) {
      await page.getByRole('link', { name: new RegExp(`^${section}`) }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText(section === 'About' ? 'About Levelset' : section);
      await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
      // The Candidates and Packets lists are virtualised: the rows in view, plus how many the table says it has.
      // Read once the table is there: under load the heading came before the list, and the rows in view (22) were read as all.
      const counted = page.locator('main table[aria-rowcount]');
      if (VIRTUALISED.has(section)) await expect(counted.first()).toBeVisible();
      const rowCount = (await counted.count()) > 0 ? await counted.first().getAttribute('aria-rowcount') : null;
      snapshot[section] = [...(await page.locator('main table tbody tr').allInnerTexts()), ...(rowCount ? [`rows: ${rowCount}`] : [])];
    }
    return snapshot;
  }

  Object.assign(seen, await visitAll());
  expect(seen.Frameworks).toHaveLength(4);
  const rows = (list: string[] | undefined) => Number(/^rows: (\d+)$/.exec(list?.at(-1) ?? '')?.[1] ?? list?.length ?? 0);
  expect(rows(seen.Candidates)).toBeGreaterThanOrEqual(41);
  expect(rows(seen.Packets)).toBe(rows(seen.Candidates));
  expect(seen.Calibration).toHaveLength(2);
  expect(seen.Decisions!.length).toBeGreaterThan(0);

  await page.goto('/#/candidates');
  await expectAccessible(page, 'candidates');
  for (const section of SECTIONS) {
    await page.getByRole('link', { name: new RegExp(`^${section}`) }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
    await expectAccessible(page, section);
  }

  await page.reload();
  const after = await visitAll();
  expect(after).toEqual(seen);

  // The profile is kept, and About shows and changes it.
  await page.getByRole('link', { name: /^About/ }).click();
  const you = page.getByRole('region', { name: 'You' });
  await expect(you).toContainText('On a committee’s shared machine this is the chair’s profile.');
  await expect(you.getByRole('textbox', { name: 'Your name' })).toHaveValue('Dana Whitfield');
  await expect(you.getByRole('combobox', { name: /^Your role/ })).toHaveValue('Committee chair');
  await you.getByRole('textbox', { name: 'Your name' }).fill('Dana W. Whitfield');
  await you.getByRole('button', { name: 'Save' }).click();
  await expect(you.getByRole('status')).toHaveText('Saved. Changes from now on are recorded as Dana W. Whitfield (Committee chair).');
  await you.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('about-you-1280x800.png') });
  await page.reload();
  await expect(page.getByRole('region', { name: 'You' }).getByRole('textbox', { name: 'Your name' })).toHaveValue('Dana W. Whitfield');

  // The framework opens as a ladder with both tracks.
  await page.getByRole('link', { name: /^Frameworks/ }).click();
  await page.getByRole('link', { name: 'IC0–IC4 and M1–M3' }).click();
  await expect(page.locator('h2.ladder-track-title')).toHaveText(['Individual contributor', 'Manager']);
  await expectAccessible(page, 'framework detail');

  expect(problems).toEqual([]);
});

test('is usable from the keyboard alone', async ({ page }) => {
  await page.goto('/');
  // The profile step: the name field has focus, and Enter continues.
  await expect(page.getByRole('textbox', { name: 'Your name' })).toBeFocused();
  await page.keyboard.type('Sam Okafor');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Welcome to Levelset' })).toBeVisible();
  await page.getByRole('button', { name: 'Load sample cycle' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Loaded the sample cycle' })).toBeVisible();
  await page.keyboard.press('2');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Candidates');
  await page.getByRole('searchbox', { name: 'Search candidates' }).focus();
  await page.keyboard.type('Alex Morgan');
  const rows = page.locator('main table tbody tr');
  await expect(rows.first()).toContainText('Alex Morgan');
  for (const text of await rows.allInnerTexts()) expect(text).toContain('Alex Morgan');
  await page.keyboard.press('Control+5');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Decisions');
  await page.locator('body').press('?');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toBeVisible();
  // It opens at the top of the list (the focus was on Close, below it, and the list opened scrolled to its end).
  await expect(shortcuts.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeFocused();
  expect(await shortcuts.evaluate((el) => el.scrollTop)).toBe(0);
  await page.keyboard.press('Tab');
  await expect(shortcuts.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
});

test('reads well at 1280×800 and 1920×1080', async ({ page }, testInfo) => {
  await openWithSample(page);
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('/#/candidates');
    await expect(page.locator('main table tbody tr').first()).toBeVisible();
    // Nothing overflows horizontally at this size.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath(`candidates-${width}x${height}.png`) });
  }
});
