/**
 * The contract between the connected-mode DOMAIN (this folder and
 * renderer/db/connected) and the TRANSPORT (the NATS client side): the only
 * calls the transport makes into the app's data. Implemented by
 * renderer/db/connected/index.ts (`connectedStore`).
 *
 * Publishing (outbox -> server):
 *   const pending = await pendingOutbox(db, cycleId?)   // oldest first
 *   for (const m of pending) {
 *     await js.publish(m.subject, encodeEvent(m.event), { msgID: m.msgId, expect: { streamName: m.stream } });
 *     await markSent(db, m.msgId);                      // only after the server's ack
 *   }
 * A crash between publish and markSent publishes the same message id again;
 * JetStream's duplicate window drops it, and applying it twice changes
 * nothing anyway (below). Never invent a msgId: use the row's.
 *
 * Consuming (server -> app), one ordered consumer per cycle stream:
 *   const from = (await lastAppliedSeq(db, streamName(cycleId))) + 1;  // deliver from `from`
 *   for each message m:  await applyStreamEvent(db, decodeEvent(m.data), { stream: m.info.stream, streamSeq: m.seq, receivedAt, subject: m.subject });
 * Deliver in stream order, one at a time (await each). An event with a
 * sequence at or below the last applied one, or a message id already seen,
 * changes nothing, so replaying the stream from any point is safe. An event
 * that is invalid, forged or no longer applies is recorded as refused and
 * the sequence still advances: `applyStreamEvent` does not throw for bad
 * events (it throws only when the database itself fails; then redeliver).
 * One throw comes after the event committed: `WaitingRetryFailed`, when the
 * events waiting for an applied session.open or update could not be tried
 * again. Reconnect as after any throw: the stream resumes after the event,
 * and the waiting events are tried first (resumeFrom).
 *
 * Encoding: UTF-8 JSON of the event (`encodeEvent` / `decodeEvent` here).
 */
import type { ConnectedEvent } from './events';
import { errorMessage } from '../util/error-message';

export interface PendingMessage {
  msgId: string;
  /** The cycle's stream (streamName(cycleId)). */
  stream: string;
  subject: string;
  event: ConnectedEvent;
}

export interface StreamDelivery {
  /** The stream the message came from; defaults to the event's cycle stream. */
  stream?: string;
  /** The stream's sequence number of the message (JetStream's global order for the cycle). */
  streamSeq: number;
  /** When this app received it (ISO). */
  receivedAt: string;
  /** The subject it was published to; when given it must be the event's own subject. */
  subject?: string;
}

export type ApplyOutcome = 'applied' | 'refused' | 'mismatched' | 'duplicate';

export interface ApplyResult {
  outcome: ApplyOutcome;
  /** Why, for refused and mismatched events (plain sentence). */
  reason?: string;
}

/** The event was applied and its sequence stored; only trying again the events waiting for it failed (`cause`). */
export class WaitingRetryFailed extends Error {
  constructor(override readonly cause: unknown) {
    super(errorMessage(cause));
    this.name = 'WaitingRetryFailed';
  }
}

/** What the transport calls; `Db` is the app's database (renderer/db LevelsetDatabase). */
export interface ConnectedStore<Db> {
  pendingOutbox(db: Db, cycleId?: string): Promise<PendingMessage[]>;
  markSent(db: Db, msgId: string): Promise<void>;
  applyStreamEvent(db: Db, event: unknown, delivery: StreamDelivery): Promise<ApplyResult>;
  lastAppliedSeq(db: Db, streamName: string): Promise<number>;
}

export function encodeEvent(event: ConnectedEvent): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(event));
}

/** The event's JSON, or undefined when the bytes are not JSON (applyStreamEvent then records a refusal). */
export function decodeEvent(data: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data)) as unknown;
  } catch {
    return undefined;
  }
}
