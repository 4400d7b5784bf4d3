/**
 * What one session event does to this machine's database, through the same
 * session commands a click runs (../sessions.ts): a decision is saveDecision,
 * a finalize is finalizeSession. Runs inside a `withCommandSource`
 * transaction (apply-stream.ts for events from the stream, local.ts for this
 * member's own actions), so the commands record the event's actor and the
 * stream's sequence, and every state write commits with them.
 *
 * Refusals throw `EventRefused`; the caller records them. Who may do what
 * is checked here as well as by the server (defence in depth): chair events
 * only from the session's chair claiming the chair role; votes only from a
 * committee member, as themselves (the subject names them).
 */
import type { CommitteeMember, Session } from '../../../shared/domain';
import { verifyCommitment } from '../../../shared/connected/commitment';
import { definitionDigest, isChairEvent, makeEvent, type ConnectedEvent } from '../../../shared/connected/events';
import { sealedVoteKey, type OwnVoteRow, type SessionModeRow } from '../../../shared/connected/state';
import type { LevelsetDatabase } from '../database';
import { createSession, finalizeSession, recordVote, reopenSession, revealPreVotes, saveDecision, setBlind, updateSession } from '../sessions';
import type { StateWriter } from '../write/run-command';
import { cyclePassphrase } from './connection';
import { enqueue } from './outbox';

/** An event this machine does not apply, with why (a plain sentence, kept in the `applied` table). */
export class EventRefused extends Error {
  override name = 'EventRefused';
}

/** An event that cannot apply YET: kept whole (the `waiting` of its applied row) and tried again, in stream order, when what it needs arrives (apply-stream.ts retryWaiting). */
export class KeptWaiting extends EventRefused {
  override name = 'KeptWaiting';
}

/** An event for a session this machine does not know (yet): applied once its session.open arrives. */
export class SessionUnknown extends KeptWaiting {
  override name = 'SessionUnknown';
}

/** The session's cycle or some of its candidates are not on this machine yet: applied once the chair's copy of the cycle is imported. */
export class CycleDataMissing extends KeptWaiting {
  override name = 'CycleDataMissing';
}

export interface AppliedEvent {
  outcome: 'applied' | 'mismatched';
  reason?: string;
}

/** Who an event names as acting, as the trail records it: the member's name and role, as a profile is written. */
export function actorLabel(session: Pick<Session, 'members'> | undefined, event: ConnectedEvent): string {
  const member = session?.members?.find((m) => m.id === event.actor.memberId);
  return `${member?.name ?? event.actor.memberId} (${event.actor.role})`;
}

async function sessionMode(db: LevelsetDatabase, session: Session): Promise<SessionModeRow> {
  return (await db.sessionModes.get(session.id)) ?? { sessionId: session.id, cycleId: session.cycleId, finalVotes: 'sealed', revealedFinal: [] };
}

/** Whether the chair has revealed a candidate's sealed votes of a phase. */
export async function roundRevealed(db: LevelsetDatabase, session: Session, candidateId: string, phase: 'pre' | 'post'): Promise<boolean> {
  if (phase === 'pre') return (session.revealedPreVotes ?? []).includes(candidateId);
  return (await sessionMode(db, session)).revealedFinal.includes(candidateId);
}

function authorize(session: Session, event: ConnectedEvent): CommitteeMember {
  const member = session.members.find((m) => m.id === event.actor.memberId);
  if (isChairEvent(event)) {
    if (event.actor.role !== 'chair' || member?.role !== 'chair') throw new EventRefused(`Only the chair of ${session.name} may ${event.type === 'decision' ? 'decide' : 'do that'}; this came from someone else and was not applied.`);
    return member;
  }
  if (!member || event.actor.role === 'manager') throw new EventRefused('A vote came from someone who is not on this committee; it was not applied.');
  return member;
}

function live(session: Session): void {
  if (session.status === 'finalized') throw new EventRefused(`${session.name} is finalized; the event came after and was not applied.`);
}

