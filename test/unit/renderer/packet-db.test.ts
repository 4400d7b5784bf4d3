/**
 * Packets in storage against fake-indexeddb: assessments and text update the
 * packet and its coverage rows in one transaction; submission is refused
 * (writing nothing) while blockers or unacknowledged warnings remain;
 * submitted and superseded revisions refuse writes; reopening keeps the old
 * revision and starts a new draft.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Packet } from '../../../shared/domain/packet';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { canSubmit, packetChecks } from '../../../shared/packets/checks';
import { criterionCoverage, readiness } from '../../../shared/packets/coverage';
import { generateSampleCycle, type SampleCycle } from '../../../shared/sample/sample-cycle';
import { formatDate } from '../../../renderer/components/dates';
import { LevelsetDatabase } from '../../../renderer/db/database';
import {
  acknowledgeCheck,
  currentPacket,
  packetHistory,
  packetWorkspace,
  PacketSubmitError,
  PacketWriteError,
  reopen,
  setAssessment,
  setAssessmentNote,
  startPacket,
  submit,
  syncTargetLevel,
  unacknowledgeCheck,
  updatePacketText,
} from '../../../renderer/db/packets';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { storedRows, storedRow } from '../../fixtures/db/coverage-rows';

let db: LevelsetDatabase;
let counter = 0;
let sample: SampleCycle;

beforeEach(async () => {
  db = new LevelsetDatabase(`packet-db-test-${++counter}`);
  await db.open();
  sample = generateSampleCycle(ic0M3Levels, { candidates: 3 });
  await loadSampleCycle(db, sample);
});
afterEach(async () => {
  await db.delete();
});

const T1 = '2026-10-05T10:00:00.000Z';
const T2 = '2026-10-06T10:00:00.000Z';
const T3 = '2026-10-07T10:00:00.000Z';

/** A draft whose packet has at least one warning: sample-2026-cand-0001 in the seeded sample. */
function draftWithWarnings() {
  const packet = sample.packets.find((p) => {
    if (p.status !== 'draft') return false;
    return checksOf(p).some((c) => c.severity === 'warning');
  });
  if (!packet) throw new Error('the sample has no draft with warnings');
  return packet;
}

function checksOf(packet: Packet, evidence = sample.evidence) {
  const candidate = sample.candidates.find((c) => c.id === packet.candidateId)!;
  return packetChecks({ framework: sample.framework, cycle: sample.cycle, candidate, packet, evidence, showDate: formatDate });
}

async function storedReadiness(packetId: string) {
  const packet = (await db.packets.get(packetId))!;
  const evidence = await db.evidence.where('candidateId').equals(packet.candidateId).toArray();
  return readiness(criterionCoverage(sample.framework, packet, evidence, { from: sample.cycle.evidenceFrom, to: sample.cycle.evidenceTo }));
}

describe('reads', () => {
  it('currentPacket is the latest revision that is not superseded; packetHistory lists all, newest first', async () => {
    const packet = sample.packets[0]!;
    expect((await currentPacket(db, packet.candidateId))?.id).toBe(packet.id);
    expect(await currentPacket(db, 'nobody')).toBeUndefined();
    const workspace = await packetWorkspace(db, packet.candidateId);
    expect(workspace?.candidate.id).toBe(packet.candidateId);
    expect(workspace?.framework?.id).toBe(sample.framework.id);
    expect(workspace?.current?.id).toBe(packet.id);
    expect(await packetWorkspace(db, 'nobody')).toBeNull();
  });
});

