/**
 * Calibration sessions, votes and decisions in storage. Every write is a
 * command (write/run-command.ts) that checks the session's state (a
 * finalized session is read-only until reopened with a reason); the command
 * layer appends the audit entry in the same transaction.
 */
import { connectedEditRefusal } from '../../shared/connected/committee';
import { plural } from '../../shared/util/plural';
import { EARLIER_CHANGES, type CommitteeMember, type Decision, type EarlierChange, type EarlierDecision, type PacketRef, type Outcome, type Session, type SessionEvent, type SessionRow, type Vote } from '../../shared/domain';
import { newId, notBefore } from '../../shared/domain/ids';
import { decisionChanges, earlierChanges, outcomeChanged, outcomeChangeIssues, refuseIfChangedSince, validateDecision, withKeptText, type KeptText } from '../../shared/calibration/decision-helpers';
import { promotionLevelProblem } from '../../shared/rules/promotion-levels';
import { decidesCandidate, reviewOrder } from '../../shared/rules/session-candidates';
import { decisionElsewhere } from './decision-reads';
import { takeSessionRecord, withSessionDefaults } from '../../shared/calibration/session-record';
import { preVoteCorrectionProblem, preVoteLock } from '../../shared/calibration/votes';
import type { LevelsetDatabase } from './database';
import { runCommand } from './write/run-command';
import { packetActedOn, reviewedPacketOf } from './reviewed-reads';
import { asReviewed } from '../../shared/rules/current-packet';

// The new-session form's input and its checks: their own module, so the form does not bring the write path along.
import { sessionProblems, type NewSession } from './session-input';
export { sessionProblems, type NewSession };

function readOnlyError(session: Session): Error | null {
  return session.status === 'finalized' ? new Error("This session is finalized: its votes and decisions are read-only. Reopen it with a reason to change them.") : null;
}

async function liveSession(db: LevelsetDatabase, sessionId: string): Promise<SessionRow> {
  const row = await db.sessions.get(sessionId);
  if (!row) throw new Error('That session no longer exists.');
  const session = withSessionDefaults(row);
  const error = readOnlyError(session);
  if (error) throw error;
  return session;
}

function event(action: SessionEvent['action'], at: string, by: string, reason = ''): SessionEvent {
  return { action, at, by, reason };
}

/**
 * Refuses a decision for a candidate another session of the cycle has decided (Defer aside, which asks for a later
 * session): one decision per candidate per cycle. The new-session form leaves such candidates out (takenCandidates);
 * this is the rule that holds whatever a session lists.
 */
async function refuseSecondDecision(db: LevelsetDatabase, session: Session, candidateId: string): Promise<void> {
  const other = await decisionElsewhere(db, session, candidateId);
  if (other) throw new Error(`This candidate is already decided in ${other.session.name}: a candidate gets one decision per cycle. Change that decision there, or defer it, instead.`);
}

/**
 * What a decision save stores, checked against the decision it replaces: refused when that one changed since the
 * form began (`over`) or when another session of the cycle decided the candidate; the words the form left as
 * shown keep their stored text (`kept`). One path for the one-machine save and the chair's connected decision.
 */
export async function decisionOverStored(db: LevelsetDatabase, session: Session, { over, kept, ...typed }: DecisionDraft, options: { fromChair?: boolean } = {}) {
  const before = await db.decisions.get(decisionId(session.id, typed.candidateId));
  refuseIfChangedSince(before?.updatedAt ?? null, over);
  // The chair's app checked before sending (connected/local.ts chairDecide); every copy applies the chair's decisions.
  if (decidesCandidate(typed) && !options.fromChair) await refuseSecondDecision(db, session, typed.candidateId);
  const draft = before && kept && over === before.updatedAt ? withKeptText(typed, before, kept) : typed;
  // A new outcome needs its own rationale (outcomeChangeIssues); the chair's app checked the chair's decisions.
  if (before && !options.fromChair && outcomeChanged(before, draft)) {
    const cycle = await db.cycles.get(session.cycleId);
    const framework = cycle ? await db.frameworks.get(cycle.frameworkVersionId) : undefined;
    const refused = outcomeChangeIssues(framework ?? { levels: [] }, before, draft).errors;
    if (refused.length > 0) throw new Error(refused.map((e) => e.message).join(' '));
  }
  return { before, draft };
}

