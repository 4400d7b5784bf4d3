/**
 * A cycle's dates could not be changed after it was created (Rename and
 * Delete only): a mistyped closing day meant deleting the cycle with its
 * candidates. "Change dates…" changes them through one audited command, with
 * the rules of a new cycle; the evidence window only while no packet of the
 * cycle has been submitted, since the committee reviews submitted packets
 * against it; and the coverage the views read follows a window change.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { unpackAll } from '../../../shared/packets/stored-coverage';
import { verifyAudit } from '../../../renderer/db/audit';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { changeCycleDates, CycleDatesError, cycleWindowFixed, WINDOW_FIXED } from '../../../renderer/db/cycles';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { formatDate } from '../../../renderer/components/dates';

const AT = '2026-12-04T10:00:00.000Z';
let db: LevelsetDatabase;
let n = 0;
beforeEach(async () => {
  db = new LevelsetDatabase(`cycle-dates-test-${++n}`);
  await db.open();
});
afterEach(async () => db.delete());

const sample = generateSampleCycle(ic0M3Levels, { candidates: 6 });
const { cycle } = sample;
const dates = { opensOn: cycle.opensOn, closesOn: cycle.closesOn, evidenceFrom: cycle.evidenceFrom, evidenceTo: cycle.evidenceTo };
/** The sample before anyone submitted: every packet a draft, and no sessions. */
const drafts = { ...sample, packets: sample.packets.map((p) => ({ ...p, status: 'draft' as const, submittedAt: null, snapshot: null })), sessions: [], decisions: [], votes: [] };

describe('changing a cycle’s dates', () => {
  it('moves the opening and closing days of a cycle with submitted packets, audited, but never its window', async () => {
    await loadSampleCycle(db, sample);
    expect(await cycleWindowFixed(db, cycle.id)).toBe(true);

    await changeCycleDates(db, cycle.id, { ...dates, opensOn: '2026-09-15', closesOn: '2026-12-20' }, AT);
    expect(await db.cycles.get(cycle.id)).toMatchObject({ opensOn: '2026-09-15', closesOn: '2026-12-20', evidenceFrom: cycle.evidenceFrom, evidenceTo: cycle.evidenceTo, updatedAt: AT });
    const entry = (await db.audit.where('entityId').equals(cycle.id).toArray()).find((e) => e.action === 'change cycle dates');
    expect(entry?.before).toMatchObject({ opensOn: cycle.opensOn, closesOn: cycle.closesOn });
    expect(entry?.after).toMatchObject({ opensOn: '2026-09-15', closesOn: '2026-12-20' });

    const refused = changeCycleDates(db, cycle.id, { ...dates, evidenceFrom: '2026-01-01' }, AT);
    await expect(refused).rejects.toThrow(WINDOW_FIXED);
    await expect(refused).rejects.toBeInstanceOf(CycleDatesError);
    // Closing before the fixed window ends is put on the closing day, which is the field that can change.
    const early = await changeCycleDates(db, cycle.id, { ...dates, closesOn: '2026-11-30' }, AT).catch((e: CycleDatesError) => e);
    expect((early as CycleDatesError).problems).toEqual({ closesOn: `The cycle cannot close before its evidence window ends (${formatDate(cycle.evidenceTo)}); the window is fixed once a packet has been submitted.` });
    expect(await db.cycles.get(cycle.id)).toMatchObject({ closesOn: '2026-12-20', evidenceFrom: cycle.evidenceFrom });
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('changes nothing when given the dates it has: no write, no audit entry', async () => {
    await loadSampleCycle(db, drafts);
    const stored = await db.cycles.get(cycle.id);
    const entries = await db.audit.count();
    expect(await changeCycleDates(db, cycle.id, dates, AT)).toBe('unchanged');
    expect(await db.cycles.get(cycle.id)).toEqual(stored);
    expect(await db.audit.count()).toBe(entries);
    expect(await changeCycleDates(db, cycle.id, { ...dates, closesOn: '2026-12-20' }, AT)).toBe('changed');
    expect(await db.audit.count()).toBe(entries + 1);
  });

  it('refuses what a new cycle refuses, by field, and writes nothing', async () => {
    await loadSampleCycle(db, drafts);
    const refused = (await changeCycleDates(db, cycle.id, { ...dates, opensOn: '2026-12-31', closesOn: '2026-12-01', evidenceTo: '2027-01-31' }, AT).catch((e) => e)) as CycleDatesError;
    expect(refused.problems).toEqual({ closesOn: 'The cycle cannot close before it opens.', evidenceTo: `The window must end by the day the cycle closes (${formatDate('2026-12-01')}): evidence after that comes too late for this cycle's committee.` });
    expect(await db.cycles.get(cycle.id)).toMatchObject(dates);
  });

  it('moves the window of a cycle whose packets are all drafts, and the stored coverage follows it', async () => {
    await loadSampleCycle(db, drafts);
    expect(await cycleWindowFixed(db, cycle.id)).toBe(false);
    const inWindow = async () => unpackAll(await db.coverage.where('cycleId').equals(cycle.id).toArray()).reduce((sum, row) => sum + row.evidenceInWindow, 0);
    const before = await inWindow();
    expect(before).toBeGreaterThan(0);
    // A window of one day before any evidence of the sample: nothing counts any more.
    await changeCycleDates(db, cycle.id, { ...dates, evidenceFrom: '2020-01-01', evidenceTo: '2020-01-01' }, AT);
    expect(await inWindow()).toBe(0);
    await changeCycleDates(db, cycle.id, dates, AT);
    expect(await inWindow()).toBe(before);
  });
});