function inSession(session: Session, candidateId: string): void {
  if (!session.candidateIds.includes(candidateId)) throw new EventRefused('That candidate is not reviewed in this session.');
}

/** Applies one valid event (schema and message id already checked). */
export async function applyEvent(db: LevelsetDatabase, state: StateWriter, event: ConnectedEvent): Promise<AppliedEvent> {
  const session = await db.sessions.get(event.sessionId);
  if (event.type === 'session.open') return openSession(db, state, session, event);
  if (!session) throw new SessionUnknown('The event names a session this machine does not have yet; it is kept and applied once the chair’s session arrives.');
  if (session.cycleId !== event.cycleId) throw new EventRefused('The event names a session this machine does not have in that cycle.');
  authorize(session, event);
  const held = (await db.sessionModes.get(session.id))?.held;
  // Events after a change to the session that waits (its candidates are still to come) wait behind it, so they apply in stream order.
  if (held !== undefined && held !== event.msgId) throw new KeptWaiting('It waits behind the chair’s change to this session, whose candidates have not arrived here yet.');
  if (event.type === 'session.update') return changeSession(db, state, session, event);
  const at = event.createdAt;
  switch (event.type) {
    case 'vote.commit': {
      live(session);
      inSession(session, event.candidateId);
      if (await roundRevealed(db, session, event.candidateId, event.phase)) throw new EventRefused('These votes were already revealed, so a sealed vote can no longer be cast or changed.');
      if (event.phase === 'post' && (await sessionMode(db, session)).finalVotes === 'open') throw new EventRefused('Final votes in this session are open, not sealed.');
      const key = sealedVoteKey({ ...event, memberId: event.actor.memberId });
      await state.put('commitments', { id: key, cycleId: event.cycleId, sessionId: event.sessionId, candidateId: event.candidateId, memberId: event.actor.memberId, phase: event.phase, commitment: event.commitment, msgId: event.msgId, committedAt: at, state: 'committed', ...(event.packet ? { packet: event.packet } : {}) });
      return { outcome: 'applied' };
    }
    case 'vote.reveal': {
      if (!(await roundRevealed(db, session, event.candidateId, event.phase))) throw new EventRefused('A vote was revealed before the chair revealed these votes; it was not applied.');
      const key = sealedVoteKey({ ...event, memberId: event.actor.memberId });
      const commitment = await db.commitments.get(key);
      if (!commitment) throw new EventRefused('A vote was revealed that was never sealed before the reveal; it was not counted.');
      if (commitment.state === 'revealed') throw new EventRefused('This vote was already revealed.');
      const vote = { sessionId: event.sessionId, candidateId: event.candidateId, memberId: event.actor.memberId, phase: event.phase, vote: event.vote };
      if (!verifyCommitment(commitment.commitment, vote, event.salt)) {
        await state.put('commitments', { ...commitment, state: 'mismatched' });
        return { outcome: 'mismatched', reason: 'The revealed vote does not match the sealed vote cast before the discussion; it was not counted.' };
      }
      await recordVote(db, { sessionId: event.sessionId, candidateId: event.candidateId, memberId: event.actor.memberId, phase: event.phase, outcome: event.vote.outcome, levelId: event.vote.levelId }, commitment.committedAt, { committedBeforeLock: true, ...(commitment.packet ? { packet: commitment.packet } : {}) });
      await state.put('commitments', { ...commitment, state: 'revealed' });
      return { outcome: 'applied' };
    }
    case 'vote.open': {
      if ((await sessionMode(db, session)).finalVotes !== 'open') throw new EventRefused('Final votes in this session are sealed; an open vote was not applied.');
      await recordVote(db, { sessionId: event.sessionId, candidateId: event.candidateId, memberId: event.actor.memberId, phase: 'post', outcome: event.vote.outcome, levelId: event.vote.levelId }, at, event.packet ? { packet: event.packet } : {});
      return { outcome: 'applied' };
    }
    case 'final-votes.mode': {
      live(session);
      await state.put('sessionModes', { ...(await sessionMode(db, session)), finalVotes: event.mode });
      return { outcome: 'applied' };
    }
    case 'votes.reveal': {
      live(session);
      inSession(session, event.candidateId);
      if (event.phase === 'pre') await revealPreVotes(db, event.sessionId, event.candidateId, at);
      else {
        const mode = await sessionMode(db, session);
        if (!mode.revealedFinal.includes(event.candidateId)) await state.put('sessionModes', { ...mode, revealedFinal: [...mode.revealedFinal, event.candidateId] });
      }
      await queueOwnReveal(db, state, event);
      return { outcome: 'applied' };
    }
    case 'decision': {
      const { sessionId, candidateId, outcome, newLevelId, rationale, citedCriterionIds, nextSteps, dissent } = event;
      await saveDecision(db, { sessionId, candidateId, outcome, newLevelId, rationale, citedCriterionIds, nextSteps, dissent }, at, { fromChair: true, ...(event.packet ? { packet: event.packet } : {}) });
      return { outcome: 'applied' };
    }
    case 'session.finalize':
      await finalizeSession(db, event.sessionId, at);
      return { outcome: 'applied' };
    case 'session.reopen':
      await reopenSession(db, event.sessionId, event.reason, at);
      return { outcome: 'applied' };
  }
}