/** `id`: a connected member's app creates the chair's session under the chair's id (renderer/db/connected). */
export async function createSession(db: LevelsetDatabase, input: NewSession, at: string, id?: string, { fromChair = false }: FromChair = {}): Promise<Session> {
  return runCommand(db, { name: 'create session', at }, async (ctx) => {
    const clash = fromChair ? undefined : sessionProblems(input, await otherSessionNames(db, input.cycleId, null)).name;
    if (clash) throw new Error(clash);
    const session = await ctx.put('sessions', { ...input, name: input.name.trim(), id: id ?? newId(), status: 'planned', finalizedAt: null, reopenReason: '', revealedPreVotes: [], record: null, history: [], createdAt: at, updatedAt: at });
    ctx.describe({ entityType: 'session', entityId: session.id, action: 'create session', after: { name: session.name, candidates: session.candidateIds.length, blind: session.blind } });
    return session;
  });
}

/**
 * A session definition applied from the chair's event stream (connected mode): the chair's machine checked its name
 * against its sessions; a name this machine also uses (a practice session of a member's own) does not refuse it.
 */
interface FromChair {
  fromChair?: boolean;
}

/** The names of a cycle's sessions other than `except`. */
async function otherSessionNames(db: LevelsetDatabase, cycleId: string, except: string | null): Promise<string[]> {
  return (await db.sessions.where('cycleId').equals(cycleId).toArray()).filter((s) => s.id !== except).map((s) => s.name);
}

/** What a chair may change in a session after creating it (connected mode carries it as session.update). */
export type SessionDefinition = Pick<NewSession, 'name' | 'members' | 'candidateIds' | 'orderMode' | 'timeboxMinutes'>;

/**
 * Changes a session's name, committee, candidates, order or timebox. Refused
 * once finalized, and for a candidate who already has a decision here
 * (removing them would orphan it). Votes of a member or candidate taken off
 * stay in storage and count again if they are put back.
 */
export async function updateSession(db: LevelsetDatabase, sessionId: string, change: SessionDefinition, at: string, { fromChair = false }: FromChair = {}): Promise<Session> {
  return runCommand(db, { name: 'change session', at }, async (ctx) => {
    const session = await liveSession(db, sessionId);
    const problems = sessionProblems({ ...change, cycleId: session.cycleId, blind: session.blind }, fromChair ? [] : await otherSessionNames(db, session.cycleId, sessionId));
    const first = Object.values(problems)[0];
    if (first) throw new Error(first);
    const decided = await db.decisions.where('sessionId').equals(sessionId).toArray();
    const dropped = decided.find((d) => !change.candidateIds.includes(d.candidateId));
    if (dropped) throw new Error('A candidate with a decision in this session cannot be taken out of it.');
    const next = { ...session, name: change.name.trim(), members: change.members, candidateIds: change.candidateIds, orderMode: change.orderMode, timeboxMinutes: change.timeboxMinutes };
    const before = { name: session.name, members: session.members.length, candidates: session.candidateIds.length, orderMode: session.orderMode, timeboxMinutes: session.timeboxMinutes };
    const after = { name: next.name, members: next.members.length, candidates: next.candidateIds.length, orderMode: next.orderMode, timeboxMinutes: next.timeboxMinutes };
    const saved = await ctx.put('sessions', { ...next, updatedAt: at });
    ctx.describe({ entityType: 'session', entityId: sessionId, action: 'change session', before, after });
    return saved;
  });
}

/**
 * Takes one candidate off a session's list (updateSession: audited, refused once they have a decision here), from the
 * session as stored. A blind session's page shows its name with names withheld: the list change must not write
 * that shown name over the stored one.
 */
export async function takeOutOfSession(db: LevelsetDatabase, sessionId: string, candidateId: string, at: string): Promise<Session> {
  const row = await db.sessions.get(sessionId);
  if (!row) throw new Error('That session no longer exists.');
  const { name, members, candidateIds, orderMode, timeboxMinutes } = withSessionDefaults(row);
  return updateSession(db, sessionId, { name, members, candidateIds: candidateIds.filter((id) => id !== candidateId), orderMode, timeboxMinutes }, at);
}

