/**
 * Reloading right after typing keeps the words: the packet summary saves
 * when the page is left, not only after its pause, and an unsent "Log
 * evidence" draft comes back after a reload, with a warning before leaving.
 */
import { expect, test, type Page } from '@playwright/test';
import { builtInFrameworks } from '../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../shared/sample/sample-cycle';
import { ensureProfile, openWithSample, watchPage } from './helpers';

test.use({ locale: 'en-US', timezoneId: 'UTC' });

const sample = generateSampleCycle(builtInFrameworks[0]!);
const draftPacket = sample.packets.find((p) => p.status === 'draft')!;
const candidate = sample.candidates.find((c) => c.id === draftPacket.candidateId)!;

test('a reload right after typing keeps the packet summary and the evidence draft', async ({ page }) => {
  await openWithSample(page);

  // The summary: typed, then reloaded at once, before the save pause has passed.
  await page.goto(`/#/packets/${candidate.id}`);
  const summary = page.getByRole('textbox', { name: 'Summary' });
  await summary.fill('Led the checkout rewrite.');
  await expect(page.getByText('✓ Saved').first()).toBeVisible();
  await summary.press('End');
  await page.keyboard.type(' And the last words');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Summary' })).toHaveValue('Led the checkout rewrite. And the last words');

  // The evidence draft: the browser asks before leaving, and the form comes back with the text.
  await page.goto(`/#/candidates/${candidate.id}`);
  await page.getByRole('button', { name: 'Log evidence' }).first().click();
  const title = page.getByRole('textbox', { name: 'Title', exact: true });
  await title.click();
  await page.keyboard.type('Ran the design review for the receipts queue');
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(dialogs).toEqual(['beforeunload']);
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Ran the design review for the receipts queue');
  // The kept draft does not take the focus on arrival: N, the page's key for new evidence, typed an "n" into its title
  // (a manager trial). The page's heading has it; N then goes to the form's title without typing.
  await expect(page.getByRole('heading', { level: 1, name: candidate.name })).toBeFocused();
  await page.keyboard.press('n');
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Ran the design review for the receipts queue');

  // Once added, the draft is gone: no warning, and no form after a reload.
  await page.getByLabel('Date', { exact: true }).fill('2026-03-14');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await expect(page.locator('.evidence-item').filter({ hasText: 'Ran the design review for the receipts queue' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: candidate.name })).toBeVisible();
  expect(dialogs).toEqual(['beforeunload']);
  await expect(page.getByRole('form', { name: 'Log evidence' })).toHaveCount(0);
});

test('a reload right after typing keeps a criterion note, even one never saved before', async ({ page }) => {
  await openWithSample(page);

  await page.goto(`/#/packets/${candidate.id}`);
  await page.getByRole('button', { name: /^Add a note on criterion 1$/ }).click();
  const note = page.getByRole('textbox', { name: 'Note on criterion 1' });
  await note.click();
  await page.keyboard.type('Seen in two incident reviews');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Note on criterion 1' })).toHaveValue('Seen in two incident reviews');
});

test('a reload right after typing keeps the words in the framework editor', async ({ page }) => {
  await page.goto('/#/frameworks');
  await ensureProfile(page);
  await page.getByRole('button', { name: 'New framework' }).click();
  const name = page.getByRole('textbox', { name: 'Framework name' });
  await expect(name).toBeVisible();
  await name.click();
  await name.press('End');
  await page.keyboard.type(' for payments');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Framework name' })).toHaveValue('Untitled framework for payments');
});

// A trial typed a packet's summary in two tabs: each said "✓ Saved", the last to type won silently, and a submit from
// the first froze words its user never saw.
test('a packet text written in another tab meanwhile is said, and nothing is saved over it until chosen', async ({ context, page }) => {
  const problems = watchPage(page);
  await openWithSample(page);
  const draftOf = 'sample-2026-cand-0001';
  await page.goto(`/#/packets/${draftOf}`);
  const other = await context.newPage();
  await other.goto(`/#/packets/${draftOf}`);
  const summary = (p: Page) => p.getByRole('textbox', { name: 'Summary' });
  await summary(page).fill('Summary from tab A.');
  await expect(page.getByText('✓ Saved')).toBeVisible();
  await summary(other).fill('Summary from tab B.');
  await expect(other.getByText('✓ Saved')).toBeVisible();
  // Tab A is told, and its typing does not replace B's words.
  await expect(page.getByRole('alert').filter({ hasText: 'This text was changed in another window or tab' })).toBeVisible();
  await summary(page).pressSequentially(' More from A.');
  // B reloaded meanwhile keeps its own words: A's typing is not put back there as B's lost text (a re-test found it was).
  await other.reload();
  await expect(summary(other)).toHaveValue('Summary from tab B.');
  await expect(other.getByText(/Restored text that was not saved/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the saved text' }).click();
  await expect(summary(page)).toHaveValue('Summary from tab B.');
  await other.reload();
  await expect(summary(other)).toHaveValue('Summary from tab B.');
  expect(problems).toEqual([]);
});
