/**
 * Property tests: whatever arrives as a bundle file (cut off, edited byte by
 * byte, random JSON, a hand-made envelope with a correct checksum around
 * mangled content), `openBundle` never throws; it returns content that passes
 * the schema or one typed error, and `planMerge` never throws on what it
 * accepts. A last property imports into a real Dexie database (over
 * fake-indexeddb) in one transaction, with failures injected mid-write: the
 * database ends up either with the whole plan written or exactly as before,
 * and after every import no submitted incoming revision has been dropped and
 * no stored draft's edits have been lost.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LevelsetDatabase } from '../../../renderer/db/database';
import type { Packet } from '../../../shared/domain';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { base64ToBytes, bytesToBase64 } from '../../../shared/exchange/base64';
import { BundleContentSchema, createBundle, openBundle, type BundleContent, type BundleErrorCode, type OpenBundleResult } from '../../../shared/exchange/bundle-format';
import { canonicalJson, sha256Hex } from '../../../shared/exchange/canonical-json';
import { applyPlanRows, existingFromRows, idsToLoad, planMerge, type MergeRows, type MergeTable } from '../../../shared/exchange/merge-plan';
import { plainV2File } from './bundle-v2-file';

const AT = '2026-11-02T10:00:00.000Z';
const LATER = '2026-10-20T12:00:00.000Z';
const NOW = '2026-11-03T09:00:00.000Z';
const CODES: readonly BundleErrorCode[] = ['too-large', 'not-a-bundle', 'truncated', 'newer-version', 'needs-passphrase', 'wrong-passphrase', 'tampered', 'invalid'];
const TABLES: readonly MergeTable[] = ['frameworks', 'cycles', 'candidates', 'evidence', 'packets'];

function sampleContent(): BundleContent {
  const sample = generateSampleCycle(ic0M3Levels, { candidates: 3 });
  return { cycle: sample.cycle, frameworks: [sample.framework], candidates: sample.candidates, evidence: sample.evidence, packets: sample.packets };
}

/** What the committee already has. */
const base = sampleContent();

const EDITED_HERE = '2026-10-25T08:00:00.000Z';

/** What a manager sends back later: an edited candidate, a submitted new revision, a packet started separately. */
const incoming: BundleContent = (() => {
  const [c0, ...rest] = base.candidates;
  const [p0, p1, ...others] = base.packets as [Packet, Packet, ...Packet[]];
  // Submitted: its snapshot froze the reworked summary with the rest of the case.
  const reworked = 'Reworked after feedback';
  const frozen = p0.snapshot ? { ...p0.snapshot, takenAt: LATER, summary: reworked } : { takenAt: LATER, targetLevelId: p0.targetLevelId, assessments: p0.assessments, summary: reworked, notYetDoing: p0.notYetDoing, evidence: [] };
  const rev2: Packet = { ...p0, id: `${p0.id}-rev2`, revision: 2, parentId: p0.id, status: 'submitted', summary: reworked, submittedAt: LATER, updatedAt: LATER, snapshot: frozen };
  // A draft keeps no snapshot.
  const separate: Packet = { ...p1, id: `${p1.id}-laptop`, status: 'draft', summary: 'Started on the laptop', submittedAt: null, snapshot: null, updatedAt: LATER };
  return { ...base, candidates: [{ ...c0!, team: 'Platform', updatedAt: LATER }, ...rest], packets: [{ ...p0, status: 'superseded' }, rev2, separate, ...others] };
})();

/**
 * The committee database's packets: the draft of that revision 2 came over
 * earlier and was edited here after the manager submitted it (a later clock).
 */
const committeePackets: Packet[] = (() => {
  const [p0, ...rest] = base.packets as [Packet, ...Packet[]];
  const draft2: Packet = { ...p0, id: `${p0.id}-rev2`, revision: 2, parentId: p0.id, status: 'draft', notYetDoing: 'Edited here', createdAt: LATER, updatedAt: EDITED_HERE };
  return [{ ...p0, status: 'superseded' }, draft2, ...rest];
})();

let plainText = '';
let contentPaths: Array<Array<string | number>> = [];

beforeAll(async () => {
  plainText = await createBundle(incoming, { createdAt: AT, appVersion: '0.1.0' });
  contentPaths = pathsOf((JSON.parse(plainText) as { content: unknown }).content);
});