/**
 * The chair's edit of a session's details (edit-session-form.tsx): its name,
 * committee and timebox, through updateSession (checked and audited as a
 * session change), the stored candidates and order kept. `name` null keeps
 * the stored name: a blind session's form shows it with names withheld
 * ("Follow-up for [name withheld]"), and a name left as shown must not be
 * written over the stored one.
 */
export async function editSessionDetails(
  db: LevelsetDatabase,
  sessionId: string,
  details: { name: string | null; members: CommitteeMember[]; timeboxMinutes: number },
  at: string,
): Promise<Session> {
  const row = await db.sessions.get(sessionId);
  if (!row) throw new Error('That session no longer exists.');
  const { name, members, candidateIds, orderMode } = withSessionDefaults(row);
  const refused = connectedEditRefusal((await db.connections.get(row.cycleId))?.identity, members, details.members);
  if (refused) throw new Error(refused);
  return updateSession(db, sessionId, { name: details.name ?? name, members: details.members, candidateIds, orderMode, timeboxMinutes: details.timeboxMinutes }, at);
}

/** Why a member's app in a connected cycle does not hide or reveal names. */
export const BLIND_CHAIR_ONLY = 'In a connected session only the chair hides or reveals names, for the whole committee; this app follows the chair’s setting.';

/**
 * What setBlind did, for the chair's status message: `unchanged` when the
 * session already was so (changed in another window), and then nothing,
 * not even the reason, is recorded. Names hidden in level order also say
 * what became of the review order (pseudonymOrder): re-done by pseudonym
 * (`hidden-by-pseudonym`), or kept because the review has begun
 * (`hidden-order-kept`); `hidden` when the order was not the names' to
 * begin with (shuffled, set by hand, already by pseudonym).
 */
export type BlindChange = 'unchanged' | 'revealed' | 'hidden' | 'hidden-by-pseudonym' | 'hidden-order-kept';

/**
 * Blind mode on or off. Turning it off is the chair's reveal: audited as
 * such (the entry names who acted) and kept in the session's history with
 * the reason, if one is given.
 */
export async function setBlind(db: LevelsetDatabase, sessionId: string, blind: boolean, at: string, reason = '', { fromChair = false }: FromChair = {}): Promise<BlindChange> {
  return runCommand(db, { name: blind ? 'hide names (blind mode)' : 'reveal names', at }, async (ctx): Promise<BlindChange> => {
    const session = await liveSession(db, sessionId);
    // In a connected cycle the setting is the committee's: the chair's app sends it (session.update), and only there
    // may it change. A trial's member revealed the names on their own screen while the chair's was blind.
    const connection = fromChair ? undefined : await db.connections.get(session.cycleId);
    if (connection && connection.identity.role !== 'chair' && connection.identity.role !== 'manager') throw new Error(BLIND_CHAIR_ONLY);
    if (session.blind === blind) return 'unchanged';
    // Both ways are kept: a trial's book listed the reveal last while the cover said the names were hidden again.
    const history = [...session.history, event(blind ? 'names-hidden' : 'names-revealed', at, ctx.actor, reason.trim())];
    const order = blind ? await pseudonymOrder(db, session) : { candidateIds: session.candidateIds, change: 'revealed' as const };
    const candidateIds = order.candidateIds;
    await ctx.put('sessions', { ...session, blind, history, candidateIds, updatedAt: at });
    ctx.describe({
      entityType: 'session',
      entityId: sessionId,
      action: blind ? 'hide names (blind mode)' : 'reveal names',
      before: { blind: session.blind },
      after: blind ? { blind, ...(candidateIds.join('\n') === session.candidateIds.join('\n') ? {} : { order: 'by pseudonym within each level' }) } : reason.trim() ? { blind, reason: reason.trim() } : { blind },
    });
    return order.change;
  });
}

