/**
 * A session's record holds: pre-votes lock once revealed (finalizing
 * reveals them all), once the member's final vote is cast or once the
 * decision is recorded (a correction needs a reason and shows as one), finalizing freezes what the session decided on with who did it, and
 * the decision book of a finalized session prints from that frozen state,
 * not from evidence logged afterwards. The audit trail verifies throughout.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlindNames } from '../../../shared/calibration/pseudonyms';
import { preVotesShown } from '../../../shared/calibration/session-audit';
import { tallyVotes } from '../../../shared/calibration/votes';
import { buildDecisionBook } from '../../../shared/export/decision-book';
import { DECISIONS_CSV_COLUMNS, decisionsCsvRows } from '../../../shared/export/decisions-csv';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle, type SampleCycle } from '../../../shared/sample/sample-cycle';
import { verifyAudit } from '../../../renderer/db/audit';
import { commandRegistry as commands } from '../../../renderer/db/commands';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { loadCycleDecisions, loadSessionBookData } from '../../../renderer/db/session-hooks';
import { voteId } from '../../../renderer/db/sessions';
import { storedRows } from '../../fixtures/db/coverage-rows';

const AT = '2026-11-20T10:00:00.000Z';
const LATER = '2026-11-21T09:30:00.000Z';
const REOPENED = '2026-11-22T14:00:00.000Z';
const AGAIN = '2026-11-23T16:45:00.000Z';
const REAL: BlindNames = { salt: '', candidate: (id) => id, manager: (n) => n, team: (n) => n, group: (_a, v) => v };

let db: LevelsetDatabase;
let sample: SampleCycle;
let n = 0;

beforeEach(async () => {
  db = new LevelsetDatabase(`session-record-test-${++n}`);
  await db.open();
  sample = generateSampleCycle(ic0M3Levels, { candidates: 12 });
  await commands.loadSampleCycle(db, sample);
  await commands.saveProfile(db, { name: 'Morgan Ellis', role: 'chair' });
});
afterEach(async () => db.delete());

const members = [
  { id: 'm1', name: 'Morgan Ellis', role: 'chair' as const },
  { id: 'm2', name: 'Priyanka Rao', role: 'member' as const },
];

/** A submitted and a draft candidate, in a session of their own. */
async function newSession() {
  const submitted = sample.candidates.find((c) => sample.packets.some((p) => p.candidateId === c.id && p.status === 'submitted'))!;
  const draft = sample.candidates.find((c) => sample.packets.some((p) => p.candidateId === c.id && p.status === 'draft'))!;
  const session = await commands.createSession(
    db,
    { cycleId: sample.cycle.id, name: 'Week 2', members, candidateIds: [submitted.id, draft.id], orderMode: 'by-level', timeboxMinutes: 8, blind: false },
    AT,
  );
  return { session, submitted, draft };
}

function criterionOf(levelId: string | null): string {
  return sample.framework.criteria.find((c) => c.levelId === levelId)!.id;
}

async function decideAll(sessionId: string, candidates: Array<{ id: string; targetLevelId: string | null }>, at = AT) {
  for (const c of candidates) {
    await commands.saveDecision(
      db,
      { sessionId, candidateId: c.id, outcome: 'defer', newLevelId: null, rationale: 'Another quarter of evidence first.', citedCriterionIds: [criterionOf(c.targetLevelId)], nextSteps: ['Show the remaining criteria over another quarter.'], dissent: '' },
      at,
    );
  }
}

async function book(sessionId: string) {
  const data = await loadSessionBookData(db, sessionId);
  if (!data) throw new Error('no session data');
  return buildDecisionBook({ ...data, names: REAL, printedAt: AGAIN });
}

