/**
 * A session reviews the case a manager submitted. When the manager reopens
 * the packet while a session is live (or a bundle brings the new draft), the
 * review, the heatmap's coverage, the decision book's readiness and the
 * frozen record keep showing the submitted revision, not the draft written
 * since; submitting the next revision makes that one the case under review.
 * Before, every one of them followed the candidate's current packet: the
 * committee saw the manager's unsubmitted edits, and finalizing froze them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { readinessFromStored } from '../../../shared/packets/stored-readiness';
import { readinessFromRows } from '../../../shared/rules/readiness';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { promotionChoices } from '../../../shared/rules/promotion-levels';
import type { Packet } from '../../../shared/domain';
import { criteriaOfLevel } from '../../../shared/domain/framework';
import { commandRegistry as commands } from '../../../renderer/db/commands';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { loadBook } from '../../../renderer/db/session-book';
import type { BlindNames } from '../../../shared/calibration/pseudonyms';
import { buildDecisionBook } from '../../../shared/export/decision-book';
import { loadSessionData } from '../../../renderer/db/session-hooks';

const AT = '2026-11-20T10:00:00.000Z';
const LATER = '2026-11-21T10:00:00.000Z';
const REAL: BlindNames = { salt: '', candidate: (id) => id, manager: (n) => n, team: (n) => n, group: (_a, v) => v };
/** The decision page's packet line for one candidate, in UTC days. */
const packetLine = async (sessionId: string, candidateId: string) =>
  buildDecisionBook({ ...(await loadBook(db, sessionId))!, names: REAL, printedAt: LATER, timeZone: 'UTC' }).pages.find((p) => p.candidateId === candidateId)?.packet;
const sample = generateSampleCycle(ic0M3Levels, { candidates: 40 });
let db: LevelsetDatabase;
let n = 0;

beforeEach(async () => {
  db = new LevelsetDatabase(`session-reviewed-revision-${++n}`);
  await db.open();
  await commands.loadSampleCycle(db, sample);
});
afterEach(() => db.delete());

/** A submitted packet whose candidate still targets its level, with a rating that a rewrite to "not yet" changes. */
function submittedCase(): Packet {
  const byCandidate = new Map(sample.candidates.map((c) => [c.id, c]));
  const found = sample.packets.find(
    (p) => p.status === 'submitted' && p.revision === 1 && byCandidate.get(p.candidateId)?.targetLevelId === p.targetLevelId && Object.values(p.assessments).some((a) => a.rating === 'consistently'),
  );
  expect(found).toBeDefined();
  return found!;
}

/** What the sample's submitted packet rated each criterion: the independent reference for the rows shown. */
const ratingsOf = (p: Packet) => Object.fromEntries(Object.entries(p.assessments).map(([criterionId, a]) => [criterionId, a.rating]));