/**
 * The review order of a session whose names are being hidden: a session in
 * level order was ordered by name within each level, which tells the room
 * who each pseudonym is; before anything is reviewed (no vote, no decision)
 * it takes the order a blind session is created with (reviewOrder, by
 * pseudonym). Once the review has begun the order stays, so nobody's place
 * moves under the committee; `change` says which happened (BlindChange).
 */
async function pseudonymOrder(db: LevelsetDatabase, session: SessionRow): Promise<{ candidateIds: string[]; change: Exclude<BlindChange, 'unchanged' | 'revealed'> }> {
  const asIs = (change: 'hidden' | 'hidden-order-kept') => ({ candidateIds: session.candidateIds, change });
  if (session.orderMode !== 'by-level') return asIs('hidden');
  const [votes, decisions] = await Promise.all([db.votes.where('sessionId').equals(session.id).count(), db.decisions.where('sessionId').equals(session.id).count()]);
  const cycle = await db.cycles.get(session.cycleId);
  const framework = cycle ? await db.frameworks.get(cycle.frameworkVersionId) : undefined;
  const candidates = (await db.candidates.bulkGet(session.candidateIds)).filter((c) => c !== undefined);
  if (!framework || candidates.length !== session.candidateIds.length) return asIs('hidden');
  const byPseudonym = reviewOrder(framework, candidates, 'by-level', undefined, session.id).map((c) => c.id);
  if (votes === 0 && decisions === 0) return { candidateIds: byPseudonym, change: 'hidden-by-pseudonym' };
  // A session created blind (then revealed) is in this order already: nothing was kept from the names.
  return asIs(byPseudonym.join('\n') === session.candidateIds.join('\n') ? 'hidden' : 'hidden-order-kept');
}

/**
 * Reveals one candidate's pre-votes to the room. From then on those
 * pre-votes are locked: a change is a correction with a reason
 * (correctPreVote), so "before the discussion" stays what it was.
 */
export async function revealPreVotes(db: LevelsetDatabase, sessionId: string, candidateId: string, at: string): Promise<void> {
  await runCommand(db, { name: 'reveal pre-votes', at }, async (ctx) => {
    const session = await liveSession(db, sessionId);
    if (!session.candidateIds.includes(candidateId)) throw new Error('That candidate is not reviewed in this session.');
    if (session.revealedPreVotes.includes(candidateId)) return;
    await ctx.put('sessions', { ...session, revealedPreVotes: [...session.revealedPreVotes, candidateId], updatedAt: at });
    const cast = await db.votes.where('[sessionId+candidateId]').equals([sessionId, candidateId]).filter((v) => v.phase === 'pre').count();
    ctx.describe({ entityType: 'session', entityId: `${sessionId}:${candidateId}`, action: 'reveal pre-votes', before: { revealed: false }, after: { revealed: true, preVotes: cast } });
  });
}

export function voteId(sessionId: string, candidateId: string, memberId: string, phase: Vote['phase']): string {
  return `${sessionId}:${candidateId}:${memberId}:${phase}`;
}

/**
 * A vote for Promote to another level names the level, and that level is a
 * promotion from the candidate's current level (the rule decisions follow),
 * other than the target (that is plain Promote). Null when the vote is fine.
 */
async function voteLevelProblem(
  db: LevelsetDatabase,
  session: Session,
  candidateId: string,
  outcome: Outcome,
  levelId: string | null,
  /** The packet the session reviews of the candidate (reviewedPacketOf): its level is the one Promote gives. */
  reviewed: Awaited<ReturnType<typeof reviewedPacketOf>>,
): Promise<string | null> {
  if (outcome !== 'promote-other') return null;
  if (levelId === null) return 'Choose the level for Promote to another level; the vote names it.';
  const stored = await db.candidates.get(candidateId);
  const candidate = stored && asReviewed(stored, reviewed);
  const cycle = await db.cycles.get(session.cycleId);
  const framework = cycle ? await db.frameworks.get(cycle.frameworkVersionId) : undefined;
  if (!candidate || !framework) return 'The candidate or the framework version of this cycle is missing.';
  if (levelId === candidate.targetLevelId) return 'That is the target level; vote Promote instead.';
  return promotionLevelProblem(framework, candidate.currentLevelId, levelId, 'The level voted for');
}