describe('pre-votes', () => {
  it('refuses a pre-vote once the pre-votes are revealed, and once the member has cast a final vote, saying why and how to correct', async () => {
    const { session, submitted } = await newSession();
    const vote = (memberId: string, phase: 'pre' | 'post', outcome: 'promote' | 'not-yet' | 'defer') => commands.recordVote(db, { sessionId: session.id, candidateId: submitted.id, memberId, phase, outcome }, AT);
    await vote('m1', 'pre', 'promote');
    await vote('m1', 'pre', 'not-yet'); // still silent: a member may change their mind before the discussion
    await vote('m1', 'post', 'promote');
    await expect(vote('m1', 'pre', 'defer')).rejects.toThrow('Morgan Ellis has cast a final vote, so their pre-vote is locked as it stood before the discussion. To fix a mistake, use “Correct pre-vote” and give the reason');
    await vote('m2', 'pre', 'defer');

    await commands.revealPreVotes(db, session.id, submitted.id, AT);
    expect((await db.sessions.get(session.id))?.revealedPreVotes).toEqual([submitted.id]);
    await expect(vote('m2', 'pre', 'promote')).rejects.toThrow('The pre-votes for this candidate have been revealed, so Priyanka Rao’s pre-vote is locked');
    // Nothing refused was written; final votes stay open.
    expect((await db.votes.get(voteId(session.id, submitted.id, 'm1', 'pre')))?.outcome).toBe('not-yet');
    expect((await db.votes.get(voteId(session.id, submitted.id, 'm2', 'pre')))?.outcome).toBe('defer');
    await vote('m2', 'post', 'promote');
    const reveal = (await db.audit.where('entityId').equals(`${session.id}:${submitted.id}`).toArray()).find((e) => e.action === 'reveal pre-votes');
    expect(reveal).toMatchObject({ actor: 'Morgan Ellis (chair)', after: { revealed: true, preVotes: 2 } });
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('refuses a pre-vote, new or changed, once the candidate is decided: the book would print it as cast before the discussion', async () => {
    const { session, submitted } = await newSession();
    const vote = (memberId: string, outcome: 'promote' | 'not-yet' | 'defer') => commands.recordVote(db, { sessionId: session.id, candidateId: submitted.id, memberId, phase: 'pre', outcome }, AT);
    await vote('m1', 'promote');
    await decideAll(session.id, [submitted]);
    await expect(vote('m1', 'not-yet')).rejects.toThrow('The decision for this candidate is recorded, so the discussion is over: Morgan Ellis’s pre-vote can no longer be cast or changed.');
    await expect(vote('m2', 'promote')).rejects.toThrow('Priyanka Rao’s pre-vote can no longer be cast or changed');
    expect((await db.votes.get(voteId(session.id, submitted.id, 'm1', 'pre')))?.outcome).toBe('promote');
    expect(await db.votes.get(voteId(session.id, submitted.id, 'm2', 'pre'))).toBeUndefined();
    // The final votes stay open, and the decision's pre-votes can still be revealed and corrected with a reason.
    await commands.recordVote(db, { sessionId: session.id, candidateId: submitted.id, memberId: 'm2', phase: 'post', outcome: 'defer' }, AT);
    await commands.revealPreVotes(db, session.id, submitted.id, LATER);
    await commands.correctPreVote(db, { sessionId: session.id, candidateId: submitted.id, memberId: 'm1', outcome: 'defer', reason: 'Recorded in the wrong row' }, LATER);
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('keeps every pre-vote the finalized record showed shown and locked after a reopen', async () => {
    const { session, submitted, draft } = await newSession();
    // Cast silently and never revealed: the finalized session shows it in its votes and its book.
    await commands.recordVote(db, { sessionId: session.id, candidateId: submitted.id, memberId: 'm1', phase: 'pre', outcome: 'promote' }, AT);
    await decideAll(session.id, [submitted, draft]);
    await commands.finalizeSession(db, session.id, LATER);
    expect((await book(session.id)).pages.find((p) => p.candidateId === submitted.id)?.voteRows).toEqual([expect.objectContaining({ member: 'Morgan Ellis', before: 'Promote' })]);
    await commands.reopenSession(db, session.id, 'The rationale of one decision needs rewording', REOPENED);

    const reopened = (await db.sessions.get(session.id))!;
    expect(reopened.status).toBe('live');
    // Not back to "hidden until the pre-votes are revealed" on the votes panel and in the audit trail.
    expect(preVotesShown(reopened, submitted.id)).toBe(true);
    expect(preVotesShown(reopened, draft.id)).toBe(true);
    await expect(commands.recordVote(db, { sessionId: session.id, candidateId: submitted.id, memberId: 'm1', phase: 'pre', outcome: 'not-yet' }, AGAIN)).rejects.toThrow('The pre-votes for this candidate have been revealed');
    await expect(commands.recordVote(db, { sessionId: session.id, candidateId: draft.id, memberId: 'm2', phase: 'pre', outcome: 'promote' }, AGAIN)).rejects.toThrow('The pre-votes for this candidate have been revealed');
    expect((await db.votes.get(voteId(session.id, submitted.id, 'm1', 'pre')))?.outcome).toBe('promote');
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('prints a live session’s pre-votes only once revealed: before that, that each was cast, not what, nor whether the final vote moved', async () => {
    // The decision page of a live session is printed, or shown on the room's screen, while the pre-votes are still silent.
    const { session, submitted } = await newSession();
    const vote = (memberId: string, phase: 'pre' | 'post', outcome: 'promote' | 'not-yet') => commands.recordVote(db, { sessionId: session.id, candidateId: submitted.id, memberId, phase, outcome }, AT);
    await vote('m1', 'pre', 'not-yet');
    await vote('m1', 'post', 'promote');
    await vote('m2', 'post', 'promote');
    const rows = async () => (await book(session.id)).pages.find((p) => p.candidateId === submitted.id)!.voteRows;
    expect(await rows()).toEqual([
      { memberId: 'm1', member: 'Morgan Ellis', before: 'Recorded, hidden until the pre-votes are revealed', after: 'Promote', changed: false },
      { memberId: 'm2', member: 'Priyanka Rao', before: '—', after: 'Promote', changed: false },
    ]);
    await commands.revealPreVotes(db, session.id, submitted.id, LATER);
    expect(await rows()).toEqual([
      { memberId: 'm1', member: 'Morgan Ellis', before: 'Not yet', after: 'Promote (changed)', changed: true },
      { memberId: 'm2', member: 'Priyanka Rao', before: '—', after: 'Promote', changed: false },
    ]);
  });

  it('accepts a correction with a reason, keeps the vote as cast, and shows it as a correction in the votes and the book', async () => {
    const { session, submitted, draft } = await newSession();
    await commands.recordVote(db, { sessionId: session.id, candidateId: submitted.id, memberId: 'm2', phase: 'pre', outcome: 'not-yet' }, AT);
    await commands.recordVote(db, { sessionId: session.id, candidateId: submitted.id, memberId: 'm2', phase: 'post', outcome: 'promote' }, AT);
    await commands.revealPreVotes(db, session.id, submitted.id, AT);
    const correction = { sessionId: session.id, candidateId: submitted.id, memberId: 'm2', outcome: 'defer' as const, reason: '  ' };
    await expect(commands.correctPreVote(db, correction, LATER)).rejects.toThrow('Say why the pre-vote is corrected');
    await expect(commands.correctPreVote(db, { ...correction, memberId: 'm1', reason: 'x' }, LATER)).rejects.toThrow('Morgan Ellis cast no pre-vote for this candidate');
    const corrected = await commands.correctPreVote(db, { ...correction, reason: 'Recorded in the wrong row' }, LATER);
    expect(corrected).toMatchObject({ outcome: 'defer', corrections: [{ at: LATER, by: 'Morgan Ellis (chair)', from: { outcome: 'not-yet', levelId: null }, reason: 'Recorded in the wrong row' }] });

    const [tally] = tallyVotes(await db.votes.where('sessionId').equals(session.id).toArray(), { candidateIds: [submitted.id] });
    const m2 = tally!.movement.find((m) => m.memberId === 'm2')!;
    expect(m2).toMatchObject({ pre: 'defer', post: 'promote', changed: true });
    expect(m2.preCorrected?.original).toEqual({ outcome: 'not-yet', levelId: null });
    expect(m2.preCorrected?.corrections.map((c) => c.reason)).toEqual(['Recorded in the wrong row']);

    await decideAll(session.id, [submitted, draft]);
    await commands.finalizeSession(db, session.id, LATER);
    const page = (await book(session.id)).pages.find((p) => p.candidateId === submitted.id)!;
    expect(page.voteRows).toEqual([{ memberId: 'm2', member: 'Priyanka Rao', before: 'Defer (corrected from Not yet: Recorded in the wrong row)', after: 'Promote (changed)', changed: true }]);
    // A finalized session refuses corrections too.
    await expect(commands.correctPreVote(db, { ...correction, outcome: 'promote', reason: 'again' }, AGAIN)).rejects.toThrow('finalized');
    const entry = (await db.audit.where('entityId').equals(voteId(session.id, submitted.id, 'm2', 'pre')).toArray()).find((e) => e.action === 'correct pre-vote');
    expect(entry).toMatchObject({ actor: 'Morgan Ellis (chair)', before: { outcome: 'not-yet' }, after: { outcome: 'defer', reason: 'Recorded in the wrong row' } });
    expect((await verifyAudit(db)).ok).toBe(true);
  });
});

describe('finalizing', () => {
  it('stores what the session decided on, with who finalized it; a draft packet gets a snapshot taken then', async () => {
    const { session, submitted, draft } = await newSession();
    await commands.recordVote(db, { sessionId: session.id, candidateId: draft.id, memberId: 'm1', phase: 'post', outcome: 'defer' }, AT);
    await decideAll(session.id, [submitted, draft]);
    await commands.finalizeSession(db, session.id, LATER);
    const stored = (await db.sessions.get(session.id))!;
    const record = stored.record!;
    expect(record).toMatchObject({ finalizedAt: LATER, finalizedBy: 'Morgan Ellis (chair)', frameworkVersionId: sample.cycle.frameworkVersionId });
    expect(record.candidates.map((c) => c.id).sort()).toEqual([submitted.id, draft.id].sort());
    expect(record.decisions.map((d) => [d.candidateId, d.outcome, d.locked]).sort()).toEqual([[draft.id, 'defer', true], [submitted.id, 'defer', true]].sort());
    expect(record.votes.map((v) => v.id)).toEqual([voteId(session.id, draft.id, 'm1', 'post')]);
    const frozenDraft = record.packets.find((p) => p.candidateId === draft.id)!;
    expect(frozenDraft.status).toBe('draft');
    expect(frozenDraft.snapshot?.takenAt).toBe(LATER);
    const frozenSubmitted = record.packets.find((p) => p.candidateId === submitted.id)!;
    expect(frozenSubmitted.snapshot).toEqual(sample.packets.find((p) => p.id === frozenSubmitted.id)!.snapshot);
    // The evidence kept is what the packets cite, and the coverage is the stored coverage at finalization.
    const cited = [...frozenDraft.snapshot!.evidence, ...frozenSubmitted.snapshot!.evidence].map((e) => e.id).sort();
    expect(record.evidence.map((e) => e.id).sort()).toEqual(cited);
    const live = (await storedRows(db)).filter((r) => [submitted.id, draft.id].includes(r.candidateId));
    expect(record.coverage.map((r) => [r.id, r.rating, r.evidenceCount, r.sustained]).sort()).toEqual(live.map((r) => [r.id, r.rating, r.evidenceCount, r.sustained]).sort());
    expect(stored.history).toEqual([{ action: 'finalized', at: LATER, by: 'Morgan Ellis (chair)', reason: '' }]);
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('prints a finalized session from its record: evidence logged after finalizing is not in the book until the session is reopened', async () => {
    const { session, submitted, draft } = await newSession();
    await decideAll(session.id, [submitted, draft]);
    await commands.finalizeSession(db, session.id, LATER);
    const cited = criterionOf(draft.targetLevelId);
    const citedText = (b: Awaited<ReturnType<typeof book>>) => b.pages.find((p) => p.candidateId === draft.id)!.cited.find((c) => c.id === cited)!.evidence;
    const first = await book(session.id);
    const before = citedText(first);
    const readinessBefore = first.pages.find((p) => p.candidateId === draft.id)!.readiness;

    await commands.addEvidence(db, draft.id, { title: 'Logged after the committee met', description: '', date: sample.cycle.evidenceTo, kind: 'project', source: 'manager', links: [], criterionIds: [cited] }, REOPENED);
    const frozen = await book(session.id);
    expect(citedText(frozen)).toEqual(before);
    expect(citedText(frozen).some((t) => t.startsWith('Logged after the committee met'))).toBe(false);
    expect(frozen.pages.find((p) => p.candidateId === draft.id)!.readiness).toEqual(readinessBefore);
    expect((await verifyAudit(db)).ok).toBe(true);

    // Reopened, the session is live again and the new evidence shows: the check above can fail.
    await commands.reopenSession(db, session.id, 'HR asked for the late evidence to be considered', REOPENED);
    expect(citedText(await book(session.id)).some((t) => t.startsWith('Logged after the committee met'))).toBe(true);
  });

  it('says in the book when and by whom the session was finalized, and every reopen with its reason', async () => {
    const { session, submitted, draft } = await newSession();
    await decideAll(session.id, [submitted, draft]);
    expect((await book(session.id)).finalized).toBeNull();
    await commands.finalizeSession(db, session.id, LATER);
    await commands.reopenSession(db, session.id, 'A packet revision was missing', REOPENED);
    const reopened = (await db.sessions.get(session.id))!;
    expect(reopened.record).toBeNull();
    expect(reopened.status).toBe('live');
    await commands.saveProfile(db, { name: 'Helen Okoro', role: 'HR partner' });
    await commands.finalizeSession(db, session.id, AGAIN);

    const printed = await book(session.id);
    expect(printed.finalized).toMatchObject({ on: '2026-11-23', by: 'Helen Okoro (HR partner)', frozen: true });
    // Not the chair the cover lists: the book says which is which (an HR trial read two chairs).
    expect(printed.finalized?.statement).toMatch(
      /^Finalized 2026-11-23 by Helen Okoro \(HR partner\), not the session’s chair \(Morgan Ellis\): the app records the profile open on the computer that finalized\. Printed from the record frozen at finalization/,
    );
    expect(printed.history).toEqual([
      { action: 'Finalized', on: '2026-11-21', by: 'Morgan Ellis (chair)', reason: '' },
      { action: 'Reopened', on: '2026-11-22', by: 'Morgan Ellis (chair)', reason: 'A packet revision was missing' },
      { action: 'Finalized', on: '2026-11-23', by: 'Helen Okoro (HR partner)', reason: '' },
    ]);
    expect((await db.sessions.get(session.id))?.record?.finalizedAt).toBe(AGAIN);
    // Each page names who recorded its decision (a trial found it only in the trail).
    expect(printed.pages.map((p) => p.decidedBy)).toEqual(['Morgan Ellis (chair)', 'Morgan Ellis (chair)']);
    const actions = (await db.audit.where('entityId').equals(session.id).sortBy('seq')).map((e) => [e.action, e.actor]);
    expect(actions.filter(([a]) => a !== 'create session')).toEqual([
      ['finalize', 'Morgan Ellis (chair)'],
      ['reopen', 'Morgan Ellis (chair)'],
      ['finalize', 'Helen Okoro (HR partner)'],
    ]);
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('gives every day in the book in the reader’s time zone, and names the zone', async () => {
    const { session, submitted, draft } = await newSession();
    await decideAll(session.id, [submitted, draft]);
    await commands.finalizeSession(db, session.id, LATER);
    await commands.reopenSession(db, session.id, 'A packet revision was missing', REOPENED);
    await commands.finalizeSession(db, session.id, AGAIN);
    const data = (await loadSessionBookData(db, session.id))!;
    // Tokyo is UTC+9: AGAIN, 16:45 UTC on 23 Nov, was 01:45 on 24 Nov there; the rest fell on their UTC days.
    const tokyo = buildDecisionBook({ ...data, names: REAL, printedAt: AGAIN, timeZone: 'Asia/Tokyo' });
    expect(tokyo.timeZone).toBe('Asia/Tokyo');
    expect(tokyo.printedOn).toBe('2026-11-24');
    expect(tokyo.finalized).toMatchObject({ on: '2026-11-24' });
    expect(tokyo.history.map((e) => e.on)).toEqual(['2026-11-21', '2026-11-22', '2026-11-24']);
    expect(tokyo.pages.map((p) => p.decidedOn)).toEqual(['2026-11-20', '2026-11-20']);
    // 10:00 UTC on 20 Nov was 2 AM there in Los Angeles (UTC−8).
    const la = buildDecisionBook({ ...data, names: REAL, printedAt: AGAIN, timeZone: 'America/Los_Angeles' });
    expect(la.printedOn).toBe('2026-11-23');
    expect(la.pages.map((p) => p.decidedOn)).toEqual(['2026-11-20', '2026-11-20']);
    expect(buildDecisionBook({ ...data, names: REAL, printedAt: '2026-11-24T03:00:00.000Z', timeZone: 'America/Los_Angeles' }).printedOn).toBe('2026-11-23');
  });

  it('prints, beside a decision changed after a reopen, what it was in the finalized record', async () => {
    const { session, submitted, draft } = await newSession();
    await decideAll(session.id, [submitted, draft]);
    await commands.finalizeSession(db, session.id, LATER);
    await commands.reopenSession(db, session.id, 'A packet revision was missing', REOPENED);
    const changedAt = '2026-11-22T15:00:00.000Z';
    await commands.saveDecision(db, { sessionId: session.id, candidateId: submitted.id, outcome: 'promote', newLevelId: null, rationale: 'The missing revision closes the gaps.', citedCriterionIds: [], nextSteps: [], dissent: '' }, changedAt);
    await commands.finalizeSession(db, session.id, AGAIN);
    const book = buildDecisionBook({ ...(await loadSessionBookData(db, session.id))!, names: REAL, printedAt: AGAIN, timeZone: 'UTC' });
    const page = (id: string) => book.pages.find((p) => p.candidateId === id)!;
    expect(page(submitted.id)).toMatchObject({ outcome: 'Promote', decidedOn: '2026-11-22', earlier: ['Changed on 2026-11-22, after the session was reopened: was Defer (decided 2026-11-20); the rationale rewritten too.'] });
    expect(page(draft.id).earlier).toEqual([]);
    // Recorded by the one who finalized: still named on the page (a trial read pages that left it to the cover as naming no one).
    const changed = (await db.audit.toArray()).filter((e) => e.action === 'change decision').at(-1)!;
    expect(book.finalized?.by).toBe(changed.actor);
    expect(page(submitted.id).decidedBy).toBe(changed.actor);
  });

  it('marks a rationale or dissent rewritten after a reopen, with the outcome kept, in the book and the CSV', async () => {
    const { session, submitted, draft } = await newSession();
    await decideAll(session.id, [submitted, draft]);
    await commands.finalizeSession(db, session.id, LATER);
    await commands.reopenSession(db, session.id, 'The rationale named the wrong quarter', REOPENED);
    const changedAt = '2026-11-22T15:00:00.000Z';
    const same = { sessionId: session.id, outcome: 'defer' as const, newLevelId: null, citedCriterionIds: [], nextSteps: ['Show the remaining criteria over another quarter.'] };
    // The same outcome; only the rationale (submitted) or only the dissent (draft) rewritten.
    await commands.saveDecision(db, { ...same, candidateId: submitted.id, citedCriterionIds: [criterionOf(submitted.targetLevelId)], rationale: 'Two more quarters of evidence first.', dissent: '' }, changedAt);
    await commands.saveDecision(db, { ...same, candidateId: draft.id, citedCriterionIds: [criterionOf(draft.targetLevelId)], rationale: 'Another quarter of evidence first.', dissent: 'Sam would have promoted.' }, changedAt);
    await commands.finalizeSession(db, session.id, AGAIN);
    const data = (await loadSessionBookData(db, session.id))!;
    const pages = buildDecisionBook({ ...data, names: REAL, printedAt: AGAIN, timeZone: 'UTC' }).pages;
    const page = (id: string) => pages.find((p) => p.candidateId === id)!;
    expect(page(submitted.id).earlier).toEqual(['The rationale was rewritten on 2026-11-22, after the session was reopened (decided 2026-11-20); the audit trail keeps the earlier text.']);
    // Still decided on the day the outcome was chosen, by whoever chose it (a trial's book said "decided" on the rewrite's day).
    expect(page(submitted.id)).toMatchObject({ decidedOn: '2026-11-20', decidedBy: page(draft.id).decidedBy });
    expect(page(draft.id).earlier).toEqual(['The dissent was rewritten on 2026-11-22, after the session was reopened (decided 2026-11-20); the audit trail keeps the earlier text.']);
    const rows = decisionsCsvRows({ decisions: data.decisions, candidates: data.candidates, framework: data.framework, sessions: [data.session], timeZone: 'UTC' });
    const col = DECISIONS_CSV_COLUMNS.indexOf('earlier_outcomes');
    expect(rows.slice(1).map((r) => [r[1], r[col]])).toEqual([
      [submitted.id, 'Defer decided 2026-11-20, rationale rewritten 2026-11-22'],
      [draft.id, 'Defer decided 2026-11-20, dissent rewritten 2026-11-22'],
    ]);
    expect(rows.slice(1).map((r) => r[DECISIONS_CSV_COLUMNS.indexOf('decided_on')])).toEqual(['2026-11-20', '2026-11-20']);
    // Saved again as it stands: nothing changed, so no mark is added.
    await commands.reopenSession(db, session.id, 'Checking', '2026-11-24T09:00:00.000Z');
    await commands.saveDecision(db, { ...same, candidateId: submitted.id, citedCriterionIds: [criterionOf(submitted.targetLevelId)], rationale: 'Two more quarters of evidence first.', dissent: '' }, '2026-11-24T10:00:00.000Z');
    expect((await db.decisions.where('candidateId').equals(submitted.id).first())!.earlier).toHaveLength(1);
    // Reworded again, then its outcome changed, in this reopen: one more entry, naming both, with the outcome finalized before it.
    await commands.saveDecision(db, { ...same, candidateId: submitted.id, citedCriterionIds: [criterionOf(submitted.targetLevelId)], rationale: 'Three more quarters.', dissent: '' }, '2026-11-24T11:00:00.000Z');
    await commands.saveDecision(db, { ...same, candidateId: submitted.id, outcome: 'promote', nextSteps: [], citedCriterionIds: [criterionOf(submitted.targetLevelId)], rationale: 'The missing revision closes the gaps.', dissent: '' }, '2026-11-24T12:00:00.000Z');
    const earlier = (await db.decisions.where('candidateId').equals(submitted.id).first())!.earlier!;
    expect(earlier.map((e) => [e.outcome, e.changedAt, e.changed])).toEqual([
      ['defer', changedAt, ['rationale']],
      ['defer', '2026-11-24T11:00:00.000Z', ['outcome', 'rationale']],
    ]);
  });

  it('exports the CSV of a finalized session from its record: a candidate edited afterwards keeps the manager and team the committee saw', async () => {
    const { session, submitted, draft } = await newSession();
    await decideAll(session.id, [submitted, draft]);
    await commands.finalizeSession(db, session.id, LATER);
    const { id: _id, createdAt: _c, updatedAt: _u, archived: _a, ...rest } = submitted;
    await commands.saveCandidate(db, { ...rest, id: submitted.id, manager: 'Someone Else', team: 'Elsewhere', targetLevelId: submitted.targetLevelId! }, REOPENED);
    expect((await db.candidates.get(submitted.id))?.manager).toBe('Someone Else');

    const rows = (await loadCycleDecisions(db, sample.cycle.id)).find((r) => r.session.id === session.id)!;
    const csv = decisionsCsvRows({ decisions: rows.decisions, candidates: rows.candidates, framework: rows.framework!, sessions: [rows.session] });
    const header = csv[0]!;
    const row = csv.find((r) => r[header.indexOf('candidate_id')] === submitted.id)!;
    expect([row[header.indexOf('manager')], row[header.indexOf('team')]]).toEqual([submitted.manager, submitted.team]);
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('records who revealed names and why in the session history', async () => {
    const session = await commands.createSession(db, { cycleId: sample.cycle.id, name: 'Blind', members, candidateIds: [sample.candidates[0]!.id], orderMode: 'by-level', timeboxMinutes: 8, blind: true }, AT);
    await commands.setBlind(db, session.id, false, LATER, 'HR needs names to check levels');
    expect((await db.sessions.get(session.id))?.history).toEqual([{ action: 'names-revealed', at: LATER, by: 'Morgan Ellis (chair)', reason: 'HR needs names to check levels' }]);
    const [entry] = (await db.audit.where('entityId').equals(session.id).toArray()).filter((e) => e.action === 'reveal names');
    expect(entry).toMatchObject({ actor: 'Morgan Ellis (chair)', after: { blind: false, reason: 'HR needs names to check levels' } });
    // The book's cover still says the committee decided blind, and until when (it dropped the line once names were shown).
    expect((await book(session.id)).names).toBe('Shown since 2026-11-21, when Morgan Ellis (chair) revealed them (HR needs names to check levels); the session hid them for part of its time (each change is in the history below)');
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('records hiding the names again, and the cover says both', async () => {
    const session = await commands.createSession(db, { cycleId: sample.cycle.id, name: 'Blind', members, candidateIds: [sample.candidates[0]!.id], orderMode: 'by-level', timeboxMinutes: 8, blind: true }, AT);
    expect((await book(session.id)).names).toBe('Blind: candidates, managers, teams and groups appear as pseudonyms');
    await commands.setBlind(db, session.id, false, LATER, 'HR needs names to check levels');
    await commands.setBlind(db, session.id, true, REOPENED);
    // A trial's history ended "Names revealed" while the session was blind again.
    expect((await db.sessions.get(session.id))?.history?.map((e) => [e.action, e.at])).toEqual([
      ['names-revealed', LATER],
      ['names-hidden', REOPENED],
    ]);
    const printed = await book(session.id);
    expect(printed.history.map((e) => e.action)).toEqual(['Names revealed', 'Names hidden']);
    expect(printed.names).toBe('Blind: candidates, managers, teams and groups appear as pseudonyms; names were shown for part of the session (each change is in the history below)');
  });

  it('prints the audit trail head on the cover: the count and hash of the newest entry when the book is drawn', async () => {
    const { session } = await newSession();
    const entries = await db.audit.toArray();
    const newest = entries.reduce((a, b) => (b.at > a.at || (b.at === a.at && b.seq > a.seq) ? b : a));
    const printed = await book(session.id);
    expect(printed.trailHead).toMatchObject({ summary: `this computer’s whole trail (every session, cycle and packet, not only this session) held ${entries.length} entries when this was printed`, hash: newest.hash });
  });
});
