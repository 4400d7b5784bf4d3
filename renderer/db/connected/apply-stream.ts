/**
 * Applying a cycle's stream to this machine's database (the transport's
 * side of shared/connected/contract.ts). Every machine applies the same
 * events in the stream's order through the same commands, so every machine
 * ends with the same records; the stream's sequence is the order they agree
 * on, and the audit entry of each applied event names it.
 *
 * Idempotent: an event at or below the stream's last applied sequence, or
 * with a message id seen before (a retry past JetStream's duplicate window,
 * or this machine's own action coming back), changes nothing but the
 * stream position. Bad events (invalid, forged, no longer applicable) are
 * recorded as refused with the reason, and the position moves past them.
 */
import Dexie from 'dexie';
import { eventMsgId, eventSubject, SessionEventSchema, streamName, SubjectTokenSchema, type ConnectedEvent } from '../../../shared/connected/events';
import { WaitingRetryFailed, type ApplyResult, type StreamDelivery } from '../../../shared/connected/contract';
import type { LevelsetDatabase } from '../database';
import { runCommand, withCommandSource, type StateWriter } from '../write/run-command';
import { actorLabel, applyEvent, EventRefused, KeptWaiting } from './apply-event';
import { errorMessage } from '../../../shared/util/error-message';

/** The last sequence of a stream this machine has applied (0: none). Deliver from the next one. */
export async function lastAppliedSeq(db: LevelsetDatabase, stream: string): Promise<number> {
  return (await db.streamState.get(stream))?.lastSeq ?? 0;
}

/**
 * Where a connection resumes the cycle's stream, after trying again the
 * events kept waiting: the retry after an applied session.open can fail
 * after that event committed (the disk full, the database closing), and the
 * stream then resumes past it, so without this those events would wait until
 * the next session.open or update.
 */
export async function resumeFrom(db: LevelsetDatabase, stream: string, cycleId: string): Promise<number> {
  await retryWaiting(db, cycleId);
  return lastAppliedSeq(db, stream);
}

function streamOf(raw: unknown, delivery: StreamDelivery): string | null {
  if (delivery.stream) return delivery.stream;
  const cycleId = SubjectTokenSchema.safeParse((raw as { cycleId?: unknown } | null)?.cycleId);
  return cycleId.success ? streamName(cycleId.data) : null;
}

/** Why a well-formed event cannot be taken as it stands, or null. */
function provenanceProblem(event: ConnectedEvent, stream: string, delivery: StreamDelivery): string | null {
  if (stream !== streamName(event.cycleId)) return 'The event belongs to another cycle than its stream.';
  if (event.msgId !== eventMsgId(event)) return 'The event’s message id does not match its content.';
  if (delivery.subject !== undefined && delivery.subject !== eventSubject(event)) return 'The event was published to a subject that is not its own.';
  return null;
}

/** Whether this delivery was seen already; a local action coming back from the server gets its sequence here. */
async function seenBefore(db: LevelsetDatabase, state: StateWriter, stream: string, msgId: string | null, delivery: StreamDelivery): Promise<boolean> {
  if (delivery.streamSeq <= (await lastAppliedSeq(db, stream))) return true;
  const seen = msgId === null ? undefined : await db.applied.get(msgId);
  if (!seen) return false;
  if (seen.streamSeq === null) await state.put('applied', { ...seen, streamSeq: delivery.streamSeq });
  await advance(state, stream, seen.cycleId, delivery);
  return true;
}

async function advance(state: StateWriter, stream: string, cycleId: string, delivery: StreamDelivery): Promise<void> {
  await state.put('streamState', { stream, cycleId, lastSeq: delivery.streamSeq, updatedAt: delivery.receivedAt });
}

/** A failure of the database itself (not a refusal of the event): the transport should deliver again later. */
function isStorageFailure(error: unknown): boolean {
  return error instanceof Dexie.DexieError;
}

function reasonOf(error: unknown): string {
  const message = errorMessage(error);
  return message.slice(0, 2_000);
}

/** Applies one event delivered from a cycle's stream. See shared/connected/contract.ts. */
export async function applyStreamEvent(db: LevelsetDatabase, raw: unknown, delivery: StreamDelivery): Promise<ApplyResult> {
  if (!Number.isSafeInteger(delivery.streamSeq) || delivery.streamSeq < 1) throw new RangeError('A stream sequence is a whole number from 1.');
  const stream = streamOf(raw, delivery);
  if (stream === null) return { outcome: 'refused', reason: 'The message is not an event of a connected cycle.' };
  const parsed = SessionEventSchema.safeParse(raw);
  if (!parsed.success) return refuse(db, stream, delivery, null, 'The event is not in a form this version of Levelset reads.');
  const event = parsed.data;
  const problem = provenanceProblem(event, stream, delivery);
  if (problem) return refuse(db, stream, delivery, event, problem);
  const session = await db.sessions.get(event.sessionId);
  let applied: ApplyResult;
  try {
    applied = await withCommandSource(db, { actor: actorLabel(session, event), stream: { name: stream, seq: delivery.streamSeq, msgId: event.msgId } }, async (state): Promise<ApplyResult> => {
      if (await seenBefore(db, state, stream, event.msgId, delivery)) return { outcome: 'duplicate' };
      const result = await applyEvent(db, state, event);
      await record(state, event, delivery.streamSeq, result.outcome, result.reason ?? '');
      await advance(state, stream, event.cycleId, delivery);
      return result;
    });
  } catch (error) {
    if (isStorageFailure(error)) throw error;
    return refuse(db, stream, delivery, event, error instanceof EventRefused ? error.message : `It could not be applied: ${reasonOf(error)}`, error instanceof KeptWaiting);
  }
  // After the event committed, so a failure here is never recorded as this event's refusal. It throws to the
  // transport, which reconnects; resumeFrom then tries the waiting events again.
  if ((event.type === 'session.open' || event.type === 'session.update') && applied.outcome === 'applied') {
    try {
      await retryWaiting(db, event.cycleId);
    } catch (error) {
      throw new WaitingRetryFailed(error);
    }
  }
  return applied;
}

