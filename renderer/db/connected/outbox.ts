/**
 * The outbox: events this machine has made and the server has not yet
 * stored. Queued in the same transaction as the local change they come with,
 * so a crash never leaves one without the other; removed only when the
 * transport has the server's acknowledgement (markSent). Survives restarts
 * and offline spells: it is an IndexedDB table like the records.
 */
import { eventSubject, streamName, type ConnectedEvent } from '../../../shared/connected/events';
import type { PendingMessage } from '../../../shared/connected/contract';
import type { LevelsetDatabase } from '../database';
import { runCommand, type StateWriter } from '../write/run-command';

/** Queues an event to publish (once: an event already queued keeps its place). */
export async function enqueue(db: LevelsetDatabase, state: StateWriter, event: ConnectedEvent, at: string): Promise<void> {
  if (await db.outbox.get(event.msgId)) return;
  const last = await db.outbox.orderBy('order').last();
  await state.put('outbox', {
    msgId: event.msgId,
    cycleId: event.cycleId,
    stream: streamName(event.cycleId),
    subject: eventSubject(event),
    event,
    order: (last?.order ?? -1) + 1,
    enqueuedAt: at,
  });
}

/** The events waiting to be published, oldest first (of one cycle, or all). */
export async function pendingOutbox(db: LevelsetDatabase, cycleId?: string): Promise<PendingMessage[]> {
  const rows = await db.outbox.orderBy('order').toArray();
  return rows.filter((row) => cycleId === undefined || row.cycleId === cycleId).map(({ msgId, stream, subject, event }) => ({ msgId, stream, subject, event }));
}

export { outboxCount } from './connection-reads';

/** The server has stored this message: it leaves the outbox. Marking an id not (or no longer) queued does nothing. */
export async function markSent(db: LevelsetDatabase, msgId: string): Promise<void> {
  await runCommand(db, { name: 'connected: sent' }, async (ctx) => {
    await ctx.deleteState('outbox', msgId);
  });
}