const CORRECT_HINT = 'To fix a mistake, use “Correct pre-vote” and give the reason; the correction is kept in the record beside the vote as cast.';

export async function recordVote(
  db: LevelsetDatabase,
  input: { sessionId: string; candidateId: string; memberId: string; phase: Vote['phase']; outcome: Outcome; levelId?: string | null },
  at: string,
  /**
   * A sealed vote of a connected cycle, revealed now: its commitment proves it was cast before the lock (renderer/db/connected).
   * `packet`: the revision the vote was cast on, as the voter's app named it (connected events; packetActedOn).
   */
  options: { committedBeforeLock?: boolean; packet?: PacketRef } = {},
): Promise<Vote> {
  return runCommand(db, { name: input.phase === 'pre' ? 'pre-vote' : 'final vote', at }, async (ctx) => {
    const session = await liveSession(db, input.sessionId);
    const member = session.members.find((m) => m.id === input.memberId);
    if (!member) throw new Error('That member is not on this committee.');
    if (!session.candidateIds.includes(input.candidateId)) throw new Error('That candidate is not reviewed in this session.');
    if (input.phase === 'pre' && !options.committedBeforeLock) {
      const [final, decision] = await Promise.all([db.votes.get(voteId(input.sessionId, input.candidateId, input.memberId, 'post')), db.decisions.get(decisionId(input.sessionId, input.candidateId))]);
      const lock = preVoteLock(session, input.candidateId, { finalVoteCast: !!final, decided: !!decision });
      if (lock === 'revealed') throw new Error(`The pre-votes for this candidate have been revealed, so ${member.name}’s pre-vote is locked as it stood before the discussion. ${CORRECT_HINT}`);
      if (lock === 'final-vote') throw new Error(`${member.name} has cast a final vote, so their pre-vote is locked as it stood before the discussion. ${CORRECT_HINT}`);
      if (lock === 'decided')
        throw new Error(`The decision for this candidate is recorded, so the discussion is over: ${member.name}’s pre-vote can no longer be cast or changed. To fix a mistake in a pre-vote cast before it, reveal the pre-votes and use “Correct pre-vote” with the reason.`);
    }
    // Only Promote to another level names a level.
    const levelId = input.outcome === 'promote-other' ? (input.levelId ?? null) : null;
    const id = voteId(input.sessionId, input.candidateId, input.memberId, input.phase);
    // The revision voted on, as the session reviews it now or as the voter's app named it (a packet resubmitted later
    // does not change the vote's), read with the vote it replaces: one round trip, not two, before the click is confirmed.
    const [{ ref: packet, row: reviewed }, before] = await Promise.all([packetActedOn(db, input.candidateId, options.packet), db.votes.get(id)]);
    const levelProblem = await voteLevelProblem(db, session, input.candidateId, input.outcome, levelId, reviewed);
    if (levelProblem) throw new Error(levelProblem);
    // The vote as it stands (Space on the chosen option, a second click) on the same revision: nothing changed, so
    // nothing is written or audited. The same vote cast again on a resubmitted revision is now made on that one.
    if (before && before.outcome === input.outcome && before.levelId === levelId && before.packet?.id === packet?.id) return before;
    const vote = await ctx.put('votes', {
      ...input,
      levelId,
      id,
      ...(before?.corrections ? { corrections: before.corrections } : {}),
      ...(packet ? { packet } : {}),
      createdAt: before?.createdAt ?? at,
      updatedAt: at,
    });
    if (session.status === 'planned') await ctx.put('sessions', { ...session, status: 'live', updatedAt: at });
    ctx.describe({
      entityType: 'vote',
      entityId: id,
      action: input.phase === 'pre' ? 'pre-vote' : 'final vote',
      before: before ? { outcome: before.outcome, levelId: before.levelId } : null,
      after: { outcome: vote.outcome, levelId: vote.levelId },
    });
    return vote;
  });
}

export interface PreVoteCorrection {
  sessionId: string;
  candidateId: string;
  memberId: string;
  outcome: Outcome;
  levelId?: string | null;
  reason: string;
}

