import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import packageJson from './package.json' with { type: 'json' };
import { defineConfig, type Plugin } from 'vitest/config';
import { sessionChunks } from './scripts/route-chunks';
import { DEV_CSP, STRICT_CSP } from './shared/security/csp';

const sessionChunk = sessionChunks(import.meta.dirname);

/**
 * The Content-Security-Policy is written into index.html at build time (the
 * built app gets the strict policy; the desktop app also sends it as a
 * response header). The string lives in shared/security/csp.ts so both agree.
 */
function contentSecurityPolicy(): Plugin {
  let dev = false;
  return {
    name: 'levelset-csp',
    configResolved(config) {
      dev = config.command === 'serve';
    },
    transformIndexHtml(html) {
      const policy = dev ? DEV_CSP : STRICT_CSP;
      return html.replace('%LEVELSET_CSP%', policy);
    },
  };
}

/**
 * `npm run bench` only (scripts/bench/run.mjs sets LEVELSET_BENCH_FILES): its blank page, seeding script and bundle,
 * served on the app's origin by `vite preview` itself. They were served through Playwright's request routing, which
 * holds every request of the page (the app's own documents and scripts too) until the benchmark's Node process lets
 * it go: a delay, and a varying one, that no user pays. Answered here before the preview's own headers (no CSP: the
 * print view's static copy has its styles inline).
 */
function benchFiles(): Plugin {
  const BENCH_FILES: Record<string, [file: string, type: string]> = {
    '/__bench/blank': ['blank.html', 'text/html'],
    '/__bench/seed.js': ['seed.js', 'text/javascript'],
    '/__bench/bundle.json': ['bench.levelset.json', 'application/json'],
  };
  return {
    name: 'levelset-bench-files',
    configurePreviewServer(server) {
      const dir = process.env.LEVELSET_BENCH_FILES;
      if (!dir) return;
      server.middlewares.use((req, res, next) => {
        const served = BENCH_FILES[(req.url ?? '').split('?')[0] ?? ''];
        if (!served) return next();
        res.setHeader('Content-Type', served[1]);
        res.setHeader('Cache-Control', 'no-store');
        res.end(readFileSync(join(dir, served[0])));
      });
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy(), benchFiles()],
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(packageJson.version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    // No chunk over 300 KB minified (issue 13); Vite warns above it.
    chunkSizeWarningLimit: 300,
    rollupOptions: {
      output: {
        codeSplitting: {
          // A group takes the modules it names and nothing else: the startup code a session module
          // imports stays in the startup chunks (scripts/route-chunks.ts).
          includeDependenciesRecursively: false,
          groups: [
            // Recharts with its d3, redux and number helpers is one 330 KB chunk; the helpers go in
            // their own, loaded with it when a chart is first shown.
            { name: 'chart-helpers', priority: 2, test: /node_modules[\\/](d3-[a-z-]+|internmap|victory-vendor|decimal\.js-light|es-toolkit|immer|redux|@reduxjs|reselect|redux-thunk)[\\/]/ },
            // A session's page and views: two chunks rather than some 36 (scripts/route-chunks.ts).
            { name: (id, ctx) => sessionChunk(id, ctx), priority: 1 },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  // `vite preview` (the benchmark, the browser tests) sends the CSP as a header, as the desktop's
  // app:// protocol does: a worker's policy comes from its own response, not the page's meta tag, so
  // without it the import worker ran with eval allowed (zod's compiled checks) where the app forbids it.
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: { 'Content-Security-Policy': STRICT_CSP } },
  test: {
    root: '.',
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
    // The machines are 2 shared cores: a test that renders the app and writes
    // a cycle through the command layer can take seconds under load. Speed
    // belongs in the benchmark, so the limit only catches a hang.
    testTimeout: 30_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
