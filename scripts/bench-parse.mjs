#!/usr/bin/env node
// Times the framework-file parsers on generated progression files of growing
// size (issue 12: a 1.66 MB file with 20,000 topics took 13 s to parse):
//
//   node scripts/bench-parse.mjs [topics ...]      default 5000 10000 20000
//
// Each figure is the best of three runs, in wall time and in CPU time.
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
      // Best of three: wall time, and the CPU time of this process (which other load on the machine inflates far less).
      let best = { ms: Infinity, cpu: Infinity, ok: false };
      for (let run = 0; run < 3; run++) {
        const cpu0 = process.cpuUsage();
        const start = performance.now();
        const result = importProgressionFramework(text, { at: '2026-01-01T00:00:00.000Z' });
        const ms = performance.now() - start;
        const cpu = process.cpuUsage(cpu0);
        best = { ms: Math.min(best.ms, ms), cpu: Math.min(best.cpu, (cpu.user + cpu.system) / 1000), ok: result.ok };
      }
      // The floor: JSON.parse of the same front matter written as JSON.
      const json = JSON.stringify(yamlShape(topics, withoutCriteria));
      const jsonStart = performance.now();
      JSON.parse(json);
      const jsonMs = performance.now() - jsonStart;
      const kind = withoutCriteria ? 'a warning per topic' : 'one criterion each';
      console.log(
        `${String(topics).padStart(6)} topics, ${kind.padEnd(19)} ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB  ${best.ok ? 'ok' : 'refused'}  ${best.ms.toFixed(0).padStart(6)} ms (${best.cpu.toFixed(0)} ms CPU)  JSON.parse of the same: ${jsonMs.toFixed(0)} ms`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** The front matter of bigProgressionFile as plain data. */
function yamlShape(topics, withoutCriteria, levels = 5) {
  return {
    title: 'Generated framework',
    levels,
    topics: Array.from({ length: topics }, (_, i) => (withoutCriteria ? { name: `t${i}`, content: [] } : { name: `t${i}`, content: [{ level: (i % levels) + 1, criteria: [`Does ${i}`] }] })),
  };
}