/**
 * Corrects a member's pre-vote with a reason: the vote takes the corrected
 * outcome and keeps what it was, when, by whom and why, so "How votes
 * moved" and the decision book show it as a correction, never as the vote
 * as cast. The only way to change a locked pre-vote.
 */
export async function correctPreVote(db: LevelsetDatabase, input: PreVoteCorrection, at: string): Promise<Vote> {
  const reason = input.reason.trim();
  return runCommand(db, { name: 'correct pre-vote', at }, async (ctx) => {
    const session = await liveSession(db, input.sessionId);
    const member = session.members.find((m) => m.id === input.memberId);
    if (!member) throw new Error('That member is not on this committee.');
    if (!session.candidateIds.includes(input.candidateId)) throw new Error('That candidate is not reviewed in this session.');
    const id = voteId(input.sessionId, input.candidateId, input.memberId, 'pre');
    const before = await db.votes.get(id);
    if (!before) throw new Error(`${member.name} cast no pre-vote for this candidate, so there is nothing to correct. A pre-vote is cast before the discussion.`);
    const levelId = input.outcome === 'promote-other' ? (input.levelId ?? null) : null;
    const levelProblem = await voteLevelProblem(db, session, input.candidateId, input.outcome, levelId, await reviewedPacketOf(db, input.candidateId));
    if (levelProblem) throw new Error(levelProblem);
    const problem = preVoteCorrectionProblem(input, before);
    if (problem) throw new Error(problem.text);
    const correction = { at, by: ctx.actor, from: { outcome: before.outcome, levelId: before.levelId }, reason };
    const vote = await ctx.put('votes', { ...before, outcome: input.outcome, levelId, corrections: [...(before.corrections ?? []), correction], updatedAt: at });
    ctx.describe({
      entityType: 'vote',
      entityId: id,
      action: 'correct pre-vote',
      before: { outcome: before.outcome, levelId: before.levelId },
      after: { outcome: vote.outcome, levelId: vote.levelId, reason },
    });
    return vote;
  });
}

export function decisionId(sessionId: string, candidateId: string): string {
  return `${sessionId}:${candidateId}`;
}

export interface DecisionDraft {
  sessionId: string;
  candidateId: string;
  outcome: Outcome;
  newLevelId: string | null;
  rationale: string;
  citedCriterionIds: string[];
  nextSteps: string[];
  dissent: string;
  /**
   * The saved decision this one was written over: its `updatedAt`, or null
   * when there was none. Given, a save over a decision saved since (another
   * window, a restored backup) is refused instead of replacing it unseen.
   */
  over?: string | null;
  /**
   * The words the form left as it showed them (keptText): they keep the
   * stored text, which in a blind session differs from what was shown. Only
   * used over the decision the form started from (`over`).
   */
  kept?: KeptText;
}

/**
 * Records or changes a decision; refuses invalid input (shared/calibration/decision-helpers.ts
 * validateDecision: rationale, a level that is a promotion, next steps for Not yet
 * and Defer) with the reasons. The first decision puts a planned session live,
 * as the first vote does: a session can be decided without votes.
 */
/** A decision as saveDecision left it; `unchanged` when it was saved again as it stood, so nothing was written. */
export type SavedDecision = Decision & { unchanged?: true };

/**
 * `Decision.earlier` after a change: a decision of a finalized record (decided before the last reopen) changed after
 * it keeps what it was then, once per reopen; a further change in the same reopen adds what it changed to that entry
 * (a rationale reworded, then the outcome changed, is one entry naming both), so the entry's outcome stays the
 * finalized one.
 */
function keptAfterReopen(session: Pick<Session, 'history'>, before: Decision | undefined, changed: EarlierChange[], when: string): EarlierDecision[] {
  const kept = before?.earlier ?? [];
  const reopenedAt = (session.history ?? []).filter((e) => e.action === 'reopened').at(-1)?.at;
  if (!before || changed.length === 0 || reopenedAt === undefined) return kept;
  const i = kept.findIndex((e) => notBefore(e.changedAt, reopenedAt));
  if (i >= 0) {
    const all = new Set([...earlierChanges(kept[i]!), ...changed]);
    return kept.map((e, j) => (j === i ? { ...e, changed: EARLIER_CHANGES.filter((c) => all.has(c)) } : e));
  }
  if (notBefore(before.decidedAt, reopenedAt)) return kept;
  return [...kept, { outcome: before.outcome, newLevelId: before.newLevelId, decidedAt: before.decidedAt, changedAt: when, changed }];
}