describe('setAssessment', () => {
  it('changes the packet, the coverage rows and the computed readiness', async () => {
    const packet = draftWithWarnings();
    const evidence = sample.evidence.filter((e) => e.candidateId === packet.candidateId);
    const coverage = criterionCoverage(sample.framework, packet, evidence, { from: sample.cycle.evidenceFrom, to: sample.cycle.evidenceTo });
    // A sustained criterion not yet assessed "consistently": rating it so must add one to readiness.
    const target = coverage.find((c) => c.sustained);
    expect(target).toBeDefined();
    const criterionId = target!.criterion.id;
    await setAssessment(db, packet.id, criterionId, 'partially', undefined, T1);
    const before = await storedReadiness(packet.id);

    const stored = await setAssessment(db, packet.id, criterionId, 'consistently', 'Two designs, three quarters.', T2);
    expect(stored.assessments[criterionId]).toEqual({ rating: 'consistently', note: 'Two designs, three quarters.' });
    expect(stored.updatedAt).toBe(T2);
    const row = await storedRow(db, `${packet.id}:${criterionId}`);
    expect(row?.rating).toBe('consistently');
    const after = await storedReadiness(packet.id);
    expect(after.ready).toBe(before.ready + 1);
    expect(after.readyCriterionIds).toContain(criterionId);

    // Without a note the note is kept; null clears the assessment and the coverage row says so.
    expect((await setAssessment(db, packet.id, criterionId, 'partially')).assessments[criterionId]?.note).toBe('Two designs, three quarters.');
    const cleared = await setAssessment(db, packet.id, criterionId, null);
    expect(cleared.assessments[criterionId]).toBeUndefined();
    expect((await storedRow(db, `${packet.id}:${criterionId}`))?.rating).toBeNull();
    expect((await storedRow(db, `${packet.id}:${criterionId}`))?.gapReasons).toContain('unassessed');
  });

  it('refuses a criterion of another level and a rating that is not one', async () => {
    const packet = draftWithWarnings();
    const other = sample.framework.criteria.find((c) => c.levelId !== packet.targetLevelId)!;
    await expect(setAssessment(db, packet.id, other.id, 'consistently')).rejects.toThrow(/is not a criterion of the target level/);
    const own = sample.framework.criteria.find((c) => c.levelId === packet.targetLevelId)!;
    await expect(setAssessment(db, packet.id, own.id, 'brilliant' as never)).rejects.toThrow(PacketWriteError);
    expect(await db.packets.get(packet.id)).toEqual(packet);
  });

  it('keeps notes separately and refuses a note on an unassessed criterion', async () => {
    const packet = draftWithWarnings();
    const own = sample.framework.criteria.find((c) => c.levelId === packet.targetLevelId)!;
    await setAssessment(db, packet.id, own.id, null);
    await expect(setAssessmentNote(db, packet.id, own.id, 'why')).rejects.toThrow(/Choose an assessment/);
    await setAssessment(db, packet.id, own.id, 'partially');
    const noted = await setAssessmentNote(db, packet.id, own.id, 'Seen twice, not yet unprompted.');
    expect(noted.assessments[own.id]).toEqual({ rating: 'partially', note: 'Seen twice, not yet unprompted.' });
  });
});

describe('updatePacketText', () => {
  it('saves summary and not-yet-doing, and writes nothing when unchanged', async () => {
    const packet = draftWithWarnings();
    const saved = await updatePacketText(db, packet.id, { summary: 'Led the billing redesign.', notYetDoing: 'Not yet setting direction across teams.' }, T1);
    expect(saved).toMatchObject({ summary: 'Led the billing redesign.', notYetDoing: 'Not yet setting direction across teams.', updatedAt: T1 });
    const again = await updatePacketText(db, packet.id, { summary: 'Led the billing redesign.' }, T2);
    expect(again.updatedAt).toBe(T1);
    expect((await db.packets.get(packet.id))?.updatedAt).toBe(T1);
  });

  it('refuses a text over the limit with the field named', async () => {
    const packet = draftWithWarnings();
    await expect(updatePacketText(db, packet.id, { notYetDoing: 'x'.repeat(20_001) })).rejects.toThrow(/not yet doing.*at most 20,000/);
  });
});

