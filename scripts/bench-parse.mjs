#!/usr/bin/env node
// Times the framework-file parsers on generated progression files of growing
// size (issue 12: a 1.66 MB file with 20,000 topics took 13 s to parse):
//
//   node scripts/bench-parse.mjs [topics ...]      default 5000 10000 20000
//
// For each size it parses two files: one topic = one criterion, and one where
// every topic lists no criteria (a warning, with its line, per topic). Linear
// parsing shows as time roughly proportional to size. Like
// scripts/framework-cli.mjs, it bundles the TypeScript parser with esbuild
// into a temporary folder first, so it measures the app's own code.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const dir = mkdtempSync(join(tmpdir(), 'levelset-bench-parse-'));
try {
  const outfile = join(dir, 'bench.cjs');
  await build({
    stdin: {
      contents: `export { importProgressionFramework } from './shared/frameworks/progression-format';\nexport { bigProgressionFile } from './test/support/big-progression';`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'error',
  });
  const { importProgressionFramework, bigProgressionFile } = createRequire(import.meta.url)(outfile);
  for (const topics of sizes.length ? sizes : [5000, 10000, 20000]) {
    for (const withoutCriteria of [false, true]) {
      const text = bigProgressionFile(topics, { withoutCriteria });
      const start = performance.now();
      const result = importProgressionFramework(text, { at: '2026-01-01T00:00:00.000Z' });
      const ms = performance.now() - start;
      const kind = withoutCriteria ? 'a warning per topic' : 'one criterion each';
      console.log(`${String(topics).padStart(6)} topics, ${kind.padEnd(19)} ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB  ${result.ok ? 'ok' : 'refused'}  ${ms.toFixed(0).padStart(6)} ms`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
