import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { candidatesRepo, cyclesRepo, evidenceRepo, frameworksRepo, loadSampleCycle, metaRepo, packetsRepo, sessionsRepo } from '../../../renderer/db/repositories';
import { storedRows } from '../../fixtures/db/coverage-rows';

let db: LevelsetDatabase;
let counter = 0;

beforeEach(async () => {
  db = new LevelsetDatabase(`repo-test-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('loadSampleCycle', () => {
  const sample = generateSampleCycle(ic0M3Levels, { candidates: 40 });

  it('writes every aggregate and makes the cycle active', async () => {
    await loadSampleCycle(db, sample);
    expect(await cyclesRepo(db).all()).toEqual([sample.cycle]);
    expect(await metaRepo(db).activeCycleId()).toBe(sample.cycle.id);
    expect(await candidatesRepo(db).byCycle(sample.cycle.id)).toHaveLength(40);
    expect(await packetsRepo(db).byCycle(sample.cycle.id)).toHaveLength(40);
    expect(await sessionsRepo(db).byCycle(sample.cycle.id)).toHaveLength(2);
    const counts = await evidenceRepo(db).countsByCandidate(sample.cycle.id);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(sample.evidence.length);
    const first = sample.candidates[0]!;
    const evidence = await evidenceRepo(db).byCandidate(first.id);
    expect(evidence.map((e) => e.date)).toEqual([...evidence.map((e) => e.date)].sort());
  });

  it('is idempotent: loading twice keeps one copy', async () => {
    await loadSampleCycle(db, sample);
    await loadSampleCycle(db, sample);
    expect(await db.candidates.count()).toBe(40);
    expect(await db.evidence.count()).toBe(sample.evidence.length);
  });

  it('writes nothing when any part fails', async () => {
    // A function cannot be stored in IndexedDB: the last write fails and the transaction aborts.
    const broken = { ...sample, sessions: [{ ...sample.sessions[0]!, members: [() => 0] as never }] };
    await expect(loadSampleCycle(db, broken)).rejects.toThrow();
    expect(await db.frameworks.count()).toBe(0);
    expect(await db.candidates.count()).toBe(0);
    expect(await db.evidence.count()).toBe(0);
    expect(await metaRepo(db).activeCycleId()).toBeNull();
  });
});

describe('frameworksRepo.latest', () => {
  it('returns the newest version of each lineage', async () => {
    const base = sample();
    await db.frameworks.put(base);
    await db.frameworks.put({ ...base, id: `${base.id}-v2`, version: 2, frozen: false });
    const latest = await frameworksRepo(db).latest();
    expect(latest.map((f) => [f.lineageId, f.version])).toEqual([[base.lineageId, 2]]);
  });
});

function sample() {
  return generateSampleCycle(ic0M3Levels, { candidates: 2 }).framework;
}

describe('candidate indexes', () => {
  it('answers by cycle and target level and by cycle and manager', async () => {
    const data = generateSampleCycle(ic0M3Levels, { candidates: 40 });
    await loadSampleCycle(db, data);
    const target = data.candidates[0]!.targetLevelId!;
    const byLevel = await db.candidates.where('[cycleId+targetLevelId]').equals([data.cycle.id, target]).toArray();
    expect(byLevel.map((c) => c.id).sort()).toEqual(data.candidates.filter((c) => c.targetLevelId === target).map((c) => c.id).sort());
    const manager = data.candidates[0]!.manager;
    expect(await db.candidates.where('[cycleId+manager]').equals([data.cycle.id, manager]).count()).toBe(data.candidates.filter((c) => c.manager === manager).length);
    const criterion = data.evidence.find((e) => e.criterionIds.length > 0)!.criterionIds[0]!;
    expect(await db.evidence.where('criterionIds').equals(criterion).count()).toBe(data.evidence.filter((e) => e.criterionIds.includes(criterion)).length);
  });
});

describe('coverage aggregate', () => {
  it('is written with the sample cycle: one row per packet and target criterion, queryable by level and manager', async () => {
    const data = generateSampleCycle(ic0M3Levels, { candidates: 12 });
    await loadSampleCycle(db, data);
    const expected = data.packets.reduce((n, p) => n + data.framework.criteria.filter((c) => c.levelId === p.targetLevelId).length, 0);
    expect((await storedRows(db)).length).toBe(expected);
    // Stored as one row per candidate with a packet (database version 8), not one per criterion.
    expect(await db.coverage.count()).toBe(new Set(data.packets.map((p) => p.candidateId)).size);
    const candidate = data.candidates[0]!;
    const rows = await storedRows(db, { cycleId: data.cycle.id, targetLevelId: candidate.targetLevelId! });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.targetLevelId === candidate.targetLevelId)).toBe(true);
    const mine = rows.filter((r) => r.candidateId === candidate.id);
    for (const row of mine) {
      const linked = data.evidence.filter((e) => e.candidateId === candidate.id && e.criterionIds.includes(row.criterionId));
      expect(row.evidenceCount).toBe(linked.length);
      expect(row.sustained).toBe(new Set(linked.map((e) => e.date.slice(0, 4) + 'Q' + Math.ceil(Number(e.date.slice(5, 7)) / 3))).size >= 2);
    }
    expect((await storedRows(db, { cycleId: data.cycle.id, manager: candidate.manager })).length).toBeGreaterThan(0);
  });
});
