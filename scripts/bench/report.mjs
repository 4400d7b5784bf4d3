// Statistics, the Markdown table and the gzip sizes of the built chunks.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { min: sorted[0], median, max: sorted.at(-1), runs: sorted.length };
}

const ms = (v) => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
const mb = (v) => `${(v / 1024 / 1024).toFixed(1)} MB`;
const spreadOf = (fmt) => (s) => (s.runs === 1 ? fmt(s.median) : `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`);

/** One table row: what, Levelset (median, min–max), baseline (same), ratio of medians. */
export function row(figure) {
  if (!figure.na && figure.values.length === 0) return `| ${figure.what} | n/a (not reached) | ${figure.baselineLabel ?? ''} | |`;
  if (figure.na) return `| ${figure.what} | n/a (${figure.na}) | ${figure.baselineLabel ?? ''} | |`;
  const spread = spreadOf(figure.unit === 'bytes' ? mb : ms);
  const app = stats(figure.values);
  const base = figure.baseline ? stats(figure.baseline) : null;
  const baseText = base ? `${figure.baselineLabel}: ${spread(base)}` : (figure.baselineLabel ?? '');
  const ratio = base && base.median > 0 ? `${(app.median / base.median).toFixed(2)}×` : '';
  return `| ${figure.what} | ${spread(app)} | ${baseText} | ${ratio} |`;
}

export function table(figures) {
  return ['| figure | Levelset: median (min–max) | raw baseline, same run | ratio |', '| --- | --- | --- | --- |', ...figures.map(row)].join('\n');
}

/** Every chunk in dist/renderer/assets with its gzip size, and the JS index.html loads before the first view. */
export function chunkSizes(distDir) {
  const assets = join(distDir, 'assets');
  const chunks = readdirSync(assets)
    .filter((f) => /\.(js|css|mjs)$/.test(f))
    .map((file) => {
      const bytes = readFileSync(join(assets, file));
      return { file, bytes: statSync(join(assets, file)).size, gzip: gzipSync(bytes, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  // index.html's module script and preloads, then every static import of those (Vite writes `from"./x.js"` and `import"./x.js"`).
  const initial = new Set([...html.matchAll(/(?:src|href)="\.?\/?assets\/([^"]+\.js)"/g)].map((m) => m[1]));
  for (const file of initial) {
    const text = readFileSync(join(assets, file), 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) initial.add(m[1]);
  }
  const initialGzip = chunks.filter((c) => initial.has(c.file)).reduce((n, c) => n + c.gzip, 0);
  return { chunks, initial: [...initial], initialGzip };
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