/**
 * The chair's session, created here under the same id (idempotent: a
 * session already here is left as it is). The server lets only the chair
 * publish under `chair.>` and the stream checks the subject; here the
 * definition must also name its publisher as the chair.
 */
async function openSession(db: LevelsetDatabase, state: StateWriter, existing: Session | undefined, event: Extract<ConnectedEvent, { type: 'session.open' }>): Promise<AppliedEvent> {
  const chair = event.members.find((m) => m.id === event.actor.memberId);
  if (event.actor.role !== 'chair' || chair?.role !== 'chair') throw new EventRefused('A session was opened by someone it does not name as its chair; it was not created.');
  if (existing && existing.cycleId !== event.cycleId) throw new EventRefused('A session with that id already belongs to another cycle.');
  if (!existing) {
    if (!(await db.cycles.get(event.cycleId))) throw new CycleDataMissing('The session’s cycle has not arrived on this machine yet; the session opens as soon as the chair’s copy of the cycle is imported.');
    await needCandidates(db, event.cycleId, event.candidateIds);
    const { cycleId, name, members, candidateIds, orderMode, timeboxMinutes, blind } = event;
    await createSession(db, { cycleId, name, members, candidateIds, orderMode, timeboxMinutes, blind }, event.createdAt, event.sessionId, { fromChair: true });
  }
  const mode = await db.sessionModes.get(event.sessionId);
  // Revision 0 is the definition as opened; a session.update counts from there.
  if (mode?.revision === undefined) await state.put('sessionModes', { ...(mode ?? { sessionId: event.sessionId, cycleId: event.cycleId, finalVotes: 'sealed', revealedFinal: [] }), revision: 0, definitionDigest: definitionDigest(event) });
  return { outcome: 'applied' };
}

/**
 * Where this app takes the cycle from the chair's copy (it holds the cycle
 * passphrase), every candidate a session names must be here before the
 * session (re)defines itself with them: the copy brings them. An app that
 * took the cycle from bundle files gets no copy, so it goes on without them.
 */
async function needCandidates(db: LevelsetDatabase, cycleId: string, candidateIds: readonly string[]): Promise<void> {
  if ((await cyclePassphrase(db, cycleId)) === null) return;
  const rows = await db.candidates.bulkGet([...candidateIds]);
  const missing = rows.filter((r) => r === undefined).length;
  if (missing > 0) throw new CycleDataMissing(`${missing === 1 ? 'One of the session’s candidates has' : `${missing} of the session’s candidates have`} not arrived on this machine yet; this applies as soon as the chair’s copy of the cycle is imported.`);
}

/**
 * The chair changed the session (members, candidates, order, name, timebox,
 * names hidden or shown) after opening it. Applied through updateSession, like the chair's own
 * change; a revision at or below the one applied here is an older change
 * arriving late and is ignored, so it never undoes a newer one.
 */
