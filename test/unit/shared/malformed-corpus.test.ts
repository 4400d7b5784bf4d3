/**
 * A generated corpus of malformed inputs (issue 12): valid bundles, backups
 * and framework files, built from the sample generator and the calibration
 * fixture, are mutated (fields dropped, wrong types, impossible dates and
 * timestamps, huge strings, deep nesting, references to rows that do not
 * exist, garbage bytes, truncation). Every input must be either accepted by
 * the schemas or refused with ONE short line: at most 300 characters, no
 * "[object Object]", no "undefined", no stack, no "Maximum call stack". The
 * readers never throw.
 *
 * Structural mutations are resealed with a correct checksum half of the
 * time, so they reach the row schemas instead of stopping at "tampered".
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackup, openBackup } from '../../../shared/backup/backup-format';
import { createBundle, openBundle } from '../../../shared/exchange/bundle-format';
import { canonicalJson, sha256Hex } from '../../../shared/exchange/canonical-json';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { exportFrameworkJson, importFrameworkJson } from '../../../shared/frameworks/json-format';
import type { ImportIssue } from '../../../shared/frameworks/import-result';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { MAX_REFUSAL_CHARS } from '../../../shared/util/refusal';
import { calibrationRows } from '../../fixtures/db/calibration-rows';

const AT = '2026-11-02T10:00:00.000Z';
// Each bundle or backup open hashes and validates the whole file (~0.1 s), so the corpus is sized to run in well under a minute.
const RUNS = Number(process.env.CORPUS_RUNS ?? 60);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

/** Every path to a value inside `value` (the root excluded). */
function pathsOf(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  const children: Array<[string | number, Json]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : value !== null && typeof value === 'object' ? Object.entries(value) : [];
  for (const [key, child] of children) {
    out.push([...prefix, key]);
    pathsOf(child, [...prefix, key], out);
  }
  return out;
}

const BAD_DATES = ['2026-00-15', '0000-01-01', '2026-02-30', '2026-13-01', '2101-01-01', '2026-02-30T10:00:00.000Z', '2026-01-01T25:00:00.000Z', '2150-06-01T00:00:00.000Z', '0000-01-01T00:00:00.000Z', '2026-01-01T10:00:00+02:00', ''];

/** What replaces the value at a path; `undefined` drops it. */
const replacementArb: fc.Arbitrary<Json | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom<Json>(null, true, 0, -1, 1.5, 1e308, '', [], {}, 'ghost', [null], { '[object Object]': {} }),
  fc.constantFrom(...BAD_DATES),
  fc.string({ maxLength: 20 }),
  fc.integer({ min: 1000, max: 80_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 65, max: 400 }).map((n) => {
    let v: Json = 'deep';
    for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
    return v;
  }),
);

function mutated(root: Json, path: Path, replacement: Json | undefined): Json {
  const copy = structuredClone(root);
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = replacement;
  return copy;
}

/** Text-level damage: cut off, garbage bytes, one character changed. */
const textDamageArb = fc.oneof(
  fc.nat().map((n) => (text: string) => text.slice(0, n % (text.length + 1))),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([n, bytes]) => (text: string) => {
    const at = n % (text.length + 1);
    return text.slice(0, at) + String.fromCharCode(...bytes) + text.slice(at);
  }),
  fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 1 })).map(([n, c]) => (text: string) => {
    const at = n % Math.max(text.length, 1);
    return text.slice(0, at) + c + text.slice(at + 1);
  }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => () => new TextDecoder().decode(bytes)),
);

