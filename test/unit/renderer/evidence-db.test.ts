/**
 * Evidence in storage against fake-indexeddb: add, edit, delete and undo
 * keep the coverage rows in step; unsafe links and invalid items are refused
 * with nothing written; a brag-document batch is all or nothing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { saveCandidate } from '../../../renderer/db/candidates';
import { LevelsetDatabase } from '../../../renderer/db/database';
import {
  addEvidence,
  addEvidenceBatch,
  deleteEvidence,
  EvidenceInvalidError,
  evidenceProblems,
  restoreEvidence,
  undoEvidenceBatch,
  updateEvidence,
  type EvidenceInput,
} from '../../../renderer/db/evidence';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { storedRows } from '../../fixtures/db/coverage-rows';

const T0 = '2026-10-02T10:00:00.000Z';
const T1 = '2026-10-03T10:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 3 });
const IC2_C1 = 'ic0m3-ic2-c01';
const IC2_C2 = 'ic0m3-ic2-c02';
const IC1_C1 = 'ic0m3-ic1-c01';

let db: LevelsetDatabase;
let counter = 0;
let candidateId: string;

beforeEach(async () => {
  db = new LevelsetDatabase(`evidence-test-${++counter}`);
  await db.open();
  await loadSampleCycle(db, sample);
  const candidate = await saveCandidate(
    db,
    {
      cycleId: sample.cycle.id,
      name: 'Ada Quist',
      role: '',
      team: 'Payments',
      manager: 'Alex Morgan',
      currentLevelId: 'ic0m3-ic1',
      targetLevelId: 'ic0m3-ic2',
      timeInLevelMonths: 12,
      groups: {},
    },
    T0,
  );
  candidateId = candidate.id;
});
afterEach(async () => {
  await db.delete();
});

function item(overrides: Partial<EvidenceInput> = {}): EvidenceInput {
  return {
    title: 'Designed the receipts queue',
    description: 'Chose the queue and wrote down why.',
    date: '2026-03-12',
    kind: 'design',
    source: 'manager',
    links: ['https://docs.example.com/receipts'],
    criterionIds: [IC2_C1],
    ...overrides,
  };
}

async function coverage(criterionId: string) {
  const rows = await storedRows(db, { candidateId: candidateId });
  const row = rows.find((r) => r.criterionId === criterionId);
  if (!row) throw new Error(`no coverage row for ${criterionId}`);
  return row;
}

describe('evidenceProblems', () => {
  it('accepts a complete item and names what is wrong otherwise', () => {
    expect(evidenceProblems(item())).toEqual({});
    const problems = evidenceProblems(item({ title: ' ', date: '2026-02-30', links: ['javascript:alert(1)'] }));
    expect(problems.title).toMatch(/Give the evidence a title/);
    expect(problems.date).toMatch(/not a real calendar date/);
    expect(problems.links).toMatch(/“javascript:alert\(1\)” is not a web link/);
    expect(evidenceProblems(item({ date: '' })).date).toMatch(/sets the quarter/);
  });

  it.each(['file:///etc/passwd', 'https://user:pw@example.com', 'example.com/doc', 'https://exa mple.com'])('refuses the link %s', (link) => {
    expect(evidenceProblems(item({ links: [link] })).links).toBeDefined();
  });

  it('refuses criteria the framework does not know when given the known set', () => {
    expect(evidenceProblems(item({ criterionIds: ['nope'] }), new Set([IC2_C1])).criterionIds).toBeDefined();
    expect(evidenceProblems(item(), new Set([IC2_C1]))).toEqual({});
  });
});

describe('addEvidence, updateEvidence, deleteEvidence', () => {
  it('adds an item and counts it in the coverage of its criterion', async () => {
    expect((await coverage(IC2_C1)).evidenceCount).toBe(0);
    const added = await addEvidence(db, candidateId, item({ title: '  Designed the receipts queue  ', links: [' https://docs.example.com/receipts ', ''] }), T0);
    expect(added).toMatchObject({ candidateId, cycleId: sample.cycle.id, title: 'Designed the receipts queue', links: ['https://docs.example.com/receipts'] });
    expect(await db.evidence.get(added.id)).toEqual(added);
    const row = await coverage(IC2_C1);
    expect(row.evidenceCount).toBe(1);
    expect(row.quarters).toEqual(['2026-Q1']);
    expect(row.sustained).toBe(false);
  });

  it('counts a criterion as sustained once evidence spans two quarters', async () => {
    await addEvidence(db, candidateId, item(), T0);
    await addEvidence(db, candidateId, item({ title: 'Second design', date: '2026-05-20' }), T0);
    const row = await coverage(IC2_C1);
    expect(row.evidenceCount).toBe(2);
    expect(row.quarters).toEqual(['2026-Q1', '2026-Q2']);
    expect(row.sustained).toBe(true);
  });

  it('moves the count when an edit changes the linked criteria', async () => {
    const added = await addEvidence(db, candidateId, item(), T0);
    const updated = await updateEvidence(db, added.id, item({ title: 'Renamed', criterionIds: [IC2_C2, IC1_C1] }), T1);
    expect(updated).toMatchObject({ id: added.id, title: 'Renamed', createdAt: T0, updatedAt: T1 });
    expect((await coverage(IC2_C1)).evidenceCount).toBe(0);
    expect((await coverage(IC2_C2)).evidenceCount).toBe(1);
  });

  it('changes only the editable fields, whatever else the input carries', async () => {
    const added = await addEvidence(db, candidateId, item(), T0);
    const sneaky = { ...item({ title: 'Edited' }), id: 'other-id', candidateId: 'someone-else', createdAt: T1 } as EvidenceInput;
    const updated = await updateEvidence(db, added.id, sneaky, T1);
    expect(updated).toMatchObject({ id: added.id, candidateId, createdAt: T0, title: 'Edited' });
    expect(await db.evidence.get('other-id')).toBeUndefined();
  });

  it('deletes an item, returns it for undo, and undo puts it back as it was', async () => {
    const added = await addEvidence(db, candidateId, item(), T0);
    const deleted = await deleteEvidence(db, added.id);
    expect(deleted).toEqual(added);
    expect(await db.evidence.get(added.id)).toBeUndefined();
    expect((await coverage(IC2_C1)).evidenceCount).toBe(0);

    await restoreEvidence(db, deleted);
    expect(await db.evidence.get(added.id)).toEqual(added);
    expect((await coverage(IC2_C1)).evidenceCount).toBe(1);
  });

  it('refuses an unsafe link with a clear message and writes nothing', async () => {
    const error = await addEvidence(db, candidateId, item({ links: ['https://ok.example.com', 'javascript:alert(document.cookie)'] }), T0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvidenceInvalidError);
    expect((error as EvidenceInvalidError).problems.links).toMatch(/is not a web link Levelset can open/);
    expect(await db.evidence.where('candidateId').equals(candidateId).count()).toBe(0);
    expect((await coverage(IC2_C1)).evidenceCount).toBe(0);
  });

  it('names every link it cannot open at once, not only the first', () => {
    expect(evidenceProblems(item({ links: ['javascript:alert(1)', 'https://ok.example.com', 'ftp://x.org'] })).links).toBe(
      '“javascript:alert(1)” and “ftp://x.org” are not web links Levelset can open. Use a full http:// or https:// address (for example https://example.com/doc), without a user name or password in it.',
    );
    expect(evidenceProblems(item({ links: [`https://example.com/${'a'.repeat(2001)}`, 'ftp://x.org'] })).links).toBe(
      'A link is longer than 2,000 characters. “ftp://x.org” is not a web link Levelset can open. Use a full http:// or https:// address (for example https://example.com/doc), without a user name or password in it.',
    );
    expect(evidenceProblems(item({ links: ['https://ok.example.com'] })).links).toBeUndefined();
  });

  it('refuses an edit with an unsafe link and leaves the stored item unchanged', async () => {
    const added = await addEvidence(db, candidateId, item(), T0);
    await expect(updateEvidence(db, added.id, item({ title: 'Changed', links: ['file:///etc/passwd'] }), T1)).rejects.toBeInstanceOf(EvidenceInvalidError);
    expect(await db.evidence.get(added.id)).toEqual(added);
  });

  it('refuses evidence for a candidate that does not exist', async () => {
    await expect(addEvidence(db, 'gone', item(), T0)).rejects.toThrow('The candidate no longer exists.');
  });
});

describe('addEvidenceBatch', () => {
  it('adds every item in one go and updates coverage', async () => {
    const rows = await addEvidenceBatch(
      db,
      candidateId,
      [item({ title: 'One', date: '2026-01-10' }), item({ title: 'Two', date: '2026-04-10' }), item({ title: 'Three', date: '2026-07-10', criterionIds: [] })],
      T0,
    );
    expect(rows.map((r) => r.title)).toEqual(['One', 'Two', 'Three']);
    expect(new Set(rows.map((r) => r.id)).size).toBe(3);
    expect(await db.evidence.where('candidateId').equals(candidateId).count()).toBe(3);
    expect((await coverage(IC2_C1)).evidenceCount).toBe(2);
  });

  it('is all or nothing: one invalid item stops the whole batch and is named by position', async () => {
    const error = await addEvidenceBatch(db, candidateId, [item({ title: 'One' }), item({ title: '' }), item({ title: 'Three', links: ['ftp://x.example'] })], T0).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EvidenceInvalidError);
    const byItem = (error as EvidenceInvalidError).itemProblems;
    expect([...byItem.keys()]).toEqual([1, 2]);
    expect(byItem.get(1)?.title).toBeDefined();
    expect(byItem.get(2)?.links).toBeDefined();
    expect(await db.evidence.where('candidateId').equals(candidateId).count()).toBe(0);
    expect((await coverage(IC2_C1)).evidenceCount).toBe(0);
  });

  it('is undone as one: the items as added are removed, an item edited since is kept, one already deleted is skipped, and coverage follows', async () => {
    const rows = await addEvidenceBatch(db, candidateId, [item({ title: 'One', date: '2026-01-10' }), item({ title: 'Two', date: '2026-04-10' }), item({ title: 'Three' })], T0);
    await updateEvidence(db, rows[1]!.id, item({ title: 'Two, with the numbers', date: '2026-04-10' }), T1);
    await deleteEvidence(db, rows[2]!.id, T1);
    const audited = await db.audit.count();
    const { removed, kept } = await undoEvidenceBatch(db, rows, T1);
    expect(removed.map((r) => r.title)).toEqual(['One']);
    expect(kept.map((r) => r.title)).toEqual(['Two, with the numbers']);
    expect((await db.evidence.where('candidateId').equals(candidateId).toArray()).map((r) => r.title)).toEqual(['Two, with the numbers']);
    expect((await coverage(IC2_C1)).evidenceCount).toBe(1);
    const entry = (await db.audit.orderBy('[deviceId+seq]').last())!;
    expect(await db.audit.count()).toBe(audited + 1);
    expect(entry).toMatchObject({ action: 'undo add evidence', entityId: candidateId });
    // Undoing again finds nothing as added: nothing changes and nothing is audited.
    expect(await undoEvidenceBatch(db, rows, T1)).toMatchObject({ removed: [] });
    expect(await db.audit.count()).toBe(audited + 1);
  });

  it('rolls back the items already written when a later write in the transaction fails', async () => {
    // The coverage rebuild runs after the evidence is written; make it fail as a full disk would.
    const spy = vi.spyOn(db.coverage, 'put').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(addEvidenceBatch(db, candidateId, [item({ title: 'One' }), item({ title: 'Two' })], T0)).rejects.toThrow('QuotaExceededError');
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
    expect(await db.evidence.where('candidateId').equals(candidateId).count()).toBe(0);
    // The coverage rows deleted before the failed rebuild are back too.
    expect((await storedRows(db, { candidateId: candidateId })).length).toBe(5);
  });
});
