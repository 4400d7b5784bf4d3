// An in-memory SyncStore for the transport tests: an outbox, and the events
// applied in order with their stream sequences, so tests can count exactly what
// arrived. The Dexie-backed store is the event model's (renderer/db).
import type { ApplyMeta, OutEvent, StreamEvent, SyncStore } from '../../renderer/connected/transport-types';
import { WaitingRetryFailed } from '../../shared/connected/contract';

export interface AppliedEvent {
  event: StreamEvent;
  meta: ApplyMeta;
}

export class MemorySyncStore implements SyncStore {
  outbox: OutEvent[] = [];
  applied: AppliedEvent[] = [];
  sent: string[] = [];
  /** Simulates an app closed between the server's ack and marking the event sent. */
  forgetAcks = false;
  /** Stream sequences whose next apply fails once (a bug or a full disk on the applying side). */
  failApplyOnce = new Set<number>();
  /** Stream sequences whose next apply stores the event, then fails once trying the waiting events again (as applyStreamEvent can). */
  failRetryAfterOnce = new Set<number>();
  /** Message ids whose next markSent fails once. */
  failMarkSentOnce = new Set<string>();

  queue(id: string, subject: string, body: unknown = { id }): void {
    this.outbox.push({ id, subject, data: new TextEncoder().encode(JSON.stringify(body)) });
  }

  async pending(): Promise<OutEvent[]> {
    return [...this.outbox];
  }

  async markSent(id: string): Promise<void> {
    if (this.forgetAcks) return;
    if (this.failMarkSentOnce.delete(id)) throw new Error('simulated store failure while marking sent');
    this.outbox = this.outbox.filter((e) => e.id !== id);
    this.sent.push(id);
  }

  async apply(event: StreamEvent, meta: ApplyMeta): Promise<void> {
    if (this.failApplyOnce.delete(meta.streamSeq)) throw new Error('simulated store failure while applying');
    const last = this.applied.at(-1)?.meta.streamSeq ?? 0;
    if (meta.streamSeq <= last) throw new Error(`stream sequence ${meta.streamSeq} applied after ${last}`);
    this.applied.push({ event, meta });
    if (this.failRetryAfterOnce.delete(meta.streamSeq)) throw new WaitingRetryFailed(new Error('simulated store failure while retrying the waiting events'));
  }

  async lastSeq(stream: string): Promise<number> {
    return this.applied.filter((a) => a.meta.stream === stream).at(-1)?.meta.streamSeq ?? 0;
  }

  appliedIds(): string[] {
    return this.applied.map((a) => a.event.msgId ?? '');
  }
}

/** Polls until the check passes; generous, since the test machines are shared. No speed is asserted. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Timed out waiting for: ${what}`);
}
