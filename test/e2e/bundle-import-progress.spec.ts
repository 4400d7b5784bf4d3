/**
 * A large bundle (3,000 candidates, about 12,700 records) imported through
 * the UI: its checks run in a worker with progress ("Checking … of …
 * records") and a Cancel; cancelled while checking, nothing is imported.
 * Imported again, the preview comes, and Import writes every candidate.
 * The longest main-thread task seen is recorded as an annotation (speed is
 * measured, not asserted, in browser tests).
 */
import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { createBundle } from '../../shared/exchange/bundle-format';
import { ic0M3Levels } from '../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../shared/sample/sample-cycle';
import { ensureProfile, watchPage } from './helpers';

const CANDIDATES = 3000;

async function storedCandidates(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('levelset');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('candidates').objectStore('candidates').count();
          count.onsuccess = () => {
            resolve(count.result);
            open.result.close();
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

test('a large bundle shows its checks, can be cancelled with nothing imported, then imports', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const sample = generateSampleCycle(ic0M3Levels, { candidates: CANDIDATES, evidencePerCandidate: 2 });
  const text = await createBundle({ cycle: sample.cycle, frameworks: [sample.framework], candidates: sample.candidates, evidence: sample.evidence, packets: sample.packets }, { createdAt: '2026-11-01T09:00:00.000Z', appVersion: 'e2e' });
  const file = testInfo.outputPath('big.levelset.json');
  writeFileSync(file, text);
  const records = (1 + 1 + sample.candidates.length + sample.evidence.length + sample.packets.length).toLocaleString('en-US');

  const problems = watchPage(page);
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto('/');
  await ensureProfile(page);
  await page.goto('/#/packets');
  await expect(page.getByRole('heading', { name: 'No packets yet' })).toBeVisible();
  await page.evaluate(() => {
    const w = window as unknown as { tasks: Array<[number, number]> };
    w.tasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.tasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: false });
  });

  // Cancel while the bundle is being read and checked. The whole check can now take less time than a
  // round trip from the test to the page, so the page itself presses Cancel the moment the progress
  // panel appears (a mutation observer), noting the phase it showed; the phases' wording and the
  // keyboard are covered by import-progress.test.tsx.
  await page.evaluate(() => {
    const w = window as unknown as { cancelledWhile?: string };
    const observer = new MutationObserver(() => {
      const panel = document.querySelector('[aria-label="Importing big.levelset.json"]');
      const button = [...(panel?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Cancel import');
      if (!panel || !button) return;
      observer.disconnect();
      w.cancelledWhile = panel.querySelector('[role="status"]')?.textContent ?? '';
      button.click();
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  let chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import bundle…' }).click();
  await (await chooser).setFiles(file);
  const panel = page.getByRole('region', { name: 'Importing big.levelset.json' });
  await expect(page.getByRole('status').filter({ hasText: 'Import cancelled. Nothing was imported' })).toBeVisible({ timeout: 60_000 });
  expect(await page.evaluate(() => (window as unknown as { cancelledWhile?: string }).cancelledWhile)).toMatch(
    new RegExp(`^(Reading the file|Verifying the checksum|Checking [0-9,]+ of ${records} records|Comparing with this database)…$`),
  );
  await expect(panel).toHaveCount(0);
  expect(await storedCandidates(page)).toBe(0);
  await expect(page.getByRole('heading', { name: 'No packets yet' })).toBeVisible();

  // Again, to the end.
  const mark = () => page.evaluate(() => performance.now());
  const checkStart = await mark();
  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import bundle…' }).click();
  await (await chooser).setFiles(file);
  const preview = page.getByRole('region', { name: 'Import big.levelset.json?' });
  await expect(preview).toContainText(sample.cycle.name, { timeout: 120_000 });
  const writeStart = await mark();
  await preview.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported the bundle' })).toBeVisible({ timeout: 180_000 });
  const writeEnd = await mark();
  expect(await storedCandidates(page)).toBe(CANDIDATES);
  // The checks ran in the import worker, not on the main thread, and the file's checksum in the digest worker it starts
  // (under the app's Content-Security-Policy, which vite preview sends as the desktop does).
  expect(workers).toContainEqual(expect.stringMatching(/import\.worker[^/]*\.js$/));
  expect(workers).toContainEqual(expect.stringMatching(/digest\.worker[^/]*\.js$/));

  const tasks = await page.evaluate(() => (window as unknown as { tasks: Array<[number, number]> }).tasks);
  const longest = (from: number, to: number) => Math.round(Math.max(0, ...tasks.filter(([start]) => start >= from && start < to).map(([, d]) => d)));
  const measured = `checking and preview ${longest(checkStart, writeStart)} ms, writing ${longest(writeStart, writeEnd)} ms, after ${longest(writeEnd, Infinity)} ms`;
  testInfo.annotations.push({ type: 'longest main-thread task', description: measured });
  console.log(`longest main-thread task: ${measured}; all over 200 ms: ${JSON.stringify(tasks.filter(([, d]) => d > 200).map(([s, d]) => [Math.round(s), Math.round(d)]))}; marks ${[checkStart, writeStart, writeEnd].map(Math.round).join(', ')}`);
  expect(problems).toEqual([]);
});