function expectOneShortLine(message: unknown, input: string): void {
  const where = `for input starting ${JSON.stringify(input.slice(0, 120))}`;
  expect(typeof message, where).toBe('string');
  const text = message as string;
  expect(text.length, `${where}: ${text.slice(0, 400)}`).toBeLessThanOrEqual(MAX_REFUSAL_CHARS);
  expect(text.length).toBeGreaterThan(0);
  expect(text, where).not.toContain('\n');
  expect(text, where).not.toContain('[object Object]');
  expect(text, where).not.toMatch(/\bundefined\b/);
  expect(text, where).not.toMatch(/call stack|\bat \S+ \(|Error:/);
}

function expectRefusalShape(error: { message: string; issues?: ImportIssue[] }, input: string): void {
  expectOneShortLine(error.message, input);
  for (const issue of error.issues ?? []) expectOneShortLine(issue.message, input);
}

let bundleText: string;
let backupText: string;
let frameworkText: string;

beforeAll(async () => {
  const sample = generateSampleCycle(ic0M3Levels, { candidates: 6 });
  bundleText = await createBundle({ cycle: sample.cycle, frameworks: [sample.framework], candidates: sample.candidates, evidence: sample.evidence, packets: sample.packets }, { createdAt: AT, appVersion: 'test' });
  const cal = await calibrationRows(sample);
  backupText = await createBackup(
    { frameworks: [sample.framework], cycles: [sample.cycle], candidates: sample.candidates, evidence: sample.evidence, packets: sample.packets, sessions: cal.sessions, votes: cal.votes, decisions: cal.decisions, audit: cal.audit, meta: cal.meta },
    { createdAt: AT, appVersion: 'test', databaseVersion: 3 },
  );
  frameworkText = exportFrameworkJson(sample.framework, AT);
});

/** Structural mutation of a file, resealed with a fitting checksum when asked. */
const structuralArb = fc.record({ pick: fc.nat(), replacement: replacementArb, reseal: fc.boolean() });

async function resealBundle(file: Json): Promise<void> {
  const f = file as { content?: Json; checksum?: { value?: string } };
  if (f && typeof f === 'object' && f.checksum && typeof f.checksum === 'object' && 'content' in f) f.checksum.value = await sha256Hex(canonicalJson(f.content));
}

async function resealBackup(file: Json): Promise<void> {
  const f = file as { tables?: Record<string, Json>; checksum?: { value?: string } };
  if (f && typeof f === 'object' && f.checksum && typeof f.checksum === 'object' && f.tables && typeof f.tables === 'object' && !Array.isArray(f.tables)) {
    const saved = Object.fromEntries(Object.entries(f.tables).filter(([name]) => name !== 'coverage'));
    f.checksum.value = await sha256Hex(canonicalJson(saved));
  }
}

describe('a generated corpus of malformed inputs', { timeout: 180_000 }, () => {
  it('the unmutated files are accepted', async () => {
    expect((await openBundle(bundleText)).ok).toBe(true);
    expect((await openBackup(backupText)).ok).toBe(true);
    expect(importFrameworkJson(frameworkText).ok).toBe(true);
  });

  it('bundles: accepted, or refused in one short line', async () => {
    const root = JSON.parse(bundleText) as Json;
    const paths = pathsOf(root);
    await fc.assert(
      fc.asyncProperty(structuralArb, fc.option(textDamageArb, { freq: 4 }), async ({ pick, replacement, reseal }, damage) => {
        const file = mutated(root, paths[pick % paths.length]!, replacement);
        // canonicalJson refuses what nests too deep: such a file keeps its old checksum.
        if (reseal) await resealBundle(file).catch(() => undefined);
        const text = damage ? damage(JSON.stringify(file)) : JSON.stringify(file);
        const result = await openBundle(text);
        if (!result.ok) expectRefusalShape(result.error, text);
      }),
      { numRuns: RUNS },
    );
  });

  it('backups: accepted, or refused in one short line', async () => {
    const root = JSON.parse(backupText) as Json;
    const paths = pathsOf(root);
    await fc.assert(
      fc.asyncProperty(structuralArb, fc.option(textDamageArb, { freq: 4 }), async ({ pick, replacement, reseal }, damage) => {
        const file = mutated(root, paths[pick % paths.length]!, replacement);
        if (reseal) await resealBackup(file).catch(() => undefined);
        const text = damage ? damage(JSON.stringify(file)) : JSON.stringify(file);
        const result = await openBackup(text);
        if (!result.ok) expectRefusalShape(result.error, text);
      }),
      { numRuns: RUNS },
    );
  });

  it('framework files: accepted, or refused in one short line per problem', () => {
    const root = JSON.parse(frameworkText) as Json;
    const paths = pathsOf(root);
    fc.assert(
      fc.property(structuralArb, fc.option(textDamageArb, { freq: 4 }), ({ pick, replacement }, damage) => {
        const file = mutated(root, paths[pick % paths.length]!, replacement);
        const text = damage ? damage(JSON.stringify(file)) : JSON.stringify(file);
        const result = importFrameworkJson(text);
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) expectOneShortLine(error.message, text);
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