/** Every path into a JSON value (objects and arrays included), for structural mutations. */
function pathsOf(value: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

/** A copy of `root` with the value at `path` replaced (or removed when `value` is undefined). */
function replaceAt(root: unknown, path: ReadonlyArray<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  if (Array.isArray(root)) {
    const copy = root.slice();
    if (rest.length === 0 && value === undefined) copy.splice(head as number, 1);
    else copy[head as number] = replaceAt(copy[head as number], rest, value);
    return copy;
  }
  const copy = { ...(root as Record<string, unknown>) };
  if (rest.length === 0 && value === undefined) delete copy[head];
  else copy[head] = replaceAt(copy[head], rest, value);
  return copy;
}

/** A plain bundle around `content` with a correct checksum: past the tamper check, onto validation. */
/** The bundle around `content` with a checksum that matches, in either format version (bundle-versions.test.ts writes a version 2 file by its rule). */
async function rechecksummed(content: unknown, version: 1 | 2): Promise<string> {
  const file = JSON.parse(plainText) as Record<string, unknown>;
  file.content = content;
  if (version === 2) return plainV2File(file);
  file.schemaVersion = 1;
  file.checksum = { algorithm: 'SHA-256', value: await sha256Hex(canonicalJson(content)) };
  return JSON.stringify(file, null, 2);
}

const SPECIAL = ['"', '{', '}', '[', ']', ',', ':', '\\', '0', '9', '-', 'e', 't', 'n', ' ', '\n', '\u0000', '\ud800', '\u00e9', '\ufeff'];
const charEdit = fc.record({ at: fc.nat(), ch: fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ minLength: 0, maxLength: 3 })) });

/** Bundle-shaped texts, most of them broken. */
const bundleTexts: fc.Arbitrary<() => Promise<string>> = fc.oneof(
  // Cut off anywhere.
  fc.nat().map((n) => async () => plainText.slice(0, n % (plainText.length + 1))),
  // A few characters replaced.
  fc.array(charEdit, { minLength: 1, maxLength: 6 }).map((edits) => async () => {
    let t = plainText;
    for (const { at, ch } of edits) {
      const i = at % t.length;
      t = t.slice(0, i) + ch + t.slice(i + 1);
    }
    return t;
  }),
  // A range deleted or repeated.
  fc.tuple(fc.nat(), fc.nat({ max: 400 }), fc.boolean()).map(([at, len, repeat]) => async () => {
    const i = at % plainText.length;
    const piece = plainText.slice(i, i + len);
    return repeat ? plainText.slice(0, i) + piece + piece + plainText.slice(i + len) : plainText.slice(0, i) + plainText.slice(i + len);
  }),
  // Random JSON, and random JSON in a bundle-like envelope.
  fc.json().map((t) => async () => t),
  fc
    .record({
      format: fc.constantFrom('levelset.bundle', 'levelset.framework', 'other'),
      schemaVersion: fc.oneof(fc.constant(1), fc.constant(2), fc.integer(), fc.double(), fc.string()),
      createdAt: fc.oneof(fc.constant(AT), fc.string()),
      appVersion: fc.string(),
      checksum: fc.oneof(fc.record({ algorithm: fc.constant('SHA-256'), value: fc.stringMatching(/^[0-9a-f]{64}$/) }), fc.jsonValue()),
      encrypted: fc.oneof(fc.boolean(), fc.jsonValue()),
      content: fc.jsonValue(),
    })
    .map((file) => async () => JSON.stringify(file)),
  // Mangled content with a matching checksum: reaches the schema and cross-row checks, sometimes still valid.
  fc.tuple(fc.nat(), fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.string(), fc.integer())).map(([pick, value]) => async () => {
    const content = (JSON.parse(plainText) as { content: unknown }).content;
    const path = contentPaths[pick % contentPaths.length] ?? [];
    // Removing the whole content leaves nothing to checksum; replace it with null instead.
    return rechecksummed(replaceAt(content, path, path.length === 0 ? (value ?? null) : value), pick % 2 === 0 ? 1 : 2);
  }),
);

function expectWellFormed(result: OpenBundleResult): void {
  if (result.ok) {
    expect(BundleContentSchema.safeParse(result.content).success).toBe(true);
    return;
  }
  expect(CODES).toContain(result.error.code);
  expect(typeof result.error.message).toBe('string');
  expect(result.error.message.length).toBeGreaterThan(10);
}