describe('submit', () => {
  it('is refused with the unacknowledged warnings listed, and writes nothing', async () => {
    const packet = draftWithWarnings();
    const warnings = checksOf(packet).filter((c) => c.severity === 'warning');
    const coverageBefore = await storedRows(db, { packetId: packet.id });
    const error = await submit(db, packet.id, T1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PacketSubmitError);
    expect((error as PacketSubmitError).unacknowledged.map((c) => c.id)).toEqual(warnings.map((c) => c.id));
    expect((error as Error).message).toMatch(/not submitted.*acknowledge/);
    for (const w of warnings) expect((error as Error).message).toContain(w.title);
    expect(await db.packets.get(packet.id)).toEqual(packet);
    expect(await storedRows(db, { packetId: packet.id })).toEqual(coverageBefore);
  });

  it('names dates in its refusal as every screen shows a date (formatDate), not as stored', async () => {
    const packet = draftWithWarnings();
    const cited = sample.evidence.find((e) => e.candidateId === packet.candidateId && e.criterionIds.length > 0)!;
    const late = '2027-03-14';
    await db.evidence.update(cited.id, { date: late });
    const error = await submit(db, packet.id, T1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PacketSubmitError);
    expect((error as Error).message).toContain(`“${cited.title}” is dated ${formatDate(late)}, after the window closes on ${formatDate(sample.cycle.evidenceTo)}.`);
    expect((error as Error).message).not.toContain(late);
    expect((error as Error).message).not.toContain(sample.cycle.evidenceTo);
  });

  it('is refused with blockers (no evidence), even with every warning acknowledged', async () => {
    const packet = sample.packets.find((p) => p.status === 'draft')!;
    await db.evidence.where('candidateId').equals(packet.candidateId).delete();
    const checks = checksOf(packet, []);
    expect(checks.map((c) => c.id)).toContain('no-evidence');
    await expect(acknowledgeCheck(db, packet.id, 'no-evidence')).rejects.toThrow(/blocker: it cannot be acknowledged/);
    const error = await submit(db, packet.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PacketSubmitError);
    expect((error as PacketSubmitError).blockers.map((c) => c.id)).toEqual(['no-evidence']);
    expect((error as Error).message).toContain('No evidence');
    expect((await db.packets.get(packet.id))?.status).toBe('draft');
  });

  it('is refused when the packet has no target level', async () => {
    const packet = draftWithWarnings();
    await db.packets.update(packet.id, { targetLevelId: null });
    const error = await submit(db, packet.id).catch((e: unknown) => e);
    expect((error as PacketSubmitError).blockers.map((c) => c.id)).toEqual(['no-target-level']);
  });

  it('is refused while the candidate’s target level differs from the packet’s, so no session reviews a case against the wrong level', async () => {
    const packet = draftWithWarnings();
    const candidate = sample.candidates.find((c) => c.id === packet.candidateId)!;
    const other = sample.framework.levels.find((l) => l.trackId === sample.framework.levels.find((x) => x.id === packet.targetLevelId)!.trackId && l.id !== packet.targetLevelId && l.order > sample.framework.levels.find((x) => x.id === candidate.currentLevelId)!.order)!;
    await db.candidates.update(candidate.id, { targetLevelId: other.id });
    for (const w of checksOf(packet).filter((c) => c.severity === 'warning')) await acknowledgeCheck(db, packet.id, w.id, T1);
    const error = await submit(db, packet.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PacketSubmitError);
    expect((error as PacketSubmitError).blockers.map((c) => c.id)).toContain('target-level-changed');
    expect((error as PacketSubmitError).message).toContain(`now ${other.code}`);
    expect((await db.packets.get(packet.id))!.status).toBe('draft');
    // "Use <level>" puts the packet on the candidate's level: the mismatch is gone (what is left is that level's own checks).
    await syncTargetLevel(db, packet.id, T1);
    const synced = (await db.packets.get(packet.id))!;
    expect(synced.targetLevelId).toBe(other.id);
    const after = packetChecks({ framework: sample.framework, cycle: sample.cycle, candidate: { ...candidate, targetLevelId: other.id }, packet: synced, evidence: sample.evidence, showDate: formatDate });
    expect(after.map((c) => c.id)).not.toContain('target-level-changed');
  });

  it('takes back the acknowledgement of a warning that quotes a rating when the rating changes, and keeps the others', async () => {
    // A trial acknowledged "IC3.1 is assessed “partially”, but its only item … is dated 2026 Q1", then rated it
    // Consistently: the same warning, now about a stronger claim, stayed acknowledged and was submitted unconfirmed.
    const packet = sample.packets.find((p) => p.status === 'draft' && checksOf(p).some((c) => c.id.startsWith('single-quarter:')) && checksOf(p).filter((c) => c.severity === 'warning').length > 1)!;
    const warnings = checksOf(packet).filter((c) => c.severity === 'warning');
    const quoting = warnings.find((c) => c.id.startsWith('single-quarter:'))!;
    const criterionId = quoting.id.slice('single-quarter:'.length);
    for (const w of warnings) await acknowledgeCheck(db, packet.id, w.id, T1);
    const before = packet.assessments[criterionId]!.rating;
    // The same rating again changes nothing.
    await setAssessment(db, packet.id, criterionId, before, undefined, T1);
    expect((await db.packets.get(packet.id))!.acknowledgedChecks).toContain(quoting.id);
    const stronger = before === 'consistently' ? 'partially' : 'consistently';
    await setAssessment(db, packet.id, criterionId, stronger, undefined, T2);
    const stored = (await db.packets.get(packet.id))!;
    expect([...stored.acknowledgedChecks].sort()).toEqual(warnings.filter((w) => w !== quoting).map((w) => w.id).sort());
    const verdict = canSubmit(checksOf(stored), stored.acknowledgedChecks);
    expect(verdict.ok).toBe(false);
    expect(verdict.unacknowledged.map((c) => c.id)).toEqual([quoting.id]);
    expect(verdict.unacknowledged[0]!.detail).toContain(`assessed “${stronger}”`);
  });

  it('succeeds once every warning is acknowledged; the packet is then read-only', async () => {
    const packet = draftWithWarnings();
    const warnings = checksOf(packet).filter((c) => c.severity === 'warning');
    for (const w of warnings) await acknowledgeCheck(db, packet.id, w.id, T1);
    // Acknowledging twice keeps one entry; taking it back and giving it again works.
    await acknowledgeCheck(db, packet.id, warnings[0]!.id, T1);
    await unacknowledgeCheck(db, packet.id, warnings[0]!.id, T1);
    await expect(submit(db, packet.id)).rejects.toThrow(PacketSubmitError);
    await acknowledgeCheck(db, packet.id, warnings[0]!.id, T1);
    const stored = (await db.packets.get(packet.id))!;
    expect([...stored.acknowledgedChecks].sort()).toEqual(warnings.map((w) => w.id).sort());
    expect(canSubmit(checksOf(stored), stored.acknowledgedChecks).ok).toBe(true);

    const submitted = await submit(db, packet.id, T2);
    expect(submitted).toMatchObject({ status: 'submitted', submittedAt: T2, revision: 1 });
    expect(await db.packets.get(packet.id)).toEqual(submitted);

    const own = sample.framework.criteria.find((c) => c.levelId === packet.targetLevelId)!;
    const refusals = [
      setAssessment(db, packet.id, own.id, 'not-yet'),
      setAssessmentNote(db, packet.id, own.id, 'late'),
      updatePacketText(db, packet.id, { summary: 'changed' }),
      acknowledgeCheck(db, packet.id, 'single-quarter'),
      unacknowledgeCheck(db, packet.id, warnings[0]!.id),
      syncTargetLevel(db, packet.id),
    ];
    for (const refusal of refusals) await expect(refusal).rejects.toThrow(/Revision 1 has been submitted and is read-only\. Reopen it/);
    await expect(submit(db, packet.id)).rejects.toThrow(/already been submitted/);
    expect(await db.packets.get(packet.id)).toEqual(submitted);
  });
});

