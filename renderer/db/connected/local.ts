/**
 * This member's own actions in a connected cycle. Each one writes locally
 * and queues its event in the outbox in ONE transaction:
 *
 * - A sealed vote (every pre-vote; final votes unless the chair set them
 *   open) is kept on this machine only, sealed at rest with its salt
 *   (`ownVotes`), so the member sees it; the outbox holds only the
 *   commitment. The vote reaches the records (here and everywhere) when the
 *   chair reveals and the reveal comes back from the stream.
 * - An open final vote and the chair's actions apply here at once, through
 *   the same code as events from the stream (apply-event.ts), so working
 *   offline feels the same; when the event comes back from the server it is
 *   recognised by its message id and only gets its stream sequence.
 *
 * Conflicts: the stream's order decides. An action applied here first and
 * ordered later by the server (say a member's vote that reached the server
 * after the chair's finalize) is refused on the other machines; docs/ notes
 * this (docs/CONNECTED.md), and the `applied` table keeps every refusal with its reason.
 */
import { commitTo, newSalt } from '../../../shared/connected/commitment';
import { definitionDigest, makeEvent, streamName, type ConnectedEvent, type EventDraft, type VoteValue } from '../../../shared/connected/events';
import { sealedVoteKey, type ConnectionSettings, type OwnVoteRow } from '../../../shared/connected/state';
import type { Outcome, PacketRef } from '../../../shared/domain';
import type { LevelsetDatabase } from '../database';
import { packetActedOn } from '../reviewed-reads';
import { decisionOverStored, type DecisionDraft } from '../sessions';
import { runCommand, withCommandSource } from '../write/run-command';
import { actorLabel, applyEvent, roundRevealed } from './apply-event';
import { record } from './apply-stream';
import { enqueue } from './outbox';

async function connectedSession(db: LevelsetDatabase, sessionId: string) {
  const session = await db.sessions.get(sessionId);
  if (!session) throw new Error('That session no longer exists.');
  const connection = await db.connections.get(session.cycleId);
  if (!connection) throw new Error('This cycle is not connected: set up its connection first.');
  return { session, connection };
}

function actorOf(connection: ConnectionSettings) {
  return { memberId: connection.identity.memberId, role: connection.identity.role };
}

function voteValue(outcome: Outcome, levelId: string | null | undefined): VoteValue {
  return { outcome, levelId: outcome === 'promote-other' ? (levelId ?? null) : null };
}

/** Applies this member's event here and queues it, in one transaction; a refusal throws and nothing is kept. */
async function actLocally(db: LevelsetDatabase, draft: EventDraft): Promise<ConnectedEvent> {
  const event = makeEvent(draft);
  const session = await db.sessions.get(event.sessionId);
  return withCommandSource(db, { actor: actorLabel(session, event), stream: { name: streamName(event.cycleId), seq: null, msgId: event.msgId } }, async (state) => {
    // Queued first: applying a reveal queues this member's own reveal, which must be published after it.
    await enqueue(db, state, event, event.createdAt);
    const result = await applyEvent(db, state, event);
    if (result.outcome !== 'applied') throw new Error(result.reason ?? 'The action could not be applied.');
    await record(state, event, null, 'applied', '');
    return event;
  });
}

/** The revision this app's session reviews of a candidate, which its screen shows: named in the vote or decision (events.ts `packet`). */
async function shownPacket(db: LevelsetDatabase, candidateId: string): Promise<{ packet?: PacketRef }> {
  const { ref } = await packetActedOn(db, candidateId);
  return ref ? { packet: ref } : {};
}

export interface SealedVoteInput {
  sessionId: string;
  candidateId: string;
  phase: 'pre' | 'post';
  outcome: Outcome;
  levelId?: string | null;
}

