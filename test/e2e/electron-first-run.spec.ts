/**
 * The first-run flow against the real desktop app, through Playwright's
 * Electron support. Runs wherever the Electron binary is installed (any
 * connected machine after `npm install`); where it cannot be downloaded, as
 * on the offline build machines, the test is skipped and says why.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureProfile, loadSample } from './helpers';

function electronBinary(): { path: string | null; reason: string } {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown as string;
    if (typeof binary === 'string' && existsSync(binary)) return { path: binary, reason: '' };
    return { path: null, reason: `the Electron binary is not installed (${binary} is missing)` };
  } catch (error) {
    return { path: null, reason: `the Electron binary is not installed: ${(error as Error).message.split('\n')[0]}` };
  }
}

const binary = electronBinary();
if (!binary.path) console.log(`Skipping the desktop-app test: ${binary.reason}. Run a normal 'npm install' on a connected machine to include it.`);

test.describe('desktop app', () => {
  test.skip(!binary.path, binary.reason);

  test('loads the sample cycle and keeps it after a reload', async () => {
    test.skip(!existsSync('dist/electron/main.cjs'), 'run `npm run build` first');
    const userData = mkdtempSync(path.join(tmpdir(), 'levelset-e2e-'));
    const app = await electron.launch({
      executablePath: binary.path!,
      args: ['.', `--user-data-dir=${userData}`, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
    });
    try {
      const page = await app.firstWindow();
      // Served from the app's own origin, not file:// (electron/app-protocol.ts).
      expect(page.url()).toMatch(/^app:\/\/levelset\/index\.html/);
      // The page has the preload's narrow API and no Node.
      expect(await page.evaluate(() => Object.keys((window as unknown as { levelset: object }).levelset).sort())).toEqual(['appInfo', 'listBackups', 'onBackupRequest', 'openExternal', 'openFile', 'printToPdf', 'readBackup', 'saveFile', 'writeAutoBackup']);
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require + typeof (window as unknown as { process?: unknown }).process)).toBe('undefinedundefined');

      await ensureProfile(page);
      await loadSample(page);
      await page.getByRole('link', { name: /^Candidates/ }).click();
      const before = await page.locator('main table tbody tr').allInnerTexts();
      expect(before.length).toBeGreaterThanOrEqual(40);
      await page.getByRole('link', { name: /^About/ }).click();
      await expect(page.getByTestId('data-folder')).toHaveText(userData);

      await page.reload();
      await page.getByRole('link', { name: /^Candidates/ }).click();
      await expect(page.locator('main table tbody tr')).toHaveCount(before.length);
      expect(await page.locator('main table tbody tr').allInnerTexts()).toEqual(before);
    } finally {
      await app.close();
    }
  });
});
