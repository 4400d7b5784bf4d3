import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * Browser tests run in Debian's Chromium where it is installed (these
 * machines cannot download Playwright's browser build) and fall back to
 * Playwright's own Chromium elsewhere. The built renderer is served by
 * `vite preview` on 127.0.0.1.
 */
const debianChromium = '/usr/bin/chromium';
// Another port and output folder can be chosen when two runs share a machine.
const port = Number(process.env.LEVELSET_E2E_PORT ?? 4173);
const outputRoot = process.env.LEVELSET_E2E_OUTPUT ?? 'test-results';
const executablePath = process.env.LEVELSET_CHROMIUM ?? (existsSync(debianChromium) ? debianChromium : undefined);

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: `${outputRoot}/e2e`,
  // A guard against a hung test, not a speed limit: the build machines are
  // shared (load above 15 on 2 cores is common), and a whole-app walk took
  // over a minute there while correct. Speed is the benchmark's business.
  timeout: 240_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: `${outputRoot}/playwright.json` }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