/**
 * Tries again, in stream order, the cycle's events kept waiting: events of a
 * session whose session.open had not come, a session.open whose cycle or
 * candidates had not arrived (the chair's committee copy imports them), and
 * whatever waits behind a session.update in the same state. Run after a
 * session is opened or changed and after a committee copy is imported. An
 * event that still cannot apply stays waiting; one refused now is final.
 * Returns how many were applied.
 */
export async function retryWaiting(db: LevelsetDatabase, cycleId: string): Promise<number> {
  const stream = streamName(cycleId);
  let appliedCount = 0;
  for (let pass = 0; pass < 2; pass++) {
    const rows = (await db.applied.where('cycleId').equals(cycleId).toArray()).filter((r) => r.waiting !== undefined).sort((a, b) => (a.streamSeq ?? 0) - (b.streamSeq ?? 0));
    let progressed = false;
    for (const row of rows) {
      const event = row.waiting!;
      const session = await db.sessions.get(event.sessionId);
      try {
        await withCommandSource(db, { actor: actorLabel(session, event), stream: { name: stream, seq: row.streamSeq, msgId: event.msgId } }, async (state) => {
          const result = await applyEvent(db, state, event);
          await record(state, event, row.streamSeq, result.outcome, result.reason ?? '');
        });
        appliedCount++;
        progressed = true;
      } catch (error) {
        if (isStorageFailure(error)) throw error;
        if (error instanceof KeptWaiting) {
          // Still waiting: the reason may have moved on (the session arrived, now its candidates are awaited).
          if (error.message !== row.reason) await runCommand(db, { name: 'connected: refuse event' }, (ctx) => ctx.putState('applied', { ...row, reason: error.message }).then(() => undefined));
          continue;
        }
        const reason = error instanceof EventRefused ? error.message : `It could not be applied: ${reasonOf(error)}`;
        await runCommand(db, { name: 'connected: refuse event' }, async (ctx) => {
          await record({ put: (t, r) => ctx.putState(t, r), delete: (t, k) => ctx.deleteState(t, k) }, event, row.streamSeq, 'refused', reason);
        });
        progressed = true;
      }
    }
    // One pass applies everything in order; a second only when the first unblocked events it had already passed (a held change applied late in the list).
    if (!progressed) break;
  }
  return appliedCount;
}

/** Keeps what happened to an event, by its message id. */
export async function record(state: StateWriter, event: ConnectedEvent, streamSeq: number | null, outcome: 'applied' | 'refused' | 'mismatched', reason: string, keep = false): Promise<void> {
  await state.put('applied', { msgId: event.msgId, cycleId: event.cycleId, sessionId: event.sessionId, type: event.type, actor: event.actor, streamSeq, outcome, reason: reason.slice(0, 2_000), ...(keep ? { waiting: event } : {}) });
}

/** A waiting session.update holds the session's later events behind it (apply-event.ts), so they apply after it, in order. */
async function holdSession(db: LevelsetDatabase, state: StateWriter, event: ConnectedEvent): Promise<void> {
  const mode = await db.sessionModes.get(event.sessionId);
  if (mode?.held !== undefined) return;
  await state.put('sessionModes', { ...(mode ?? { sessionId: event.sessionId, cycleId: event.cycleId, finalVotes: 'sealed', revealedFinal: [] }), held: event.msgId });
}

/** Records a refusal and moves the stream position past it (nothing else changes). */
async function refuse(db: LevelsetDatabase, stream: string, delivery: StreamDelivery, event: ConnectedEvent | null, reason: string, keep = false): Promise<ApplyResult> {
  return runCommand(db, { name: 'connected: refuse event' }, async (ctx): Promise<ApplyResult> => {
    const state: StateWriter = { put: (t, r) => ctx.putState(t, r), delete: (t, k) => ctx.deleteState(t, k) };
    if (await seenBefore(db, state, stream, event?.msgId ?? null, delivery)) return { outcome: 'duplicate' };
    // A forged message id is not recorded under the id it borrowed: the real event must still apply.
    if (event && event.msgId === eventMsgId(event)) await record(state, event, delivery.streamSeq, 'refused', reason, keep);
    if (keep && event?.type === 'session.update') await holdSession(db, state, event);
    const cycleId = event?.cycleId ?? stream.replace(/^LEVELSET_CYCLE_/, '');
    await advance(state, stream, cycleId, delivery);
    return { outcome: 'refused', reason };
  });
}