describe('openBundle on random and mutated files', () => {
  it('never throws: returns valid content or a typed error, and planning what it accepts never throws', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(bundleTexts, async (make) => {
        const result = await openBundle(await make());
        expectWellFormed(result);
        if (result.ok) {
          accepted++;
          const plan = planMerge(result.content, existingFromRows({ ...base, cycles: [base.cycle] }), { now: NOW });
          expect(Array.isArray(plan.summary)).toBe(true);
          applyPlanRows(plan);
        }
      }),
      { numRuns: 400 },
    );
    // The mix reaches the accepting branch too, not only refusals.
    expect(accepted).toBeGreaterThan(0);
  }, 60_000);

  it('refuses any changed byte of an encrypted bundle without throwing', async () => {
    const passphrase = 'a committee secret';
    const text = await createBundle(incoming, { createdAt: AT, appVersion: '0.1.0', passphrase });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('ciphertext', 'iv', 'salt'), fc.nat(), fc.integer({ min: 1, max: 255 }), async (field, at, xor) => {
        const file = JSON.parse(text) as { ciphertext: string; encryption: { iv: string; keyDerivation: { salt: string } } };
        const read = () => (field === 'ciphertext' ? file.ciphertext : field === 'iv' ? file.encryption.iv : file.encryption.keyDerivation.salt);
        const bytes = base64ToBytes(read())!;
        bytes[at % bytes.length]! ^= xor;
        const encoded = bytesToBase64(bytes);
        if (field === 'ciphertext') file.ciphertext = encoded;
        else if (field === 'iv') file.encryption.iv = encoded;
        else file.encryption.keyDerivation.salt = encoded;
        const result = await openBundle(JSON.stringify(file), { passphrase });
        expect(result.ok ? null : result.error.code).toBe('wrong-passphrase');
      }),
      // Each run derives a key with 600,000 PBKDF2 iterations.
      { numRuns: 4 },
    );
  }, 60_000);
});

// ── Import into a database: whole or nothing ────────────────────────────

type Outcome = { outcome: 'refused' } | { outcome: 'failed' } | { outcome: 'imported'; rows: MergeRows; content: BundleContent };

/**
 * What the renderer does on "Import": open, then inside ONE rw transaction
 * read the rows the plan needs, plan, and bulkPut every table. `failAfter`
 * throws after that many tables were written, standing in for a quota error
 * or a crash of the write.
 */
async function importInto(db: LevelsetDatabase, text: string, failAfter: number): Promise<Outcome> {
  const opened = await openBundle(text);
  if (!opened.ok) return { outcome: 'refused' };
  const content = opened.content;
  try {
    const rows = await db.transaction('rw', [db.frameworks, db.cycles, db.candidates, db.evidence, db.packets], async () => {
      const ids = idsToLoad(content);
      const present = <T,>(list: Array<T | undefined>) => list.filter((r): r is T => r !== undefined);
      const existing = existingFromRows({
        frameworks: present(await db.frameworks.bulkGet(ids.frameworks)),
        cycles: present(await db.cycles.bulkGet(ids.cycles)),
        candidates: present(await db.candidates.bulkGet(ids.candidates)),
        evidence: present(await db.evidence.bulkGet(ids.evidence)),
        packets: [...present(await db.packets.bulkGet(ids.packets)), ...(await db.packets.where('candidateId').anyOf(ids.packetCandidates).toArray())],
      });
      const planned = applyPlanRows(planMerge(content, existing, { now: NOW }));
      let written = 0;
      for (const table of TABLES) {
        await db.table(table).bulkPut(planned[table]);
        if (++written === failAfter) throw new Error('simulated failure while writing');
      }
      return planned;
    });
    return { outcome: 'imported', rows, content };
  } catch {
    return { outcome: 'failed' };
  }
}

/** What a manager wrote in a packet, the part an import must not lose. */
function content(p: Packet) {
  return { summary: p.summary, notYetDoing: p.notYetDoing, assessments: p.assessments };
}
function equalContent(a: Packet, b: Packet): boolean {
  return fieldKeys(a, b).every((k) => field(a, k) === field(b, k));
}
function fieldKeys(a: Packet, b: Packet): string[] {
  return ['summary', 'notYetDoing', ...new Set([...Object.keys(a.assessments), ...Object.keys(b.assessments)])];
}
/** One field as text; an assessment is its rating and note, or undefined when absent. */
function field(p: Packet, key: string): string | undefined {
  if (key === 'summary') return p.summary;
  if (key === 'notYetDoing') return p.notYetDoing;
  const a = p.assessments[key];
  return a ? `${a.rating} ${a.note}` : undefined;
}

