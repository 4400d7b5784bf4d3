/**
 * A manager's flow in real Chromium and IndexedDB: add a candidate through
 * the form (IC1 → IC2 of the sample framework), log evidence in two
 * quarters (one item with the keyboard alone), paste a brag document and add
 * its items after review, see everything grouped by quarter with the target
 * criterion sustained, undo a delete, and find it all again after a reload.
 * The form and the candidate page pass axe-core.
 */
import { expect, test, type Page } from '@playwright/test';
import { ensureProfile, expectAccessible, loadSample, openWithSample, watchPage } from './helpers';

// Date fields take typed digits in the locale's order; fix it so the keyboard steps below mean one thing.
test.use({ locale: 'en-US', timezoneId: 'UTC' });

const BRAG = `## 2026
- 2026-02-10: Shipped the receipts queue behind a feature flag
- Mentored Ana through her first design doc (14 Aug 2026)
- Q4 2025 post-incident review for the checkout outage https://wiki.example.com/pir-42`;

function quarterHeadings(page: Page) {
  return page.locator('.evidence-quarter h3');
}

function quarterSection(page: Page, label: string) {
  return page.getByRole('region', { name: new RegExp(`^${label}`) });
}

test('adds a candidate, logs evidence by keyboard and from a brag document, and keeps it across a reload', async ({ page }, testInfo) => {
  const problems = watchPage(page);
  await openWithSample(page);

  // The candidate form.
  await page.getByRole('link', { name: /^Candidates/ }).click();
  await page.getByRole('link', { name: 'Add candidate' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add candidate' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Optional: group attributes for fairness checks' })).toContainText('never appear in a packet');
  await expectAccessible(page, 'candidate form');

  // Submitting empty names what is missing, beside each field.
  await page.getByRole('button', { name: 'Add candidate' }).click();
  await expect(page.getByText('Give the candidate a name.')).toBeVisible();
  await expect(page.getByText('Name the candidate’s manager.')).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  await expectAccessible(page, 'candidate form with errors');

  await page.getByLabel('Name', { exact: true }).fill('Ada Quist');
  await page.getByLabel('Role').fill('Backend engineer');
  await page.getByLabel('Team').fill('Payments');
  await page.getByLabel('Manager').fill('Alex Morgan');
  await page.getByLabel('Current level').selectOption({ label: 'IC1 Junior Engineer' });
  // The target follows to the next level up; it can be any level, so choose it explicitly as a user would.
  await expect(page.getByLabel('Target level')).toHaveValue('ic0m3-ic2');
  await page.getByLabel('Target level').selectOption({ label: 'IC2 Associate Engineer' });
  await page.getByLabel('Time in level').fill('14');
  // A few digits' field with "months" beside it on one line: as a text field it took the row and broke "mont|hs" at 1024.
  const months = await page.getByLabel('Time in level').evaluate((field) => {
    const unit = field.nextElementSibling as HTMLElement;
    const range = document.createRange();
    range.selectNodeContents(unit);
    return { field: field.getBoundingClientRect().width, unitLines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size, unit: unit.textContent };
  });
  expect(months).toEqual({ field: expect.any(Number), unitLines: 1, unit: 'months' });
  expect(months.field).toBeLessThan(160);
  await page.getByRole('button', { name: 'Add gender' }).click();
  await expect(page.getByLabel('Value of Gender')).toBeFocused();
  await page.keyboard.type('Woman');
  await page.screenshot({ path: testInfo.outputPath('candidate-form.png'), fullPage: true });
  await page.getByRole('button', { name: 'Add candidate' }).click();

  // The candidate page.
  await expect(page).toHaveURL(/#\/candidates\/[0-9a-f-]{36}$/);
  const candidateId = page.url().split('/').at(-1)!;
  await expect(page.getByRole('heading', { level: 1, name: 'Ada Quist' })).toBeVisible();
  await expect(page.locator('.candidate-levels')).toContainText('IC1 Junior Engineer');
  await expect(page.locator('.candidate-levels')).toContainText('IC2 Associate Engineer');
  await expect(page.locator('.candidate-levels')).toContainText('Draft packet');
  await expect(page.getByRole('link', { name: 'Open packet' })).toHaveAttribute('href', `#/packets/${candidateId}`);
  // Group attributes are for aggregate checks only: not on the candidate's page.
  await expect(page.locator('main')).not.toContainText('Woman');
  await expect(page.getByRole('heading', { name: 'No evidence yet' })).toBeVisible();

  // First item with the keyboard alone: N opens the form with the title focused.
  await expect(page.locator('#page-title')).toBeFocused();
  await page.keyboard.press('n');
  const title = page.getByRole('textbox', { name: 'Title', exact: true });
  await expect(title).toBeFocused();
  await page.keyboard.type('Designed the receipts data model and wrote down the trade-offs');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Date', { exact: true })).toBeFocused();
  await page.keyboard.type('03142026');
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue('2026-03-14');
  await expect(page.locator('.evidence-quick-add .quarter-badge')).toHaveText('Counts in 2026 Q1');
  // Chromium's date field keeps one more Tab stop after the year (its calendar button) before the next field.
  const kind = page.getByLabel('Kind');
  for (let i = 0; i < 3 && !(await kind.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(kind).toBeFocused();
  await page.keyboard.press('d');
  await expect(page.getByLabel('Kind')).toHaveValue('design');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Source')).toBeFocused();
  await page.keyboard.press('Tab');
  const firstTarget = page.getByRole('group', { name: /^Target level \(IC2\)/ }).getByRole('checkbox').first();
  await expect(firstTarget).toBeFocused();
  await expect(firstTarget).toHaveAccessibleName(/^IC2\.1 Turns a problem statement/);
  await page.keyboard.press('Space');
  await expect(firstTarget).toBeChecked();
  await page.screenshot({ path: testInfo.outputPath('quick-add.png'), fullPage: true });
  await page.keyboard.press('Control+Enter');

  await expect(quarterSection(page, '2026 Q1')).toContainText('Designed the receipts data model');
  await expect(quarterSection(page, '2026 Q1')).toContainText('IC2.1');
  // Ready for the next item: the title is empty and focused again.
  await expect(title).toBeFocused();
  await expect(title).toHaveValue('');

  // Second item, in another quarter, with a link; Enter in the title saves it.
  await page.getByLabel('Date', { exact: true }).fill('2026-05-20');
  await expect(page.locator('.evidence-quick-add .quarter-badge')).toHaveText('Counts in 2026 Q2');
  await page.getByRole('group', { name: /^Target level \(IC2\)/ }).getByRole('checkbox', { name: /^IC2\.1/ }).check();
  await page.getByRole('textbox', { name: 'Links' }).fill('https://docs.example.com/receipts-design');
  await title.fill('Chose the receipts queue and ran its design review with three teams');
  await title.press('Enter');
  await expect(quarterSection(page, '2026 Q2')).toContainText('Chose the receipts queue');
  const link = quarterSection(page, '2026 Q2').getByRole('link', { name: /docs\.example\.com\/receipts-design/ });
  await expect(link).toHaveAttribute('href', 'https://docs.example.com/receipts-design');

  // An unsafe link is refused beside the field and nothing is added.
  await title.fill('A link that must not be stored');
  await page.getByRole('textbox', { name: 'Links' }).fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await expect(page.getByText(/“javascript:alert\(1\)” is not a web link Levelset can open/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Links' })).toBeFocused();
  await expect(page.locator('.evidence-item')).toHaveCount(2);
  await page.getByRole('textbox', { name: 'Links' }).fill('');
  await title.fill('');
  await title.press('Escape');
  await expect(page.getByRole('form', { name: 'Log evidence' })).toHaveCount(0);

  // The target criterion is sustained: evidence in two quarters of the window.
  const coverageRow = page.locator('.coverage-table tbody tr').filter({ hasText: 'IC2.1' });
  await expect(coverageRow).toContainText('2');
  await expect(coverageRow).toContainText('2026 Q1, 2026 Q2');
  await expect(coverageRow).toContainText('Sustained');

  // A brag document: one item per bullet, reviewed before saving.
  await page.getByRole('button', { name: 'Paste brag document' }).click();
  await page.getByLabel('Brag document (Markdown)').fill(BRAG);
  await page.getByRole('button', { name: 'Parse' }).click();
  const review = page.locator('.brag-table tbody tr');
  await expect(review).toHaveCount(3);
  await expect(page.getByLabel('Title of item 1')).toHaveValue('Shipped the receipts queue behind a feature flag');
  await expect(page.getByLabel('Date of item 1')).toHaveValue('2026-02-10');
  await expect(page.getByLabel('Date of item 2')).toHaveValue('2026-08-14');
  await expect(page.getByLabel('Kind of item 2')).toHaveValue('mentoring');
  await expect(page.getByLabel('Date of item 3')).toHaveValue('2025-10-01');
  await page.getByLabel('Title of item 3').fill('Ran the post-incident review for the checkout outage');
  await page.getByLabel('Link every included item to').selectOption('ic0m3-ic2-c04');
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  await page.getByLabel('Link item 2 to a criterion').selectOption('ic0m3-ic2-c05');
  await expect(review.nth(1)).toContainText('IC2.5');
  await page.screenshot({ path: testInfo.outputPath('brag-review.png'), fullPage: true });
  await expectAccessible(page, 'brag document review');
  await page.getByRole('button', { name: 'Add 3 items' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added 3 items from the brag document' })).toBeVisible();

  // Grouped by quarter, newest first.
  const expectedQuarters = ['2026 Q3', '2026 Q2', '2026 Q1', '2025 Q4'];
  await expect(quarterHeadings(page)).toHaveText(expectedQuarters.map((q) => new RegExp(`^${q}`)));
  await expect(quarterSection(page, '2026 Q1').locator('.evidence-item')).toHaveCount(2);
  await expect(quarterSection(page, '2026 Q3')).toContainText('Mentored Ana through her first design doc');
  await expect(quarterSection(page, '2026 Q3')).toContainText('IC2.5');
  await expect(quarterSection(page, '2025 Q4').getByRole('link', { name: /wiki\.example\.com\/pir-42/ })).toBeVisible();

  // Filters: by kind, and by a criterion.
  await page.getByLabel('Kind', { exact: true }).selectOption('mentoring');
  await expect(page.locator('.evidence-item')).toHaveCount(1);
  await expect(page.getByText('1 of 5 items')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('searchbox', { name: 'Search', exact: true }).fill('receipts');
  await expect(page.locator('.evidence-item')).toHaveCount(3);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.locator('.evidence-item')).toHaveCount(5);

  // Delete, then undo.
  const mentoring = page.getByRole('article', { name: 'Mentored Ana through her first design doc' });
  await mentoring.getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('.evidence-item')).toHaveCount(4);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.evidence-item')).toHaveCount(5);
  await expect(mentoring).toBeFocused();

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: testInfo.outputPath('candidate-page-1280x800.png') });
  await page.screenshot({ path: testInfo.outputPath('candidate-page-full.png'), fullPage: true });
  await expectAccessible(page, 'candidate page');

  // Everything is still there after a reload (IndexedDB, not memory).
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Ada Quist' })).toBeVisible();
  await expect(quarterHeadings(page)).toHaveText(expectedQuarters.map((q) => new RegExp(`^${q}`)));
  await expect(page.locator('.evidence-item')).toHaveCount(5);
  await expect(quarterSection(page, '2026 Q2')).toContainText('Chose the receipts queue');
  await expect(page.locator('.coverage-table tbody tr').filter({ hasText: 'IC2.1' })).toContainText('Sustained');

  // And in the list (through the page's breadcrumb), with its evidence count and a link back.
  await page.getByRole('main').getByRole('link', { name: 'Candidates', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search candidates' }).fill('Ada Quist');
  const row = page.locator('main table tbody tr').filter({ hasText: 'Ada Quist' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('IC1 Junior Engineer');
  await expect(row).toContainText('IC2 Associate Engineer');
  await expect(row.locator('td.num')).toHaveText('5');
  await row.getByRole('link', { name: 'Ada Quist' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ada Quist' })).toBeVisible();

  expect(problems).toEqual([]);
});

test('archives a candidate out of the list and restores them', async ({ page }) => {
  const problems = watchPage(page);
  await openWithSample(page);
  await page.goto('/#/candidates');
  const firstLink = page.locator('main table tbody tr').first().getByRole('link');
  const name = (await firstLink.textContent())!;
  await firstLink.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.locator('.evidence-item').first()).toBeVisible();

  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('note')).toContainText('hidden from lists and nothing has been deleted');
  await page.getByRole('main').getByRole('link', { name: 'Candidates', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search candidates' }).fill(name);
  await expect(page.getByText(`No candidate matches “${name}”.`)).toBeVisible();
  await page.getByLabel(/Show archived/).check();
  const row = page.locator('main table tbody tr').filter({ hasText: name });
  await expect(row).toContainText('Archived');
  await row.getByRole('link', { name }).click();
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('button', { name: 'Archive' })).toBeVisible();
  await page.goto('/#/candidates');
  await page.getByRole('searchbox', { name: 'Search candidates' }).fill(name);
  await expect(page.locator('main table tbody tr').filter({ hasText: name })).not.toContainText('Archived');
  expect(problems).toEqual([]);
});

// A manager adding their own reports typed their own name as the manager on every one.
test('a manager adding a candidate starts with their own name as the manager, and anyone else with an empty field', async ({ page }) => {
  await page.goto('/');
  await ensureProfile(page, { name: 'Sam Okafor', role: 'Engineering manager' });
  await loadSample(page);
  await page.goto('/#/candidates/new');
  await expect(page.getByLabel('Manager')).toHaveValue('Sam Okafor');
  // Nothing typed yet: Cancel leaves without asking.
  await page.getByRole('link', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Candidates' })).toBeVisible();
  // (A committee chair's form starts empty: the first test here submits it empty and is told to name the manager.)
});
