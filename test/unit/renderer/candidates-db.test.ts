/**
 * Candidates in storage against fake-indexeddb: creating one starts a draft
 * packet and coverage rows, validation speaks per field and writes nothing,
 * a target change moves the draft (never a submitted packet), and archiving
 * is reversible.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Framework } from '../../../shared/domain';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import {
  archiveCandidate,
  candidatePageData,
  candidateProblems,
  CandidateInvalidError,
  restoreCandidate,
  saveCandidate,
  type CandidateInput,
} from '../../../renderer/db/candidates';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { storedRows } from '../../fixtures/db/coverage-rows';

const T0 = '2026-10-02T10:00:00.000Z';
const T1 = '2026-10-03T10:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 3 });
const framework = sample.framework;
const cycleId = sample.cycle.id;
const IC0 = 'ic0m3-ic0';
const IC1 = 'ic0m3-ic1';
const IC2 = 'ic0m3-ic2';
const IC3 = 'ic0m3-ic3';
const M1 = 'ic0m3-m1';

let db: LevelsetDatabase;
let counter = 0;

beforeEach(async () => {
  db = new LevelsetDatabase(`candidates-test-${++counter}`);
  await db.open();
  await loadSampleCycle(db, sample);
});
afterEach(async () => {
  await db.delete();
});

function input(overrides: Partial<CandidateInput> = {}): CandidateInput {
  return {
    name: 'Ada Quist',
    role: 'Backend engineer',
    team: 'Payments',
    manager: 'Alex Morgan',
    currentLevelId: IC1,
    targetLevelId: IC2,
    timeInLevelMonths: 14,
    groups: {},
    ...overrides,
  };
}

describe('candidateProblems', () => {
  it('accepts a complete candidate, including a switch to the manager track', () => {
    expect(candidateProblems(input(), framework)).toEqual({});
    expect(candidateProblems(input({ currentLevelId: IC3, targetLevelId: M1 }), framework)).toEqual({});
  });

  it('names each missing or wrong field', () => {
    const problems = candidateProblems(input({ name: '  ', manager: '', currentLevelId: '', targetLevelId: '' }), framework);
    expect(problems.name).toBe('Give the candidate a name.');
    expect(problems.manager).toBe('Name the candidate’s manager.');
    expect(problems.currentLevelId).toBe('Choose the candidate’s current level.');
    expect(problems.targetLevelId).toBe('Choose the level the candidate is going for.');
  });

  it('refuses levels the framework does not have, the same level twice, and impossible months', () => {
    expect(candidateProblems(input({ currentLevelId: 'nope' }), framework).currentLevelId).toMatch(/not in this cycle’s framework/);
    expect(candidateProblems(input({ targetLevelId: 'nope' }), framework).targetLevelId).toMatch(/not in this cycle’s framework/);
    expect(candidateProblems(input({ targetLevelId: IC1 }), framework).targetLevelId).toBe('The target level must differ from the current level.');
    expect(candidateProblems(input({ timeInLevelMonths: -1 }), framework).timeInLevelMonths).toBeDefined();
    expect(candidateProblems(input({ timeInLevelMonths: 2.5 }), framework).timeInLevelMonths).toBeDefined();
    expect(candidateProblems(input(), null).currentLevelId).toMatch(/framework is missing/);
  });

  it('refuses a target that is not a promotion from the current level (the shared rule), saying what to choose', () => {
    expect(candidateProblems(input({ currentLevelId: IC3, targetLevelId: IC1 }), framework).targetLevelId).toBe(
      'The target level (IC1) is not a promotion from IC3: choose a level above IC3 on its track, or one at or above its equivalent on another track.',
    );
    // M1 is drawn beside IC3, below IC4's equivalent M2.
    expect(candidateProblems(input({ currentLevelId: 'ic0m3-ic4', targetLevelId: M1 }), framework).targetLevelId).toMatch(/^The target level \(M1\) is not a promotion from IC4/);
    expect(candidateProblems(input({ currentLevelId: 'ic0m3-ic4', targetLevelId: 'ic0m3-m2' }), framework)).toEqual({});
  });
});

describe('saveCandidate', () => {
  it('creates the candidate with an empty draft packet for the target level and its coverage rows', async () => {
    // As the form sends it: `id` present but undefined when creating.
    const created = await saveCandidate(db, { ...input({ groups: { Gender: ' Woman ', Location: '' } }), id: undefined, cycleId }, T0);
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created).toMatchObject({ name: 'Ada Quist', cycleId, currentLevelId: IC1, targetLevelId: IC2, archived: false, createdAt: T0 });
    // Blank values are dropped, the rest trimmed.
    expect(created.groups).toEqual({ Gender: 'Woman' });
    expect(await db.candidates.get(created.id)).toEqual(created);

    const packets = await db.packets.where('candidateId').equals(created.id).toArray();
    expect(packets).toHaveLength(1);
    expect(packets[0]).toMatchObject({ revision: 1, status: 'draft', targetLevelId: IC2, assessments: {}, parentId: null, cycleId });

    const rows = await storedRows(db, { candidateId: created.id });
    const ic2Criteria = framework.criteria.filter((c) => c.levelId === IC2).map((c) => c.id);
    expect(rows.map((r) => r.criterionId).sort()).toEqual([...ic2Criteria].sort());
    expect(rows.every((r) => r.evidenceCount === 0 && r.manager === 'Alex Morgan')).toBe(true);
  });

  it('stores names without direction controls, and refuses a name made only of them as a missing name', async () => {
    const created = await saveCandidate(db, { ...input({ name: 'Lars Karimi \u202E', manager: '\u2067Casey', groups: { Gender: 'Wo\u202Eman' } }), cycleId }, T0);
    expect(await db.candidates.get(created.id)).toMatchObject({ name: 'Lars Karimi', manager: 'Casey', groups: { Gender: 'Woman' } });
    const error = await saveCandidate(db, { ...input({ name: ' \u202E ' }), cycleId }, T0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CandidateInvalidError);
    expect((error as CandidateInvalidError).problems.name).toMatch(/name/i);
  });

  it('refuses a target below the current level, writing nothing', async () => {
    const before = await db.candidates.count();
    const error = await saveCandidate(db, { ...input({ currentLevelId: IC3, targetLevelId: IC1 }), cycleId }, T0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CandidateInvalidError);
    expect(Object.keys((error as CandidateInvalidError).problems)).toEqual(['targetLevelId']);
    expect(await db.candidates.count()).toBe(before);
  });

  it('writes nothing and reports field messages when invalid', async () => {
    const before = { candidates: await db.candidates.count(), packets: await db.packets.count() };
    const error = await saveCandidate(db, { ...input({ manager: ' ', targetLevelId: IC1 }), cycleId }, T0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CandidateInvalidError);
    expect((error as CandidateInvalidError).problems).toEqual({
      manager: 'Name the candidate’s manager.',
      targetLevelId: 'The target level must differ from the current level.',
    });
    expect(await db.candidates.count()).toBe(before.candidates);
    expect(await db.packets.count()).toBe(before.packets);
  });

  it('moves the draft packet and the coverage rows to a new target level, keeping createdAt', async () => {
    const created = await saveCandidate(db, { ...input(), cycleId }, T0);
    const updated = await saveCandidate(db, { ...input({ currentLevelId: IC3, targetLevelId: M1, team: 'Platform' }), id: created.id, cycleId }, T1);
    expect(updated).toMatchObject({ id: created.id, createdAt: T0, updatedAt: T1, targetLevelId: M1, team: 'Platform' });
    expect(await db.candidates.count()).toBe(sample.candidates.length + 1);
    const packets = await db.packets.where('candidateId').equals(created.id).toArray();
    expect(packets).toHaveLength(1);
    expect(packets[0]?.targetLevelId).toBe(M1);
    const rows = await storedRows(db, { candidateId: created.id });
    expect(new Set(rows.map((r) => r.targetLevelId))).toEqual(new Set([M1]));
  });

  it('refuses a new target level while the packet is submitted for the old one, so a session never reviews a packet against another level', async () => {
    const created = await saveCandidate(db, { ...input(), cycleId }, T0);
    const [packet] = await db.packets.where('candidateId').equals(created.id).toArray();
    await db.packets.update(packet!.id, { status: 'submitted', submittedAt: T0 });
    const error = await saveCandidate(db, { ...input({ targetLevelId: IC3 }), id: created.id, cycleId }, T1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CandidateInvalidError);
    expect((error as CandidateInvalidError).problems.targetLevelId).toMatch(/^Revision 1 of the packet was submitted for IC2, .*Reopen the packet first/);
    expect((await db.packets.get(packet!.id))?.targetLevelId).toBe(IC2);
    expect((await db.candidates.get(created.id))?.targetLevelId).toBe(IC2);
    // Other fields still save while the packet is submitted.
    const renamed = await saveCandidate(db, { ...input({ team: 'Payments' }), id: created.id, cycleId }, T1);
    expect(renamed).toMatchObject({ team: 'Payments', targetLevelId: IC2 });
  });

  // A trial set a submitted candidate's current level from IC2 to IC1: the read-only revision then read "IC1 → IC3", a skip it was never submitted as.
  it('refuses a new current level while the packet is submitted, and takes it once the packet is reopened', async () => {
    const created = await saveCandidate(db, { ...input(), cycleId }, T0);
    const [packet] = await db.packets.where('candidateId').equals(created.id).toArray();
    await db.packets.update(packet!.id, { status: 'submitted', submittedAt: T0 });
    const from = created.currentLevelId;
    const other = input({ currentLevelId: IC0 });
    expect(other.currentLevelId).not.toBe(from);
    const error = await saveCandidate(db, { ...other, id: created.id, cycleId }, T1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CandidateInvalidError);
    expect((error as CandidateInvalidError).problems.currentLevelId).toBe(
      'Revision 1 of the packet was submitted as a promotion from IC1, and that is the case a session reviews. Reopen the packet first (Packets → the candidate → Reopen) to change the current level.',
    );
    expect((await db.candidates.get(created.id))?.currentLevelId).toBe(from);
    // A draft (the packet reopened) follows the candidate.
    await db.packets.update(packet!.id, { status: 'draft', submittedAt: null });
    expect((await saveCandidate(db, { ...other, id: created.id, cycleId }, T1)).currentLevelId).toBe(IC0);
  });

  it('refuses an unknown cycle and an id that does not exist', async () => {
    await expect(saveCandidate(db, { ...input(), cycleId: 'no-such-cycle' }, T0)).rejects.toThrow('The cycle no longer exists.');
    await expect(saveCandidate(db, { ...input(), id: 'gone', cycleId }, T0)).rejects.toThrow('The candidate no longer exists.');
  });
});

describe('archiveCandidate and restoreCandidate', () => {
  it('hide and show a candidate without deleting anything', async () => {
    const id = sample.candidates[0]!.id;
    const evidenceBefore = await db.evidence.where('candidateId').equals(id).count();
    const coverageBefore = (await storedRows(db, { candidateId: id })).length;

    const archived = await archiveCandidate(db, id, T1);
    expect(archived.archived).toBe(true);
    expect((await db.candidates.get(id))?.archived).toBe(true);
    expect(await db.evidence.where('candidateId').equals(id).count()).toBe(evidenceBefore);
    expect((await storedRows(db, { candidateId: id })).length).toBe(coverageBefore);

    const restored = await restoreCandidate(db, id, T1);
    expect(restored.archived).toBe(false);
    expect((await db.candidates.get(id))?.archived).toBe(false);
  });

  it('fails clearly for a candidate that does not exist', async () => {
    await expect(archiveCandidate(db, 'gone', T1)).rejects.toThrow('The candidate no longer exists.');
  });
});

describe('candidatePageData', () => {
  it('reads the candidate with their cycle, framework, current packet and evidence in date order', async () => {
    const c = sample.candidates[0]!;
    const data = await candidatePageData(db, c.id);
    expect(data?.candidate.id).toBe(c.id);
    expect(data?.cycle?.id).toBe(cycleId);
    expect((data?.framework as Framework).id).toBe(framework.id);
    expect(data?.packet?.candidateId).toBe(c.id);
    const dates = data!.evidence.map((e) => e.date);
    expect(dates.length).toBe(sample.evidence.filter((e) => e.candidateId === c.id).length);
    expect(dates).toEqual([...dates].sort());
    expect(await candidatePageData(db, 'gone')).toBeNull();
  });
});
