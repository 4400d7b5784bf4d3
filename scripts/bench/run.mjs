#!/usr/bin/env node
// Levelset's benchmark (issue 13):
//   npm run bench -- --size tiny|small|full --runs N [--no-build] [--out file.json] [--strict]
//                    [--only REGEX] [--profile DIR] [--keep-pdf DIR] [--bundle N] [--criteria N]
// --only measures just the figures whose name matches (e.g. 'Packets|print', 'heatmap|tab|review|vote|decision', 'bundle|import');
// --profile writes a CPU profile and IndexedDB/React counts per figure (profile.mjs);
// --keep-pdf keeps the decision book's PDFs (print view and static copy) to look at;
// --bundle N puts the first N submitted packets in the imported bundle (default: up to 1,000), and
// --criteria N sets the criteria per level (0: the built-in framework's): `--size full --criteria 0
// --bundle 3000` is the 3,000-candidate import of issue 12's longest-task target (at 40 criteria per
// level 3,000 packets are over the 50 MB a bundle may be).
//
// Builds the renderer, serves it with `vite preview` on a loopback port,
// fills the app's IndexedDB with the sample generator's data through the
// app's own commands (seed-entry.ts), drives Debian's Chromium through the
// app's routes and visible UI, and prints each figure (median, min–max of
// N runs) beside a raw baseline measured in the same run, with the ratio.
// It is a benchmark, not a test: it never fails on a time; it exits non-zero
// only when it cannot run at all, or, with --strict (as CI runs it), when a
// figure could not be measured because the UI it drives has changed.
// Method: docs/PERFORMANCE.md.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, loadavg, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chunkSizes, kb, table } from './report.mjs';
import { BLANK, runFigures } from './figures.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const arg = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 && args[i + 1] ? args[i + 1] : fallback; };
const SIZES = {
  // CI: proves the harness still runs against the current UI.
  tiny: { candidates: 40, oneLevel: 40, heap: 0, criteriaPerLevel: 40 },
  small: { candidates: 1000, oneLevel: 1000, heap: 0, criteriaPerLevel: 40 },
  full: { candidates: 3000, oneLevel: 1000, heap: 10_000, criteriaPerLevel: 40 },
};
const sizeName = arg('size', 'small');
if (!SIZES[sizeName]) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
// --criteria N: criteria per level of the cycle's framework (0: the built-in framework's own).
const size = arg('criteria', null) === null ? SIZES[sizeName] : { ...SIZES[sizeName], criteriaPerLevel: Math.max(0, Number(arg('criteria', '0'))) };
const runs = Math.max(1, Number(arg('runs', sizeName === 'tiny' ? 1 : 3)));
const chromiumPath = process.env.LEVELSET_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

async function waitForServer(url, child) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error('vite preview exited');
    try { if ((await fetch(url)).ok) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer on ${url}`);
}

const started = Date.now();
if (!args.includes('--no-build')) {
  console.error('building the renderer…');
  const b = spawnSync('npm', ['run', '--silent', 'build:renderer'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (b.status !== 0) throw new Error('the renderer build failed');
}
const dist = join(root, 'dist/renderer');
if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/renderer is missing: build the renderer first');

const tmp = mkdtempSync(join(tmpdir(), 'levelset-bench-'));
const seedFile = join(tmp, 'seed.js');
await build({ entryPoints: [join(root, 'scripts/bench/seed-entry.ts')], bundle: true, format: 'esm', platform: 'browser', outfile: seedFile, logLevel: 'error', define: { 'import.meta.env': '{}' } });

const port = Number(process.env.LEVELSET_BENCH_PORT ?? (await freePort()));
// The blank page, seed.js and (once made) the bundle are served from `tmp` by vite preview (vite.config.ts benchFiles).
writeFileSync(join(tmp, 'blank.html'), BLANK);
const server = spawn('node', ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore', env: { ...process.env, LEVELSET_BENCH_FILES: tmp } });
let browser;
try {
  await waitForServer(`http://127.0.0.1:${port}/`, server);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const load = loadavg().map((n) => n.toFixed(2)).join(' ');
  // A long run leaves its figures so far beside the output file, in case it is stopped.
  const partial = `${resolve(root, arg('out', 'bench-results/latest.json'))}.partial.md`;
  const onRun = (figures, done) => {
    mkdirSync(dirname(partial), { recursive: true });
    writeFileSync(partial, `after ${done} of ${runs} run(s), ${new Date().toISOString()}\n\n${table(figures.map((f) => ({ ...f, baseline: f.baseline?.length ? f.baseline : undefined })))}\n`);
  };
  const only = arg('only', null);
  const profileDir = arg('profile', null);
  const results = await runFigures({ browser, port, tmp, size, sizeName, runs, dist, onRun, only: only ? new RegExp(only, 'i') : null, profileDir: profileDir ? resolve(root, profileDir) : null, keepPdf: arg('keep-pdf', null), bundle: arg('bundle', null) === null ? null : Math.max(1, Number(arg('bundle', '1'))), failureDir: resolve(root, 'bench-results/failures') });
  const sizes = chunkSizes(dist);
  const uptime = spawnSync('uptime', [], { encoding: 'utf8' }).stdout.trim();
  const lines = [
    `Levelset benchmark, size ${sizeName} (${results.counts.candidates} candidates, ${results.counts.evidence} evidence, ${results.counts.criteriaPerLevel} criteria per level; one-level session ${results.counts.oneLevelSession}, all-levels session ${results.counts.allSession}), ${runs} run(s) each`,
    `machine: ${cpus().length} cores, load at start ${load}; at end: ${uptime}`,
    '',
    table(results.figures),
    '',
    `Initial JS (index.html and its static imports): ${kb(sizes.initialGzip)} gzip in ${sizes.initial.length} files`,
    '',
    '| chunk | size | gzip |',
    '| --- | --- | --- |',
    ...sizes.chunks.map((c) => `| ${c.file}${sizes.initial.includes(c.file) ? ' (initial)' : ''} | ${kb(c.bytes)} | ${kb(c.gzip)} |`),
  ];
  console.log(lines.join('\n'));
  const out = resolve(root, arg('out', 'bench-results/latest.json'));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), size: sizeName, runs, load, uptime, counts: results.counts, figures: results.figures, chunks: sizes, seconds: (Date.now() - started) / 1000 }, null, 2)}\n`);
  const missing = results.figures.filter((f) => f.na);
  if (args.includes('--strict') && missing.length > 0) {
    console.error(`--strict: ${missing.length} figure(s) could not be measured: ${missing.map((f) => f.what).join('; ')}`);
    process.exitCode = 1;
  }
  console.error(`wrote ${out} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
} finally {
  await browser?.close();
  server.kill();
  rmSync(tmp, { recursive: true, force: true });
}
