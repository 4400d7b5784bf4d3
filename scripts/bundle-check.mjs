// Checks the built renderer (dist/renderer) against the startup budget of
// issue 13: the JavaScript loaded before the first view (the entry script
// and every chunk it imports statically, which index.html also preloads) is
// at most 150 KB gzip; no chunk is over 300 KB minified (raw bytes, the
// stricter reading: gzip would be about a third); and the chart library, the
// YAML parser, zod and the built-in frameworks are not among the startup
// chunks (they are loaded when first needed). Sizes are bytes on disk, not
// times, so the check is the same on a busy machine. Writes
// test-results/bundle-check.json ({ passed, failed, checks }) for
// scripts/run-tests.mjs.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export const INITIAL_GZIP_LIMIT = 150 * 1024;
export const CHUNK_RAW_LIMIT = 300 * 1024;

/** Strings that survive minification and only their library contains. */
export const LATE_MARKERS = {
  'the chart library (Recharts)': 'recharts-wrapper',
  'the YAML parser': 'duplicated mapping key',
  'zod': '$ZodType',
  'the built-in frameworks': 'ic0m3-ic0',
};

/** Static imports of a minified ES module chunk (`import{a as b}from"./x.js"`, `import"./x.js"`), not `import("./x.js")`. */
export function staticImports(code) {
  return [...code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"();]*?from\s*)?["'](\.\.?\/[^"']+\.js)["']/g)].map((m) => m[1]);
}

/** The chunks loaded before the first view: index.html's module script, its preloads, and their static imports, transitively. */
export function initialChunks(dir) {
  const html = readFileSync(`${dir}/index.html`, 'utf8');
  const start = [...html.matchAll(/<script type="module"[^>]*\ssrc="\.\/([^"]+)"/g), ...html.matchAll(/rel="modulepreload"[^>]*\shref="\.\/([^"]+)"/g)].map((m) => m[1]);
  if (start.length === 0) throw new Error(`${dir}/index.html loads no module script`);
  const seen = new Set();
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(`${dir}/${file}`, 'utf8');
    for (const spec of staticImports(code)) queue.push(posix.normalize(posix.join(posix.dirname(file), spec)));
  }
  return [...seen];
}

/** At most this many chunks beyond the startup ones for a calibration session's page and views (scripts/route-chunks.ts). */
export const SESSION_CHUNK_LIMIT = 3;

/** The chunks a calibration session needs beyond the startup ones: the "session" chunk (name and an 8-character hash) and its static imports, transitively. */
export function sessionChunkFiles(dir, initial = initialChunks(dir)) {
  const start = readdirSync(`${dir}/assets`).filter((f) => /^session-[A-Za-z0-9_-]{8}\.js$/.test(f)).map((f) => `assets/${f}`);
  const seen = new Set();
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file) || initial.includes(file)) continue;
    seen.add(file);
    for (const spec of staticImports(readFileSync(`${dir}/${file}`, 'utf8'))) queue.push(posix.normalize(posix.join(posix.dirname(file), spec)));
  }
  return { start, files: [...seen] };
}

export function checkBundle(dir = 'dist/renderer') {
  const checks = [];
  const check = (name, ok, detail) => checks.push({ name, ok, detail });
  const initial = initialChunks(dir);
  const sizes = initial.map((file) => ({ file, gzip: gzipSync(readFileSync(`${dir}/${file}`)).length }));
  const total = sizes.reduce((n, s) => n + s.gzip, 0);
  const list = sizes.map((s) => `${s.file} ${(s.gzip / 1024).toFixed(1)} KB`).join(', ');
  check('initial JS at most 150 KB gzip', total <= INITIAL_GZIP_LIMIT, `${(total / 1024).toFixed(1)} KB gzip: ${list}`);

  const all = readdirSync(`${dir}/assets`).filter((f) => f.endsWith('.js'));
  const big = all.map((f) => ({ f, raw: readFileSync(`${dir}/assets/${f}`).length })).filter((c) => c.raw > CHUNK_RAW_LIMIT);
  check('no chunk over 300 KB minified', big.length === 0, big.length ? big.map((c) => `${c.f} ${(c.raw / 1024).toFixed(1)} KB`).join(', ') : `${all.length} chunks`);

  // Each chunk is a request: a session's first view waited on some 36 of them before they were grouped.
  const session = sessionChunkFiles(dir, initial);
  check(`a calibration session's code: at most ${SESSION_CHUNK_LIMIT} chunks beyond startup`, session.start.length > 0 && session.files.length <= SESSION_CHUNK_LIMIT,
    session.start.length === 0 ? 'no session chunk: the group in vite.config.ts (scripts/route-chunks.ts) is gone' : `${session.files.length}: ${session.files.join(', ')}`);

  const initialText = initial.map((file) => [file, readFileSync(`${dir}/${file}`, 'utf8')]);
  const allText = all.map((f) => readFileSync(`${dir}/assets/${f}`, 'utf8')).join('\n');
  for (const [what, marker] of Object.entries(LATE_MARKERS)) {
    // A marker found nowhere means the library was renamed or dropped: the check would pass without checking.
    if (!allText.includes(marker)) {
      check(`${what}: loaded when first needed`, false, `marker "${marker}" is in no chunk; update LATE_MARKERS`);
      continue;
    }
    const carriers = initialText.filter(([, code]) => code.includes(marker)).map(([file]) => file);
    check(`${what}: loaded when first needed`, carriers.length === 0, carriers.length ? `in startup chunk ${carriers.join(', ')}` : 'not in the startup chunks');
  }
  return checks;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist/renderer';
  if (!existsSync(`${dir}/index.html`)) {
    console.error(`${dir}/index.html is missing: build the renderer first (npm run build:renderer).`);
    process.exit(1);
  }
  const checks = checkBundle(dir);
  for (const c of checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
  const failed = checks.filter((c) => !c.ok).length;
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/bundle-check.json', JSON.stringify({ passed: checks.length - failed, failed, checks }, null, 2));
  process.exit(failed > 0 ? 1 : 0);
}