async function changeSession(db: LevelsetDatabase, state: StateWriter, session: Session, event: Extract<ConnectedEvent, { type: 'session.update' }>): Promise<AppliedEvent> {
  const { held: _held, ...mode } = await sessionMode(db, session);
  if (event.revision <= (mode.revision ?? 0)) {
    if (_held !== undefined) await state.put('sessionModes', mode);
    return { outcome: 'applied', reason: `An older change to ${session.name} (revision ${event.revision}) arrived after a newer one and was ignored.` };
  }
  await needCandidates(db, event.cycleId, event.candidateIds);
  const { name, members, candidateIds, orderMode, timeboxMinutes, blind } = event;
  const digest = definitionDigest(event);
  if (definitionDigest({ ...session, blind: false }) !== definitionDigest({ ...event, blind: false })) await updateSession(db, session.id, { name, members, candidateIds, orderMode, timeboxMinutes }, event.createdAt, { fromChair: true });
  // Names hidden or shown by the chair, for the whole committee (a change sent before blind was carried leaves it).
  if (blind !== undefined && blind !== session.blind) await setBlind(db, session.id, blind, event.createdAt, '', { fromChair: true });
  await state.put('sessionModes', { ...mode, revision: event.revision, definitionDigest: digest });
  return { outcome: 'applied' };
}

/**
 * This member's own vote as the committee holds it: the latest cast whose commitment is `held` (the commitment applied
 * here before the reveal), with the vote changed to since kept as `late`; with no commitment held, the vote itself
 * is `late`. Unchanged when the latest cast is the one held (or none matches, and then the reveal says so).
 */
export function ownCastHeld(own: OwnVoteRow, held: string | null): OwnVoteRow {
  if (held === own.commitment) return own;
  if (held === null) return { ...own, late: { vote: own.vote, earlierCounts: false } };
  const earlier = own.earlier ?? [];
  for (let i = earlier.length - 1; i >= 0; i--) {
    const cast = earlier[i]!;
    if (cast.commitment === held) return { ...own, ...cast, earlier: earlier.slice(0, i), late: { vote: own.vote, earlierCounts: true } };
  }
  return own;
}

/**
 * When the chair reveals a round, this member's app publishes its sealed
 * vote and salt for it (queued now, in the same transaction). The reveal is
 * applied like everyone else's, when it comes back from the stream, so every
 * machine counts it at the same place in the order. Its time is the chair's
 * reveal, so the reveal event is the same however often it is derived.
 */
async function queueOwnReveal(db: LevelsetDatabase, state: StateWriter, reveal: Extract<ConnectedEvent, { type: 'votes.reveal' }>): Promise<void> {
  const me = await db.connections.get(reveal.cycleId);
  if (!me || me.identity.role === 'manager') return;
  const key = sealedVoteKey({ sessionId: reveal.sessionId, candidateId: reveal.candidateId, memberId: me.identity.memberId, phase: reveal.phase });
  const stored = await db.ownVotes.get(key);
  if (!stored) return;
  // The cast whose commitment the committee holds: a change made offline may arrive after the reveal, and revealing
  // it then read "does not match the sealed vote; not counted" on every screen while the first vote went unopened (a
  // trial). That cast is revealed and shown as this member's vote; the change that came too late is kept as `late`.
  const held = await db.commitments.get(key);
  const own = ownCastHeld(stored, held?.commitment ?? null);
  if (own !== stored) await state.put('ownVotes', own);
  if (!held) return;
  const event = makeEvent({
    type: 'vote.reveal',
    cycleId: reveal.cycleId,
    sessionId: reveal.sessionId,
    actor: { memberId: me.identity.memberId, role: me.identity.role },
    createdAt: reveal.createdAt,
    candidateId: reveal.candidateId,
    phase: reveal.phase,
    vote: own.vote,
    salt: own.salt,
  });
  await enqueue(db, state, event, reveal.createdAt);
}