async function snapshot(db: LevelsetDatabase): Promise<Record<MergeTable, unknown[]>> {
  return {
    frameworks: await db.frameworks.toArray(),
    cycles: await db.cycles.toArray(),
    candidates: await db.candidates.toArray(),
    evidence: await db.evidence.toArray(),
    packets: await db.packets.toArray(),
  };
}

describe('importing a bundle into the database', () => {
  const db = new LevelsetDatabase('bundle-property-test');
  beforeAll(async () => {
    await db.open();
  });
  afterAll(async () => {
    await db.delete();
  });

  // 0 = no failure (most runs, so imports succeed often enough to check); 1..5 = after that many tables.
  const failPoints = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: TABLES.length }) });

  it('writes the whole plan or nothing, whatever the file and wherever the write fails', async () => {
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 2, arbitrary: fc.constant(async () => plainText) }, { weight: 3, arbitrary: bundleTexts }), failPoints, async (make, failAfter) => {
        await db.transaction('rw', [db.frameworks, db.cycles, db.candidates, db.evidence, db.packets], async () => {
          for (const table of TABLES) await db.table(table).clear();
          await db.frameworks.bulkPut(base.frameworks);
          await db.cycles.put(base.cycle);
          await db.candidates.bulkPut(base.candidates);
          await db.evidence.bulkPut(base.evidence);
          await db.packets.bulkPut(committeePackets);
        });
        const before = await snapshot(db);
        const result = await importInto(db, await make(), failAfter);
        const after = await snapshot(db);
        outcomes.add(result.outcome);

        if (result.outcome !== 'imported') {
          expect(after).toEqual(before);
          return;
        }
        for (const table of TABLES) {
          const written = new Map(result.rows[table].map((r) => [r.id, r]));
          const stored = new Map((after[table] as Array<{ id: string }>).map((r) => [r.id, r]));
          // Every planned row is there as planned...
          for (const [id, row] of written) expect(stored.get(id)).toEqual(row);
          // ...and nothing else moved.
          const untouched = (rows: unknown[]) => (rows as Array<{ id: string }>).filter((r) => !written.has(r.id));
          expect(untouched(after[table])).toEqual(untouched(before[table]));
        }
        // Every incoming row is present afterwards (added, updated, or already here).
        const ids = idsToLoad(result.content);
        for (const table of TABLES) {
          const stored = new Set((after[table] as Array<{ id: string }>).map((r) => r.id));
          for (const id of ids[table]) expect(stored.has(id)).toBe(true);
        }
        const packetsBefore = new Map((before.packets as Packet[]).map((p) => [p.id, p]));
        const packetsAfter = after.packets as Packet[];
        const afterById = new Map(packetsAfter.map((p) => [p.id, p]));
        // No submitted incoming revision is dropped: a draft never keeps its id, and where this database had none or a draft, the submission is there as sent.
        for (const p of result.content.packets.filter((x) => x.status === 'submitted')) {
          const now = afterById.get(p.id)!;
          expect(now.status).not.toBe('draft');
          const was = packetsBefore.get(p.id);
          if (!was || was.status === 'draft') expect(content(now)).toEqual(content(p));
        }
        // No draft's edits are lost: each stored draft's content is still in some row of its candidate, or the row under its id carries every field it changed from its parent.
        for (const draft of (before.packets as Packet[]).filter((p) => p.status === 'draft')) {
          if (packetsAfter.some((p) => p.candidateId === draft.candidateId && equalContent(p, draft))) continue;
          const parent = draft.parentId === null ? undefined : packetsBefore.get(draft.parentId);
          expect(parent).toBeDefined();
          const now = afterById.get(draft.id)!;
          for (const key of fieldKeys(draft, parent!)) if (field(draft, key) !== field(parent!, key)) expect(field(now, key)).toBe(field(draft, key));
        }
      }),
      { numRuns: 80 },
    );
    expect(outcomes).toEqual(new Set(['refused', 'failed', 'imported']));
  }, 120_000);
});