export async function saveDecision(db: LevelsetDatabase, input: DecisionDraft, at: string, options: { fromChair?: boolean; packet?: PacketRef } = {}): Promise<SavedDecision> {
  return runCommand(db, { name: 'decide', at }, async (ctx) => {
    const session = await liveSession(db, input.sessionId);
    const id = decisionId(input.sessionId, input.candidateId);
    const { before, draft } = await decisionOverStored(db, session, input, options);
    const stored = await db.candidates.get(draft.candidateId);
    if (!stored || !session.candidateIds.includes(stored.id)) throw new Error('That candidate is not reviewed in this session.');
    // The revision decided on, as the session reviews it or as the chair's app named it (a packet reopened or
    // resubmitted later does not change it), and the level it was submitted for: a target chosen after a reopen is the
    // draft's, not this decision's.
    const { ref: packet, row: reviewed } = await packetActedOn(db, stored.id, options.packet);
    const candidate = asReviewed(stored, reviewed);
    const cycle = await db.cycles.get(session.cycleId);
    const framework = cycle ? await db.frameworks.get(cycle.frameworkVersionId) : undefined;
    if (!framework) throw new Error('The framework version of this cycle is missing.');
    const check = validateDecision({ framework, currentLevelId: candidate.currentLevelId, targetLevelId: candidate.targetLevelId, ...draft });
    if (!check.ok) throw new Error(check.errors.map((e) => e.message).join(' '));
    const newLevelId = draft.outcome === 'promote' ? candidate.targetLevelId : draft.outcome === 'promote-other' ? draft.newLevelId : null;
    const view = (d: Pick<Decision, 'outcome' | 'newLevelId' | 'rationale' | 'citedCriterionIds' | 'nextSteps' | 'dissent'>) => ({
      outcome: d.outcome,
      newLevelId: d.newLevelId,
      rationale: d.rationale,
      citedCriterionIds: d.citedCriterionIds,
      nextSteps: d.nextSteps,
      dissent: d.dissent,
    });
    // The decision as it stands, saved again on the same revision (Change decision, then Save with no edit): nothing
    // changed, so nothing is written or audited, as for a vote cast again (a trial found "change decision" entries
    // whose before and after were the same).
    if (before && before.packet?.id === packet?.id && JSON.stringify(view(before)) === JSON.stringify(view({ ...draft, rationale: draft.rationale.trim(), newLevelId }))) return { ...before, unchanged: true };
    // The clock may have gone back since the decision was made: like the audit trail (run-command.ts appendEntry), its times
    // never go back, so a change is dated no earlier than the decision it changes (and never before its creation).
    const when = [before?.createdAt, before?.decidedAt].reduce<string>((latest, t) => (t !== undefined && !notBefore(latest, t) ? t : latest), at);
    const changed = before ? decisionChanges(before, { ...draft, newLevelId, rationale: draft.rationale.trim() }) : [];
    // Decided when its outcome was chosen, on the revision it rests on: a rationale reworded later (a trial rewrote one
    // after a reopen and the book said "decided" on the rewrite's day) keeps the day and the recorder; the rewrite is
    // dated on the decision (Decision.earlier) and in the trail.
    const redecided = !before || changed.includes('outcome') || before.packet?.id !== packet?.id;
    const earlier = keptAfterReopen(session, before, changed, when);
    const decision = await ctx.put('decisions', {
      ...draft,
      ...(earlier.length > 0 ? { earlier } : {}),
      ...(packet ? { packet } : {}),
      rationale: draft.rationale.trim(),
      newLevelId,
      id,
      locked: false,
      decidedAt: redecided ? when : before.decidedAt,
      ...(redecided ? { decidedBy: ctx.actor } : before.decidedBy ? { decidedBy: before.decidedBy } : {}),
      createdAt: before?.createdAt ?? at,
      updatedAt: when,
    });
    if (session.status === 'planned') await ctx.put('sessions', { ...session, status: 'live', updatedAt: at });
    ctx.describe({ entityType: 'decision', entityId: id, action: before ? 'change decision' : 'decide', before: before ? view(before) : null, after: view(decision) });
    return decision;
  });
}