describe('reopen', () => {
  it('keeps revision 1 as superseded and starts revision 2 as a draft naming it as parent', async () => {
    const submitted = sample.packets.find((p) => p.status === 'submitted')!;
    const coverageBefore = await storedRows(db, { candidateId: submitted.candidateId });
    expect(coverageBefore.every((r) => r.packetId === submitted.id)).toBe(true);

    const next = await reopen(db, submitted.id, T3);
    expect(next).toMatchObject({ revision: 2, parentId: submitted.id, status: 'draft', submittedAt: null, createdAt: T3 });
    expect(next.id).not.toBe(submitted.id);
    expect(next.assessments).toEqual(submitted.assessments);
    const old = (await db.packets.get(submitted.id))!;
    expect(old).toEqual({ ...submitted, status: 'superseded', updatedAt: T3 });

    expect((await currentPacket(db, submitted.candidateId))?.id).toBe(next.id);
    expect((await packetHistory(db, submitted.candidateId)).map((p) => [p.revision, p.status])).toEqual([
      [2, 'draft'],
      [1, 'superseded'],
    ]);
    // Coverage now follows the new revision.
    const coverageAfter = await storedRows(db, { candidateId: submitted.candidateId });
    expect(coverageAfter.length).toBe(coverageBefore.length);
    expect(coverageAfter.every((r) => r.packetId === next.id)).toBe(true);

    // The new draft is editable; the superseded revision is not, and cannot be reopened again.
    const own = sample.framework.criteria.find((c) => c.levelId === next.targetLevelId)!;
    await setAssessment(db, next.id, own.id, 'not-yet');
    await expect(setAssessment(db, submitted.id, own.id, 'not-yet')).rejects.toThrow(/superseded by a later revision/);
    await expect(reopen(db, submitted.id)).rejects.toThrow(/already been superseded/);
    await expect(reopen(db, next.id)).rejects.toThrow(/is a draft/);
    await expect(submit(db, submitted.id)).rejects.toThrow(/superseded/);
  });
});