async function liveSessionOf(candidateIds: string[]) {
  return commands.createSession(
    db,
    { cycleId: sample.cycle.id, name: 'Week 1', members: [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' }], candidateIds, orderMode: 'by-level', timeboxMinutes: 8, blind: false },
    AT,
  );
}

/** Reopens the packet and rewrites the draft: every criterion "not yet", a new summary. */
async function reopenAndRewrite(packet: Packet): Promise<Packet> {
  const draft = await commands.reopenPacket(db, packet.id, LATER);
  for (const criterionId of Object.keys(packet.assessments)) await commands.setAssessment(db, draft.id, criterionId, 'not-yet', undefined, LATER);
  await commands.updatePacketText(db, draft.id, { summary: 'Rewritten after the session began.' }, LATER);
  return draft;
}

describe('the packet a live session reviews', () => {
  it('stays the submitted revision when the packet is reopened and rewritten during the session', async () => {
    const packet = submittedCase();
    const other = sample.packets.find((p) => p.status === 'submitted' && p.candidateId !== packet.candidateId)!;
    const session = await liveSessionOf([packet.candidateId, other.candidateId]);
    const candidate = sample.candidates.find((c) => c.id === packet.candidateId)!;
    const before = (await loadSessionData(db, session.id))!;
    const readinessBefore = readinessFromRows(before.framework, candidate, before.coverage);
    expect(readinessBefore.ready).toBeGreaterThan(0);

    const draft = await reopenAndRewrite(packet);
    expect(draft.revision).toBe(2);

    const data = (await loadSessionData(db, session.id))!;
    const head = data.packets.find((p) => p.candidateId === packet.candidateId);
    expect(head).toMatchObject({ id: packet.id, revision: 1, status: 'superseded' });
    const rows = data.coverage.filter((r) => r.candidateId === packet.candidateId);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.packetId))).toEqual(new Set([packet.id]));
    expect(Object.fromEntries(rows.map((r) => [r.criterionId, r.rating]))).toEqual(ratingsOf(packet));
    expect(readinessFromRows(data.framework, candidate, data.coverage)).toEqual(readinessBefore);
    // The other candidate is untouched.
    expect(data.packets.find((p) => p.candidateId === other.candidateId)).toMatchObject({ id: other.id, status: 'submitted' });

    // The decision book of the live session prints the submitted revision's readiness.
    const book = (await loadBook(db, session.id))!;
    const printed = readinessFromStored(book.framework, candidate, book.stored?.get(candidate.id));
    expect({ ready: printed.ready, total: printed.total }).toEqual({ ready: readinessBefore.ready, total: readinessBefore.total });

    // Its decision page names the revision reviewed, the day it was submitted, and that it was reopened since.
    expect(await packetLine(session.id, packet.candidateId)).toBe(`Revision 1, submitted ${packet.submittedAt!.slice(0, 10)} (reopened since; a later revision was not decided on)`);
    expect(await packetLine(session.id, other.candidateId)).toBe(`Revision ${other.revision}, submitted ${other.submittedAt!.slice(0, 10)}`);

    // Finalizing freezes the submitted revision and its coverage, not the draft.
    for (const id of [packet.candidateId, other.candidateId]) {
      await commands.saveDecision(db, { sessionId: session.id, candidateId: id, outcome: 'defer', newLevelId: null, rationale: 'Next cycle.', citedCriterionIds: [], nextSteps: ['Another quarter of evidence.'], dissent: '' }, LATER);
    }
    await commands.finalizeSession(db, session.id, LATER);
    const record = (await db.sessions.get(session.id))!.record!;
    const frozen = record.packets.find((p) => p.candidateId === packet.candidateId)!;
    expect(frozen).toMatchObject({ id: packet.id, revision: 1, summary: packet.summary });
    expect(Object.fromEntries(record.coverage.filter((r) => r.candidateId === packet.candidateId).map((r) => [r.criterionId, r.rating]))).toEqual(ratingsOf(packet));
    // The finalized book prints from the record, with the day of the submission.
    expect(await packetLine(session.id, packet.candidateId)).toBe(`Revision 1, submitted ${packet.submittedAt!.slice(0, 10)} (reopened since; a later revision was not decided on)`);
  });

  it('becomes the next revision once it is submitted; a decision keeps the revision it was made on', async () => {
    const packet = submittedCase();
    const session = await liveSessionOf([packet.candidateId]);
    const decide = () =>
      commands.saveDecision(db, { sessionId: session.id, candidateId: packet.candidateId, outcome: 'defer', newLevelId: null, rationale: 'Next cycle.', citedCriterionIds: [], nextSteps: ['Another quarter of evidence.'], dissent: '' }, LATER);
    expect((await decide()).packet).toEqual({ id: packet.id, revision: 1, levelId: packet.targetLevelId });
    const draft = await commands.reopenPacket(db, packet.id, LATER);
    await commands.updatePacketText(db, draft.id, { summary: 'Revision 2, submitted.' }, LATER);
    await commands.submitPacket(db, draft.id, LATER);
    const data = (await loadSessionData(db, session.id))!;
    expect(data.packets).toEqual([{ id: draft.id, candidateId: packet.candidateId, revision: 2, status: 'submitted', submittedAt: LATER }]);
    expect(new Set(data.coverage.filter((r) => r.candidateId === packet.candidateId).map((r) => r.packetId))).toEqual(new Set([draft.id]));
    // The decision was made on revision 1: stored with it, and its page says so beside the revision now reviewed.
    expect((await db.decisions.where('sessionId').equals(session.id).toArray()).map((d) => d.packet)).toEqual([{ id: packet.id, revision: 1, levelId: packet.targetLevelId }]);
    expect(await packetLine(session.id, packet.candidateId)).toBe(`Revision 2, submitted ${LATER.slice(0, 10)}; the decision was made on revision 1`);
    // Saved again, it is made on revision 2.
    expect((await decide()).packet).toEqual({ id: draft.id, revision: 2, levelId: packet.targetLevelId });
    expect(await packetLine(session.id, packet.candidateId)).toBe(`Revision 2, submitted ${LATER.slice(0, 10)}`);
  });

  it('is frozen as the revision the decision was made on when a session reopened after a resubmission is finalized again', async () => {
    const packet = submittedCase();
    const session = await liveSessionOf([packet.candidateId]);
    await commands.saveDecision(db, { sessionId: session.id, candidateId: packet.candidateId, outcome: 'defer', newLevelId: null, rationale: 'Next cycle.', citedCriterionIds: [], nextSteps: ['Another quarter of evidence.'], dissent: '' }, AT);
    await commands.finalizeSession(db, session.id, AT);
    // Months later the manager submits revision 2 with every criterion rated "not yet"; the chair reopens the session
    // (to reveal names, say) and finalizes it again without touching the decision.
    const draft = await reopenAndRewrite(packet);
    await commands.submitPacket(db, draft.id, LATER);
    await commands.reopenSession(db, session.id, 'Reveal the names for HR', LATER);
    await commands.finalizeSession(db, session.id, LATER);
    const record = (await db.sessions.get(session.id))!.record!;
    // It froze revision 2, which no decision rests on: its "not yet" ratings, beside "the decision was made on revision 1".
    expect(record.packets.find((p) => p.candidateId === packet.candidateId)).toMatchObject({ id: packet.id, revision: 1, summary: packet.summary });
    expect(Object.fromEntries(record.coverage.filter((r) => r.candidateId === packet.candidateId).map((r) => [r.criterionId, r.rating]))).toEqual(ratingsOf(packet));
    expect(await packetLine(session.id, packet.candidateId)).toBe(`Revision 1, submitted ${packet.submittedAt!.slice(0, 10)} (reopened since; a later revision was not decided on)`);
  });

  it('keeps the revision each vote was cast on, and the book and the review say it once the packet is resubmitted', async () => {
    const packet = submittedCase();
    const session = await liveSessionOf([packet.candidateId]);
    const vote = (phase: 'pre' | 'post') => commands.recordVote(db, { sessionId: session.id, candidateId: packet.candidateId, memberId: 'm1', phase, outcome: 'promote' }, LATER);
    expect((await vote('pre')).packet).toEqual({ id: packet.id, revision: 1, levelId: packet.targetLevelId });
    await commands.revealPreVotes(db, session.id, packet.candidateId, LATER);
    expect((await vote('post')).packet).toEqual({ id: packet.id, revision: 1, levelId: packet.targetLevelId });
    const rowOf = async () =>
      buildDecisionBook({ ...(await loadBook(db, session.id))!, names: REAL, printedAt: LATER, timeZone: 'UTC' }).pages.find((p) => p.candidateId === packet.candidateId)!.voteRows;
    // On the revision reviewed: nothing more is said.
    expect(await rowOf()).toMatchObject([{ member: 'Morgan Ellis', before: 'Promote', after: 'Promote' }]);

    const draft = await commands.reopenPacket(db, packet.id, LATER);
    await commands.submitPacket(db, draft.id, LATER);
    expect(await rowOf()).toMatchObject([{ before: 'Promote (on revision 1)', after: 'Promote (on revision 1)' }]);
    // The same final vote cast again is now made on revision 2 (it was not a no-op); the pre-vote stays as cast.
    expect((await vote('post')).packet).toEqual({ id: draft.id, revision: 2, levelId: packet.targetLevelId });
    expect(await rowOf()).toMatchObject([{ before: 'Promote (on revision 1)', after: 'Promote' }]);
  });

  it('says the level a vote’s revision was submitted for when the reopen changed the target, in the book', async () => {
    const packet = submittedCase();
    const stored = (await db.candidates.get(packet.candidateId))!;
    const framework = (await db.frameworks.get(sample.cycle.frameworkVersionId))!;
    const first = framework.levels.find((l) => l.id === packet.targetLevelId)!;
    const newTarget = promotionChoices(framework, stored.currentLevelId).flatMap((g) => g.levels).find((l) => l.id !== packet.targetLevelId)!;
    const session = await liveSessionOf([packet.candidateId]);
    await commands.recordVote(db, { sessionId: session.id, candidateId: packet.candidateId, memberId: 'm1', phase: 'pre', outcome: 'promote' }, LATER);
    await commands.revealPreVotes(db, session.id, packet.candidateId, LATER);
    const draft = await commands.reopenPacket(db, packet.id, LATER);
    const { id, cycleId, name, role, team, manager, currentLevelId, timeInLevelMonths, groups } = stored;
    await commands.saveCandidate(db, { id, cycleId, name, role, team, manager, currentLevelId, timeInLevelMonths, groups, targetLevelId: newTarget.id }, LATER);
    // Revision 2 made submittable for the new level: each of its criteria assessed and linked to a piece of evidence.
    const criteria = criteriaOfLevel(framework, newTarget.id);
    for (const c of criteria) await commands.setAssessment(db, draft.id, c.id, 'not-yet', undefined, LATER);
    await commands.addEvidence(db, packet.candidateId, { title: 'Led the storage migration', description: 'Planned and ran it.', date: sample.cycle.evidenceFrom, kind: 'project', source: 'manager', links: [], criterionIds: criteria.map((c) => c.id) }, LATER);
    await commands.submitPacket(db, draft.id, LATER);
    await commands.recordVote(db, { sessionId: session.id, candidateId: packet.candidateId, memberId: 'm1', phase: 'post', outcome: 'not-yet' }, LATER);
    const page = buildDecisionBook({ ...(await loadBook(db, session.id))!, names: REAL, printedAt: LATER, timeZone: 'UTC' }).pages.find((p) => p.candidateId === packet.candidateId)!;
    // The page is about the new target; the Promote was cast for the first one, and says so.
    expect(page.targetLevel).toContain(newTarget.code);
    expect(page.voteRows).toMatchObject([{ before: `Promote (on revision 1, submitted for ${first.code} ${first.title})`, after: 'Not yet (changed)' }]);
  });

  it('is the submitted revision when this machine has no draft after it (a committee member’s copy of a reopened packet)', async () => {
    // The chair's committee copy carries submitted and superseded revisions, never a draft: on a member's machine a
    // reopened packet is its submitted revision alone, superseded, and the candidate has no current packet.
    const packet = submittedCase();
    const copy = { ...sample, packets: sample.packets.map((p) => (p.id === packet.id ? { ...p, status: 'superseded' as const } : p)) };
    const member = new LevelsetDatabase(`session-reviewed-revision-member-${n}`);
    await member.open();
    try {
      await commands.loadSampleCycle(member, copy);
      const session = await commands.createSession(
        member,
        { cycleId: sample.cycle.id, name: 'Week 1', members: [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' }], candidateIds: [packet.candidateId], orderMode: 'by-level', timeboxMinutes: 8, blind: false },
        AT,
      );
      const data = (await loadSessionData(member, session.id))!;
      expect(data.packets).toEqual([{ id: packet.id, candidateId: packet.candidateId, revision: 1, status: 'superseded', submittedAt: packet.submittedAt }]);
      expect(Object.fromEntries(data.coverage.map((r) => [r.criterionId, r.rating]))).toEqual(ratingsOf(packet));
    } finally {
      await member.delete();
    }
  });

  it('is reviewed, decided and frozen against the level it was submitted for when the target changes after the reopen', async () => {
    // The target level can change only after a reopen (submittedLevelProblem); the draft follows it. The session
    // showed the new level's criteria beside the submission's ratings (no rows), and Promote gave the new level.
    const packet = submittedCase();
    const stored = (await db.candidates.get(packet.candidateId))!;
    const framework = (await db.frameworks.get(sample.cycle.frameworkVersionId))!;
    const newTarget = promotionChoices(framework, stored.currentLevelId).flatMap((g) => g.levels).find((l) => l.id !== packet.targetLevelId)!;
    expect(newTarget).toBeDefined();
    const session = await liveSessionOf([packet.candidateId]);
    await commands.reopenPacket(db, packet.id, LATER);
    const { id, cycleId, name, role, team, manager, currentLevelId, timeInLevelMonths, groups } = stored;
    await commands.saveCandidate(db, { id, cycleId, name, role, team, manager, currentLevelId, timeInLevelMonths, groups, targetLevelId: newTarget.id }, LATER);
    expect((await db.candidates.get(packet.candidateId))!.targetLevelId).toBe(newTarget.id);

    const data = (await loadSessionData(db, session.id))!;
    const shown = data.candidates.find((c) => c.id === packet.candidateId)!;
    expect(shown.targetLevelId).toBe(packet.targetLevelId);
    // The review's rows: the submission's ratings, at its level.
    const rows = data.coverage.filter((r) => r.candidateId === packet.candidateId && r.targetLevelId === shown.targetLevelId);
    expect(Object.fromEntries(rows.map((r) => [r.criterionId, r.rating]))).toEqual(ratingsOf(packet));
    const levelName = (levelId: string | null) => framework.levels.find((l) => l.id === levelId)!;
    const bookPage = async () =>
      buildDecisionBook({ ...(await loadBook(db, session.id))!, names: REAL, printedAt: LATER, timeZone: 'UTC' }).pages.find((p) => p.candidateId === packet.candidateId)!;
    expect((await bookPage()).targetLevel).toContain(levelName(packet.targetLevelId).code);
    expect((await bookPage()).targetLevel).not.toContain(newTarget.code);

    // A vote for the level submitted for is plain Promote; the new target is another level.
    await expect(commands.recordVote(db, { sessionId: session.id, candidateId: packet.candidateId, memberId: 'm1', phase: 'pre', outcome: 'promote-other', levelId: packet.targetLevelId }, LATER)).rejects.toThrow(/vote Promote instead/);
    const decision = await commands.saveDecision(db, { sessionId: session.id, candidateId: packet.candidateId, outcome: 'promote', newLevelId: null, rationale: 'Meets the level.', citedCriterionIds: [], nextSteps: [], dissent: '' }, LATER);
    expect(decision.newLevelId).toBe(packet.targetLevelId);

    await commands.finalizeSession(db, session.id, LATER);
    const record = (await db.sessions.get(session.id))!.record!;
    expect(record.candidates.find((c) => c.id === packet.candidateId)!.targetLevelId).toBe(packet.targetLevelId);
    expect(record.coverage.filter((r) => r.candidateId === packet.candidateId).every((r) => r.targetLevelId === packet.targetLevelId)).toBe(true);
  });
});
