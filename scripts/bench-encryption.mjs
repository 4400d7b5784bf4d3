#!/usr/bin/env node
// The cost of encryption at rest: node scripts/bench-encryption.mjs [candidates] [runs]
//
// Bundles scripts/bench-encryption/bench.ts with esbuild (into a temporary
// folder, removed again) and runs it on fake-indexeddb, the in-memory
// IndexedDB the unit tests use, for profiling (node --cpu-prof). It measures
// the middleware's work (sealing and opening rows), not a disk: `npm run bench`
// takes the same figures in Chromium, where the storage time is larger.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [candidates = 1000, runs = 3] = process.argv.slice(2).map(Number);

const dir = mkdtempSync(join(tmpdir(), 'levelset-bench-encryption-'));
let bench;
try {
  const outfile = join(dir, 'bench.cjs');
  await build({
    stdin: { contents: "import 'fake-indexeddb/auto'; export * from './scripts/bench-encryption/bench';", resolveDir: root, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'error',
    define: { 'import.meta.env.VITE_APP_VERSION': '"bench"' },
    nodePaths: process.env.NODE_PATH ? process.env.NODE_PATH.split(':') : [],
  });
  bench = createRequire(import.meta.url)(outfile);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const result = await bench.benchEncryption({ candidates, runs });
const ms = (n) => `${n.toFixed(0)} ms`;
const { counts } = result;
console.log(`Encryption at rest: ${counts.candidates} candidates, ${counts.evidence} evidence, ${counts.packets} packets, median of ${runs} runs (fake-indexeddb)`);
console.log(`  write  plain ${ms(result.plain.writeMs)}  encrypted ${ms(result.encrypted.writeMs)}  ratio ${result.ratio.write.toFixed(2)}×`);
console.log(`  read   plain ${ms(result.plain.readMs)}  encrypted ${ms(result.encrypted.readMs)}  ratio ${result.ratio.read.toFixed(2)}×`);
console.log(JSON.stringify(result));
