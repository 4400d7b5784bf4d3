/**
 * The audit entry of an import is prepared by the import job (the worker;
 * inline here) while the page writes the rows, and the write only finishes
 * it with the chain link (shared/audit/prepared-change.ts): the page no
 * longer writes the rows' canonical JSON nor hashes it in the transaction
 * (issue 13: 1.5–2.5 s of a 1,000-candidate import). The trail is the one
 * the page would have written: it verifies and replays to the records, in
 * one entry or in parts. When the entry cannot be used as prepared (dated
 * later because the trail holds a newer entry), the page computes it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBundle } from '../../../shared/exchange/bundle-format';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { importBundle } from '../../../renderer/db/bundles';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { verifyAudit } from '../../../renderer/db/audit';
import { startImport } from '../../../renderer/db/import-client';
import { runPlannedImport } from '../../../renderer/db/import-flow';

const calls = vi.hoisted(() => ({ computed: 0 }));
vi.mock('../../../shared/audit/hash-chain', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../shared/audit/hash-chain')>();
  return { ...real, appendChangeEntries: (...args: Parameters<typeof real.appendChangeEntries>) => (calls.computed++, real.appendChangeEntries(...args)) };
});

const AT = '2026-11-20T12:00:00.000Z';
const IMPORT_AT = '2026-11-20T13:00:00.000Z';
let n = 0;
const open: LevelsetDatabase[] = [];
afterEach(async () => Promise.all(open.splice(0).map((db) => db.delete())));
async function freshDb(): Promise<LevelsetDatabase> {
  const db = new LevelsetDatabase(`import-prepared-${++n}`);
  open.push(db);
  await db.open();
  return db;
}

function contentOf(candidates: number, evidencePerCandidate = 5) {
  const s = generateSampleCycle(ic0M3Levels, { candidates, evidencePerCandidate, exactEvidence: true, seed: 5 });
  return { cycle: s.cycle, frameworks: [s.framework], candidates: s.candidates, evidence: s.evidence, packets: s.packets };
}

async function importPlanned(db: LevelsetDatabase, content: ReturnType<typeof contentOf>, at = IMPORT_AT) {
  const job = startImport(await createBundle(content, { createdAt: AT, appVersion: 'test' }), undefined, () => {});
  const checked = await job.result;
  if (!checked.ok) throw new Error(checked.error.message);
  calls.computed = 0;
  await runPlannedImport(db, job, checked, at);
  return calls.computed;
}

describe('the audit entry of a planned import', () => {
  it('is prepared off the write and finished there, into a trail that verifies and replays', async () => {
    const db = await freshDb();
    expect(await importPlanned(db, contentOf(20))).toBe(0);
    const entries = await db.audit.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.changes?.rows.length).toBeGreaterThan(100);
    expect(await verifyAudit(db)).toMatchObject({ ok: true, replay: { ok: true } });
  });

  it('is cut into the same parts as the page cuts them, for a change over 1 MB', { timeout: 60_000 }, async () => {
    const content = contentOf(200, 10);
    const db = await freshDb();
    expect(await importPlanned(db, content)).toBe(0);
    const direct = await freshDb();
    await importBundle(direct, content, IMPORT_AT);
    const shape = async (d: LevelsetDatabase) => (await d.audit.toArray()).map((e) => ({ part: e.part, rows: e.changes?.rows.map((r) => `${r.table}/${r.id}`) })).sort((a, b) => (a.part?.index ?? 0) - (b.part?.index ?? 0));
    const parts = await shape(db);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts).toEqual(await shape(direct));
    expect(await verifyAudit(db)).toMatchObject({ ok: true, replay: { ok: true } });
  });

  it('is computed on the page when the entry must be dated later than the import (the trail holds a newer entry)', async () => {
    const db = await freshDb();
    // An entry dated after the import's time: the import's entry is dated with it, not as prepared.
    const other = contentOf(2);
    await importBundle(db, { ...other, cycle: { ...other.cycle, id: 'other-cycle' }, candidates: [], evidence: [], packets: [] }, '2026-11-21T09:00:00.000Z');
    expect(await importPlanned(db, contentOf(20))).toBe(1);
    expect(await verifyAudit(db)).toMatchObject({ ok: true, replay: { ok: true } });
  });
});
