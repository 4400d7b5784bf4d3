import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';

/** Collects console errors, page errors and dialogs, which no flow should produce. */
export function watchPage(page: Page) {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return problems;
}

/** Fails on serious or critical accessibility violations. */
export async function expectAccessible(page: Page, view: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${view}: ${v.id} (${v.impact}) ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`),
  ).toEqual([]);
}

export const SECTIONS = ['Frameworks', 'Candidates', 'Packets', 'Calibration', 'Decisions', 'About'] as const;

/** Who the browser tests say is using Levelset on the first-run step. */
export const TEST_PROFILE = { name: 'Dana Whitfield', role: 'Committee chair' } as const;

/**
 * Gets past the first-run "Who is using Levelset?" step, which a fresh
 * database shows before anything else: waits for either the step or the app,
 * and fills the step in when it is the one showing. Call after the first
 * page.goto of a test, and after anything that wipes the database.
 */
export async function ensureProfile(page: Page, profile: { name: string; role: string } = TEST_PROFILE) {
  const step = page.getByRole('heading', { level: 1, name: 'Who is using Levelset?' });
  const app = page.getByRole('navigation', { name: 'Sections' });
  await expect(step.or(app)).toBeVisible();
  // The frame (with the nav) shows while the stored profile is read; wait until the gate has decided.
  await expect(page.locator('.app-starting')).toHaveCount(0);
  if (!(await step.isVisible())) return;
  await page.getByRole('textbox', { name: 'Your name' }).fill(profile.name);
  await page.getByRole('combobox', { name: /^Your role/ }).fill(profile.role);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(app).toBeVisible();
}

/** Loads the sample cycle from an empty cycle view ("Load sample cycle") and waits until it says so. */
export async function loadSample(page: Page) {
  await page.getByRole('button', { name: 'Load sample cycle' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Loaded the sample cycle' })).toBeVisible();
}

/** How most flows start: the app on a fresh database, past the first-run step, with the sample cycle loaded. */
export async function openWithSample(page: Page) {
  await page.goto('/');
  await ensureProfile(page);
  await loadSample(page);
}

/** Whether poppler-utils' pdftotext, pdftoppm and pdfinfo are installed (.ci/run installs them), for the specs that read a printed PDF. */
export const hasPoppler = (() => {
  try {
    for (const tool of ['pdftotext', 'pdftoppm', 'pdfinfo']) execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
