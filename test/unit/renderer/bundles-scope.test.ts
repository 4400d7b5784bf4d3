/**
 * Import scope through the real write path (Dexie over fake-indexeddb): a
 * bundle reusing an id of another cycle is refused and the database stays
 * as it was; a submitted packet is not rewritten; a bundle dated 2030 does
 * not stop a later correct fix from being imported.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BundleContent } from '../../../shared/exchange/bundle-format';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { importBundle, previewBundleImport } from '../../../renderer/db/bundles';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { currentPacket } from '../../../shared/rules/current-packet';
import { loadSampleCycle } from '../../../renderer/db/repositories';

const ours = generateSampleCycle(ic0M3Levels, { candidates: 3 });
const other = generateSampleCycle(ic0M3Levels, { candidates: 2, seed: 7 });
const content: BundleContent = { cycle: ours.cycle, frameworks: [ours.framework], candidates: ours.candidates, evidence: ours.evidence, packets: ours.packets };
const cand0 = ours.candidates[0]!;

let db: LevelsetDatabase;
let n = 0;
beforeEach(async () => {
  db = new LevelsetDatabase(`bundle-scope-${++n}`);
  await db.open();
  await loadSampleCycle(db, ours);
});
afterEach(async () => {
  await db.delete();
});

async function snapshot() {
  return { candidates: await db.candidates.toArray(), evidence: await db.evidence.toArray(), packets: await db.packets.toArray(), audit: await db.audit.count() };
}

describe('importing a bundle touches only what it should', () => {
  it('refuses a bundle that reuses the id of a candidate of another cycle, and leaves the database as it was', async () => {
    await loadSampleCycle(db, other);
    const victim = other.candidates[0]!;
    const bundle: BundleContent = { ...content, candidates: [{ ...cand0, id: victim.id, name: 'Overwritten', updatedAt: '2026-11-02T00:00:00.000Z' }], evidence: [], packets: [] };
    const before = await snapshot();
    const preview = await previewBundleImport(db, bundle);
    expect(preview.refusals).toEqual([`Candidate "${victim.id}" already exists here in another cycle ("${other.cycle.id}").`]);
    await expect(importBundle(db, bundle, '2026-11-03T00:00:00.000Z')).rejects.toThrow('This bundle cannot be imported.');
    expect(await snapshot()).toEqual(before);
    expect((await db.candidates.get(victim.id))!.name).toBe(victim.name);
  });

  it('does not turn a submitted packet back into a draft', async () => {
    const p0 = ours.packets[0]!;
    const submitted = { ...p0, status: 'submitted' as const, submittedAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' };
    await importBundle(db, { ...content, packets: [submitted, ...ours.packets.slice(1)] }, '2026-11-01T00:00:00.000Z');
    expect(await db.packets.get(p0.id)).toEqual(submitted);
    // The other machine's copy lost the submission (marked superseded, no later revision) and has other text.
    const unsubmitted = { ...submitted, status: 'superseded' as const, submittedAt: null, summary: 'Draft text again', updatedAt: '2026-11-02T00:00:00.000Z' };
    const backToDraft = { ...submitted, status: 'draft' as const, submittedAt: null, revision: 3, summary: 'Draft again', updatedAt: '2026-11-02T00:00:00.000Z' };
    for (const copy of [unsubmitted, backToDraft]) {
      await importBundle(db, { ...content, packets: [copy, ...ours.packets.slice(1)] }, '2026-11-03T00:00:00.000Z');
      expect(await db.packets.get(p0.id)).toEqual(submitted);
      expect(currentPacket(await db.packets.where('candidateId').equals(p0.candidateId).toArray())).toEqual(submitted);
    }
  });

  it('imports a correct later fix after a bundle dated 2030', async () => {
    const bundleA: BundleContent = { ...content, candidates: [{ ...cand0, team: 'From 2030', updatedAt: '2030-01-01T00:00:00.000Z' }, ...ours.candidates.slice(1)] };
    const preview = await previewBundleImport(db, bundleA);
    expect(preview.summary).toContain('1 row carries a time in the future (up to 2030-01-01 00:00 UTC); their times were not trusted and count as the time of this import.');
    await importBundle(db, bundleA, '2026-11-03T00:00:00.000Z');
    expect(await db.candidates.get(cand0.id)).toMatchObject({ team: 'From 2030', updatedAt: '2026-11-03T00:00:00.000Z' });

    const bundleB: BundleContent = { ...content, candidates: [{ ...cand0, team: 'Corrected', updatedAt: '2026-11-04T00:00:00.000Z' }, ...ours.candidates.slice(1)] };
    const plan = await importBundle(db, bundleB, '2026-11-05T00:00:00.000Z');
    expect(plan.summary[0]).toBe('Updates 1 candidate with newer copies from the bundle.');
    expect((await db.candidates.get(cand0.id))!.team).toBe('Corrected');
  });
});