/** Casts (or changes, before the reveal) this member's sealed vote: kept here, only its commitment is queued. */
export async function castSealedVote(db: LevelsetDatabase, input: SealedVoteInput, at: string): Promise<OwnVoteRow> {
  const { session, connection } = await connectedSession(db, input.sessionId);
  const memberId = connection.identity.memberId;
  if (connection.identity.role === 'manager' || !session.members.some((m) => m.id === memberId)) throw new Error('You are not on this committee, so you cannot vote in it.');
  if (!session.candidateIds.includes(input.candidateId)) throw new Error('That candidate is not reviewed in this session.');
  if (session.status === 'finalized') throw new Error("This session is finalized: its votes are read-only.");
  if (await roundRevealed(db, session, input.candidateId, input.phase)) throw new Error('These votes are already revealed, so your sealed vote can no longer be cast or changed.');
  if (input.phase === 'post' && (await db.sessionModes.get(session.id))?.finalVotes === 'open') throw new Error('Final votes in this session are open: cast your final vote openly.');
  const vote = voteValue(input.outcome, input.levelId);
  const salt = newSalt();
  const where = { sessionId: session.id, candidateId: input.candidateId, memberId, phase: input.phase };
  const commitment = commitTo({ ...where, vote }, salt);
  const event = makeEvent({ type: 'vote.commit', cycleId: session.cycleId, sessionId: session.id, actor: actorOf(connection), createdAt: at, candidateId: input.candidateId, phase: input.phase, commitment, ...(await shownPacket(db, input.candidateId)) });
  return runCommand(db, { name: 'sealed vote', at }, async (ctx) => {
    // The cast it replaces is kept: if this change reaches the committee only after the reveal, the reveal opens that one.
    const before = await db.ownVotes.get(sealedVoteKey(where));
    const earlier = before ? [...(before.earlier ?? []), { vote: before.vote, salt: before.salt, commitment: before.commitment, castAt: before.castAt }].slice(-20) : [];
    const own = await ctx.putState('ownVotes', { id: sealedVoteKey(where), cycleId: session.cycleId, ...where, vote, salt, commitment, castAt: at, ...(earlier.length > 0 ? { earlier } : {}) });
    await enqueue(db, { put: (t, r) => ctx.putState(t, r), delete: (t, k) => ctx.deleteState(t, k) }, event, at);
    return own;
  });
}

/** Casts this member's final vote openly (when the chair has set final votes open). */
export async function castOpenVote(db: LevelsetDatabase, input: { sessionId: string; candidateId: string; outcome: Outcome; levelId?: string | null }, at: string): Promise<ConnectedEvent> {
  const { session, connection } = await connectedSession(db, input.sessionId);
  return actLocally(db, { type: 'vote.open', cycleId: session.cycleId, sessionId: session.id, actor: actorOf(connection), createdAt: at, candidateId: input.candidateId, vote: voteValue(input.outcome, input.levelId), ...(await shownPacket(db, input.candidateId)) });
}

/** The chair sets whether this session's final votes are sealed or open. */
export async function chairSetFinalVotes(db: LevelsetDatabase, sessionId: string, mode: 'sealed' | 'open', at: string): Promise<ConnectedEvent> {
  const { session, connection } = await connectedSession(db, sessionId);
  return actLocally(db, { type: 'final-votes.mode', cycleId: session.cycleId, sessionId, actor: actorOf(connection), createdAt: at, mode });
}

/** The chair reveals a candidate's sealed votes of one phase (for pre-votes: reveal pre-votes). */
export async function chairRevealVotes(db: LevelsetDatabase, sessionId: string, candidateId: string, phase: 'pre' | 'post', at: string): Promise<ConnectedEvent> {
  const { session, connection } = await connectedSession(db, sessionId);
  return actLocally(db, { type: 'votes.reveal', cycleId: session.cycleId, sessionId, actor: actorOf(connection), createdAt: at, candidateId, phase });
}

export async function chairDecide(db: LevelsetDatabase, draft: DecisionDraft, at: string): Promise<ConnectedEvent> {
  const { session, connection } = await connectedSession(db, draft.sessionId);
  // Checked here, on the chair's own copy, not when the event is applied: every app applies the chair's decisions as they come.
  const { candidateId, outcome, newLevelId, rationale, citedCriterionIds, nextSteps, dissent } = (await decisionOverStored(db, session, draft)).draft;
  return actLocally(db, { type: 'decision', cycleId: session.cycleId, sessionId: session.id, actor: actorOf(connection), createdAt: at, candidateId, outcome, newLevelId, rationale, citedCriterionIds, nextSteps, dissent, ...(await shownPacket(db, candidateId)) });
}

/**
 * The chair finalizes. Refused while a candidate has sealed votes the chair has not revealed: finalizing freezes the
 * record, and a trial's chair who decided without revealing a sealed pre-vote left it "waiting for their app to reveal
 * it" on every screen for good, and "none" in the CSV (the apps publish a sealed vote only when its round is revealed).
 */