/**
 * Finalizes: every decision is locked, the session becomes read-only, and
 * what it decided on is frozen in its record (shared/calibration/session-record.ts)
 * with who finalized it; the history keeps the finalization.
 */
export async function finalizeSession(db: LevelsetDatabase, sessionId: string, at: string): Promise<void> {
  await runCommand(db, { name: 'finalize', at }, async (ctx) => {
    const session = await liveSession(db, sessionId);
    const ids = session.candidateIds;
    const cycle = await db.cycles.get(session.cycleId);
    const framework = cycle ? await db.frameworks.get(cycle.frameworkVersionId) : undefined;
    if (!cycle || !framework) throw new Error('The cycle or framework version of this session is missing.');
    const [candidates, packets, evidence, votes, decisions] = await Promise.all([
      db.candidates.bulkGet(ids),
      db.packets.where('candidateId').anyOf(ids).toArray(),
      db.evidence.where('candidateId').anyOf(ids).toArray(),
      db.votes.where('sessionId').equals(sessionId).toArray(),
      db.decisions.where('sessionId').equals(sessionId).toArray(),
    ]);
    const undecided = ids.filter((id) => !decisions.some((d) => d.candidateId === id));
    if (undecided.length > 0) throw new Error(`${undecided.length === 1 ? '1 candidate has' : `${plural(undecided.length, 'candidate')} have`} no decision yet. Decide every candidate (Defer is a decision) before finalizing.`);
    const locked = await ctx.bulkPut('decisions', decisions.map((d) => ({ ...d, locked: true, updatedAt: at })));
    const record = takeSessionRecord({
      session,
      framework,
      cycle,
      candidates: candidates.filter((c) => c !== undefined),
      packets,
      evidence,
      votes,
      decisions: locked,
      at,
      by: ctx.actor,
    });
    // Finalizing shows every pre-vote (in the record and the book), so it reveals them: a reopen keeps them shown and locked.
    const revealedPreVotes = [...new Set([...session.revealedPreVotes, ...ids])];
    await ctx.put('sessions', { ...session, status: 'finalized', finalizedAt: at, revealedPreVotes, record, history: [...session.history, event('finalized', at, ctx.actor)], updatedAt: at });
    ctx.describe({ entityType: 'session', entityId: sessionId, action: 'finalize', before: { status: session.status }, after: { status: 'finalized', decisions: decisions.length, by: ctx.actor } });
  });
}

/**
 * Reopens a finalized session; the reason is required, audited and kept in
 * the history. The frozen record is cleared (the finalize entry in the audit
 * trail keeps it); finalizing again takes a new one.
 */
export async function reopenSession(db: LevelsetDatabase, sessionId: string, reason: string, at: string): Promise<void> {
  if (!reason.trim()) throw new Error('Say why the session is reopened; the reason is kept in the audit trail.');
  await runCommand(db, { name: 'reopen', at }, async (ctx) => {
    const row = await db.sessions.get(sessionId);
    if (!row) throw new Error('That session no longer exists.');
    const session = withSessionDefaults(row);
    if (session.status !== 'finalized') throw new Error('Only a finalized session can be reopened.');
    const decisions = await db.decisions.where('sessionId').equals(sessionId).toArray();
    await ctx.bulkPut('decisions', decisions.map((d) => ({ ...d, locked: false, updatedAt: at })));
    const history = [...session.history, event('reopened', at, ctx.actor, reason.trim())];
    await ctx.put('sessions', { ...session, status: 'live', finalizedAt: null, reopenReason: reason.trim(), record: null, history, updatedAt: at });
    ctx.describe({ entityType: 'session', entityId: sessionId, action: 'reopen', before: { status: 'finalized' }, after: { status: 'live', reason: reason.trim(), by: ctx.actor } });
  });
}