describe('startPacket and syncTargetLevel', () => {
  it('starts revision 1 for a candidate without a packet, and returns the existing one otherwise', async () => {
    const candidate = sample.candidates[0]!;
    await db.packets.where('candidateId').equals(candidate.id).delete();
    const started = await startPacket(db, candidate.id, T1);
    expect(started).toMatchObject({ revision: 1, status: 'draft', targetLevelId: candidate.targetLevelId, cycleId: candidate.cycleId });
    expect((await storedRows(db, { packetId: started.id })).length).toBeGreaterThan(0);
    expect((await startPacket(db, candidate.id)).id).toBe(started.id);
    await expect(startPacket(db, 'nobody')).rejects.toThrow(/No candidate/);
  });

  it('points a draft at the candidate’s current target level', async () => {
    const packet = draftWithWarnings();
    const other = sample.framework.levels.find((l) => l.id !== packet.targetLevelId)!;
    await db.candidates.update(packet.candidateId, { targetLevelId: other.id });
    expect((await syncTargetLevel(db, packet.id)).targetLevelId).toBe(other.id);
    const rows = await storedRows(db, { packetId: packet.id });
    expect(rows.every((r) => r.targetLevelId === other.id)).toBe(true);
  });
});

describe('packet audit trail', () => {
  it('appends an entry for each edit, submit and reopen, and the chain verifies', async () => {
    const { LevelsetDatabase: Db } = await import('../../../renderer/db/database');
    const { loadSampleCycle: load } = await import('../../../renderer/db/repositories');
    const { generateSampleCycle: gen } = await import('../../../shared/sample/sample-cycle');
    const { ic0M3Levels: fw } = await import('../../../shared/frameworks/builtin');
    const { setAssessment: assess, updatePacketText: text, reopen: reopenIt } = await import('../../../renderer/db/packets');
    const { auditFor, verifyAudit } = await import('../../../renderer/db/audit');
    const local = new Db('packet-audit-test');
    await local.open();
    try {
      const data = gen(fw, { candidates: 3 });
      await load(local, data);
      const packet = data.packets.find((p) => p.status === 'draft') ?? data.packets[0]!;
      let id = packet.id;
      if (packet.status === 'submitted') id = (await reopenIt(local, packet.id, '2026-11-20T10:00:00.000Z')).id;
      const criterion = data.framework.criteria.find((c) => c.levelId === packet.targetLevelId)!;
      await assess(local, id, criterion.id, 'consistently', undefined, '2026-11-20T10:01:00.000Z');
      await text(local, id, { summary: 'Led two cross-team designs.' }, '2026-11-20T10:02:00.000Z');
      const trail = await auditFor(local, [id]);
      expect(trail.map((e) => e.action)).toEqual(['edit packet', 'edit packet']);
      expect(trail[0]?.after).toEqual({ assessments: { [criterion.id]: { rating: 'consistently', note: packet.assessments[criterion.id]?.note ?? '' } } });
      expect(trail[1]?.after).toEqual({ summary: 'Led two cross-team designs.' });
      expect((await verifyAudit(local)).ok).toBe(true);
    } finally {
      await local.delete();
    }
  });
});
