// Takes the README's screenshots from the built renderer: loads the sample
// cycle in a fresh Chromium profile (getting past the first-run profile
// step) and captures the candidates list, a built-in framework and the
// full-screen presenter, into docs/screenshot-*.png.
// Usage: npm run build:renderer && node scripts/screenshot.mjs [outdir]
// LEVELSET_SCREENSHOT_PORT picks the preview port (default 4174).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const outDir = process.argv[2] ?? 'docs';
const port = Number(process.env.LEVELSET_SCREENSHOT_PORT ?? 4174);
const base = `http://127.0.0.1:${port}/`;
const server = spawn('node', ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore' });

async function waitForServer() {
  for (let i = 0; i < 60; i++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The preview server did not start on ${base}. Run npm run build:renderer first, or pick a free port with LEVELSET_SCREENSHOT_PORT.`);
}

/** Waits until no "Loading …" status is left on the page. */
async function settled(page) {
  await page.waitForFunction(() => ![...document.querySelectorAll('[role="status"]')].some((el) => /^Loading/.test(el.textContent ?? '')));
  await page.waitForTimeout(300);
}

try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(base);
  // First run asks who is using Levelset; the screenshots show a committee chair.
  await page.getByRole('textbox', { name: 'Your name' }).fill('Morgan Ellis');
  await page.getByRole('combobox', { name: /^Your role/ }).fill('Committee chair');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Load sample cycle' }).click();
  await page.getByText('Loaded the sample cycle').waitFor();
  // Let the status line go, so it covers nothing.
  await page.locator('.status-line-info').waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);

  await page.goto(`${base}#/candidates`);
  await page.locator('main table').first().waitFor();
  await settled(page);
  await page.screenshot({ path: `${outDir}/screenshot-candidates.png` });

  await page.goto(`${base}#/frameworks`);
  await page.getByRole('link', { name: 'IC0–IC4 and M1–M3' }).click();
  await page.locator('.ladder').waitFor();
  await settled(page);
  await page.screenshot({ path: `${outDir}/screenshot-framework.png` });

  // The presenter as a 1024×768 projector shows it.
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(`${base}#/calibration/sample-2026-session-1/present`);
  await page.getByRole('table', { name: /^Criteria of / }).waitFor();
  await settled(page);
  await page.screenshot({ path: `${outDir}/screenshot-presenter.png` });
  await browser.close();
} finally {
  server.kill();
}