export async function chairFinalize(db: LevelsetDatabase, sessionId: string, at: string): Promise<ConnectedEvent> {
  const { session, connection } = await connectedSession(db, sessionId);
  const unrevealed = new Map<string, Set<'pre' | 'post'>>();
  for (const c of await db.commitments.where('sessionId').equals(sessionId).toArray()) {
    if (c.state !== 'committed' || !session.candidateIds.includes(c.candidateId) || (await roundRevealed(db, session, c.candidateId, c.phase))) continue;
    unrevealed.set(c.candidateId, (unrevealed.get(c.candidateId) ?? new Set()).add(c.phase));
  }
  if (unrevealed.size > 0) {
    const phases = new Set([...unrevealed.values()].flatMap((p) => [...p]));
    const which = [phases.has('pre') ? 'pre-votes' : '', phases.has('post') ? 'final votes' : ''].filter(Boolean).join(' and ');
    throw new Error(
      `${unrevealed.size === 1 ? '1 candidate has' : `${unrevealed.size} candidates have`} sealed ${which} not yet revealed. Reveal them on ${unrevealed.size === 1 ? 'that candidate' : 'those candidates'} before finalizing: the record is frozen when the session is finalized, and a vote still sealed then is never in it.`,
    );
  }
  return actLocally(db, { type: 'session.finalize', cycleId: session.cycleId, sessionId, actor: actorOf(connection), createdAt: at });
}

export async function chairReopen(db: LevelsetDatabase, sessionId: string, reason: string, at: string): Promise<ConnectedEvent> {
  if (!reason.trim()) throw new Error('Say why the session is reopened; the reason is kept in the audit trail.');
  const { session, connection } = await connectedSession(db, sessionId);
  return actLocally(db, { type: 'session.reopen', cycleId: session.cycleId, sessionId, actor: actorOf(connection), createdAt: at, reason: reason.trim() });
}

/**
 * The chair opens this cycle's sessions to the committee and carries later
 * changes to them: one session.open per session not yet opened from here
 * (so a member's app that started empty creates the same sessions), and a
 * session.update, with the next revision, for an opened session whose
 * definition (name, members, candidates, order, timebox) differs from the
 * one last sent. The open is dated with the session's creation, so it is
 * the same event however often this runs (on every connect, after each
 * change); nothing is queued when nothing changed. Returns the events queued.
 * Each session is its own transaction, so when a later one fails the earlier
 * ones stay queued: `onQueued` hears of each as it commits, before the error.
 */
export async function chairOpenSessions(
  db: LevelsetDatabase,
  cycleId: string,
  at: string = new Date().toISOString(),
  onQueued: (event: ConnectedEvent) => void = () => undefined,
): Promise<ConnectedEvent[]> {
  const connection = await db.connections.get(cycleId);
  if (!connection || connection.identity.role !== 'chair') return [];
  const sessions = await db.sessions.where('cycleId').equals(cycleId).toArray();
  const queued: ConnectedEvent[] = [];
  const queue = async (draft: EventDraft) => {
    const event = await actLocally(db, draft);
    queued.push(event);
    onQueued(event);
  };
  for (const session of sessions) {
    // A session finalized before the cycle was connected has no events on the stream: a member's copy would show it as planned and empty.
    if (session.status === 'finalized') continue;
    if (!session.members.some((m) => m.id === connection.identity.memberId && m.role === 'chair')) continue;
    const { name, members, candidateIds, orderMode, timeboxMinutes, blind } = session;
    const open: EventDraft = { type: 'session.open', cycleId, sessionId: session.id, actor: actorOf(connection), createdAt: session.createdAt, name, members, candidateIds, orderMode, timeboxMinutes, blind };
    const mode = await db.sessionModes.get(session.id);
    const opened = mode?.revision !== undefined || (await db.applied.get(makeEvent(open).msgId)) !== undefined;
    if (!opened) {
      await queue(open);
      continue;
    }
    if (mode?.definitionDigest === definitionDigest(session)) continue;
    // Dated no earlier than the session's last change, so a member's trail keeps its order even if this clock is behind.
    const when = at > session.updatedAt ? at : session.updatedAt;
    await queue({ type: 'session.update', cycleId, sessionId: session.id, actor: actorOf(connection), createdAt: when, revision: (mode?.revision ?? 0) + 1, name, members, candidateIds, orderMode, timeboxMinutes, blind });
  }
  return queued;
}
