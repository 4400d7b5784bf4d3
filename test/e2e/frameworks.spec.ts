/**
 * Frameworks in the browser: import the progression-framework reference
 * file through the UI, check the preview and the stored levels and criteria,
 * edit a criterion, reload, and find the edit. Also: a malformed file is
 * refused with its line named, and every framework view passes axe-core.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureProfile, expectAccessible, openWithSample, watchPage } from './helpers';

const fixtures = path.resolve('test/fixtures/frameworks');

/** Criteria per level in the reference file, counted from its lines rather than hard-coded. */
function criteriaPerLevel(file: string): Map<number, number> {
  const counts = new Map<number, number>();
  let level = 0;
  let inList = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const levelMatch = /^\s*- level: (\d+)/.exec(line);
    if (levelMatch) {
      level = Number(levelMatch[1]);
      inList = false;
      continue;
    }
    if (/^\s*criteria:\s*$/.test(line) || /^\s*- criteria: /.test(line)) {
      inList = /^\s*criteria:\s*$/.test(line);
      if (/^\s*- criteria: /.test(line)) counts.set(level, (counts.get(level) ?? 0) + 1);
      continue;
    }
    if (/^\s*(exampleCriteria|examples):/.test(line) || /^\s*- name:/.test(line)) inList = false;
    if (inList && /^\s*- "/.test(line)) counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  return counts;
}

async function importFile(page: import('@playwright/test').Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import framework…' }).click();
  await (await chooser).setFiles(file);
}

test('imports the reference file, edits a criterion, and keeps the edit after a reload', async ({ page }) => {
  // 135 criteria: the editor renders every field, and axe-core is slow on large pages.
  const problems = watchPage(page);
  const file = path.join(fixtures, 'monzo-backend.md');
  const expected = criteriaPerLevel(file);
  expect([...expected.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6]);

  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto('/#/frameworks');
  await ensureProfile(page);
  await expect(page.locator('main table tbody tr')).toHaveCount(4);
  await importFile(page, file);

  const preview = page.getByRole('region', { name: /^Import Backend Engineering Framework/ });
  await expect(preview).toBeVisible();
  // The file was parsed in the framework worker, not on the main thread (a large file would freeze the page).
  expect(workers).toContainEqual(expect.stringMatching(/framework-parse\.worker[^/]*\.js$/));
  const rows = preview.locator('table tbody tr');
  await expect(rows).toHaveCount(6);
  for (const [level, count] of expected) {
    await expect(rows.nth(level - 1)).toContainText(`L${level}`);
    await expect(rows.nth(level - 1).locator('td').last()).toHaveText(String(count));
  }
  const topics = [...readFileSync(file, 'utf8').matchAll(/^\s*- name: "([^"]+)"/gm)].map((m) => m[1]!);
  expect(topics).toHaveLength(5);
  for (const topic of topics) {
    await expect(preview).toContainText(new RegExp(topic, 'i'));
  }
  await expectAccessible(page, 'import preview');
  await preview.getByRole('button', { name: 'Import' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Backend Engineering Framework');
  await expect(page.locator('article.ladder-level')).toHaveCount(6);
  await expect(page.locator('article.ladder-level').first().locator('summary')).toHaveText(`${expected.get(1)} criteria`);
  await expectAccessible(page, 'imported framework');

  await page.getByRole('link', { name: 'Edit' }).click();
  const field = page.getByRole('textbox', { name: /^Criterion 1\b/ }).first();
  await expect(field).toBeVisible();
  const original = await field.inputValue();
  const edited = 'Writes PR descriptions that explain why the change is needed and how it was tested';
  await field.fill(edited);
  await field.blur();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('textbox', { name: /^Criterion 1\b/ }).first()).toHaveValue(edited);
  await page.goto(page.url().replace(/\/edit$/, ''));
  const first = page.locator('article.ladder-level').first();
  await first.locator('summary').click();
  await expect(first).toContainText(edited);
  await expect(first).not.toContainText(original);

  await page.getByRole('link', { name: 'Compare levels' }).click();
  await expect(page.getByRole('heading', { name: /What L2 is judged on/ })).toBeVisible();
  await expectAccessible(page, 'compare levels');
  expect(problems).toEqual([]);
});

test('refuses a malformed file, naming the line, and writes nothing', async ({ page }) => {
  await page.goto('/#/frameworks');
  await ensureProfile(page);
  await expect(page.locator('main table tbody tr')).toHaveCount(4);
  await importFile(page, path.join(fixtures, 'malformed-yaml.md'));
  const panel = page.getByRole('region', { name: /cannot be imported/ });
  await expect(panel.getByRole('alert')).toContainText(/Line \d+/);
  // And what the import reads, which no page said (a ladder-admin trial).
  await expect(panel).toContainText('Levelset imports the progression-framework Markdown format');
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('main table tbody tr')).toHaveCount(4);
});

test('a pinned framework gets a new version; a cycle with submitted packets keeps its version', async ({ page }) => {
  await openWithSample(page);
  await page.getByRole('link', { name: 'IC0–IC4 and M1–M3' }).click();
  await expect(page.getByRole('region', { name: 'Versions' })).toContainText('Pinned by 2026 H2 promotion cycle');
  await page.getByRole('button', { name: 'Create a new version to edit' }).click();

  const field = page.getByRole('textbox', { name: /^Criterion 1\b/ }).first();
  await field.fill('Ships ten small changes to production with tests, reviewed in two rounds or fewer');
  await field.blur();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  // axe-core takes about 1 s per 100 elements here, so the editor is checked on this 41-criterion ladder.
  await expectAccessible(page, 'editor');

  await page.goto(page.url().replace(/\/edit$/, ''));
  const versions = page.getByRole('region', { name: 'Versions' });
  await expect(versions).toContainText('2026 H2 promotion cycle uses v1');
  await versions.getByRole('link', { name: /What changed between v1 and v2/ }).click();
  await expect(page.getByRole('region', { name: 'Criteria' })).toContainText('Ships ten small changes to production');
  await expectAccessible(page, 'version diff');
  await page.goBack();
  await page.getByRole('button', { name: /Move 2026 H2 promotion cycle to v2/ }).click();
  // The sample's cycle has submitted packets and decisions: moving would rewrite what they were judged against.
  await expect(page.getByRole('alert')).toContainText(/^2026 H2 promotion cycle stays on v1: it has submitted packets of \d+ candidates and \d+ decisions judged against v1’s criteria/);
  await expect(page.getByRole('button', { name: 'Move cycle' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Keep v1' }).click();
  await expect(versions).toContainText('2026 H2 promotion cycle uses v1');
});
