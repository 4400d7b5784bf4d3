// Takes the README's screenshots from the built renderer: loads the sample
// cycle in a fresh Chromium profile and captures a few views.
// Usage: npm run build:renderer && node scripts/screenshot.mjs [outdir]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const outDir = process.argv[2] ?? 'docs';
const server = spawn('node', ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', '4174', '--strictPort'], { stdio: 'ignore' });
try {
  await new Promise((r) => setTimeout(r, 1500));
  const browser = await chromium.launch({
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto('http://127.0.0.1:4174/');
  await page.getByRole('button', { name: 'Load sample cycle' }).click();
  await page.getByText('Loaded the sample cycle').waitFor();
  await page.getByRole('button', { name: 'Dismiss' }).click().catch(() => undefined);
  for (const [hash, name] of [['#/candidates', 'candidates'], ['#/frameworks', 'frameworks'], ['#/packets', 'packets']]) {
    await page.goto(`http://127.0.0.1:4174/${hash}`);
    await page.locator('main table').first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${outDir}/${name}.png` });
  }
  await page.goto('http://127.0.0.1:4174/#/frameworks');
  await page.getByRole('link', { name: 'IC0–IC4 and M1–M3' }).click();
  await page.locator('.ladder').waitFor();
  await page.screenshot({ path: `${outDir}/framework-ladder.png` });
  await browser.close();
} finally {
  server.kill();
}
