/**
 * Machines and a stand-in stream for connected-mode tests, with no network:
 * each "machine" is its own Levelset database holding the same sample cycle;
 * `FakeStream` numbers published messages as a JetStream stream does (and,
 * like it, drops a message id seen before unless told not to, to test the
 * app's own idempotency past the server's duplicate window).
 */
import { ic0M3Levels } from '../../../../shared/frameworks/builtin';
import { generateSampleCycle, type SampleCycle } from '../../../../shared/sample/sample-cycle';
import type { ConnectedEvent } from '../../../../shared/connected/events';
import { streamName } from '../../../../shared/connected/events';
import { LevelsetDatabase } from '../../../../renderer/db/database';
import { loadSampleCycle } from '../../../../renderer/db/repositories';
import { applyStreamEvent, lastAppliedSeq, markSent, pendingOutbox, resumeFrom, saveConnection } from '../../../../renderer/db/connected';
import { decodeEvent, encodeEvent } from '../../../../shared/connected/contract';
import type { SyncStore } from '../../../../renderer/connected/transport';

export const AT = '2026-11-20T10:00:00.000Z';
/** A time `minutes` after AT: the order events happen in a test. */
export const later = (minutes: number) => new Date(Date.parse(AT) + minutes * 60_000).toISOString();
export const TOKEN = 'token-that-must-never-leak-7f3a9c';

/** A sample cycle whose planned session reviews two thirds of the candidates (6 of 9 by default). */
export function sample(candidates = 9): SampleCycle {
  return generateSampleCycle(ic0M3Levels, { candidates, submitAll: true });
}

/** The planned session of the sample, its chair, two members and an HR partner. */
export function cast(s: SampleCycle) {
  const session = s.sessions.find((x) => x.status === 'planned')!;
  const [chair, m2, m3, hr] = session.members as [typeof session.members[0], typeof session.members[0], typeof session.members[0], typeof session.members[0]];
  return { session, cycleId: s.cycle.id, stream: streamName(s.cycle.id), chair, m2, m3, hr, candidates: session.candidateIds };
}

let count = 0;
export const opened: LevelsetDatabase[] = [];

export async function machine(s: SampleCycle, who?: { id: string; name: string; role: 'chair' | 'member' | 'hr-partner' }, name = `connected-${process.pid}-${++count}`): Promise<LevelsetDatabase> {
  const db = new LevelsetDatabase(name);
  opened.push(db);
  await db.open();
  await loadSampleCycle(db, s, AT);
  if (who) {
    await saveConnection(db, { cycleId: s.cycle.id, serverUrl: 'ws://127.0.0.1:4222', auth: { kind: 'token', token: TOKEN }, identity: { memberId: who.id, role: who.role === 'chair' ? 'chair' : 'member', name: who.name } }, AT);
  }
  return db;
}

/** A member's machine with the cycle (as a bundle import gives it) but none of its sessions, votes or decisions. */
export async function withoutSessions(s: SampleCycle, who: { id: string; name: string }): Promise<LevelsetDatabase> {
  const db = await machine({ ...s, sessions: [], votes: [], decisions: [] });
  await saveConnection(db, { cycleId: s.cycle.id, serverUrl: 'ws://127.0.0.1:4222', auth: { kind: 'token', token: TOKEN }, identity: { memberId: who.id, role: 'member', name: who.name } }, AT);
  return db;
}

export async function closeAll(): Promise<void> {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
}

export interface StreamMessage {
  seq: number;
  subject: string;
  /** As it travels: JSON text. */
  data: string;
}

export class FakeStream {
  readonly messages: StreamMessage[] = [];
  private readonly ids = new Set<string>();
  constructor(private readonly dedupe = true) {}

  /** Publishes one message; returns its sequence, or null when dropped as a duplicate. */
  publish(subject: string, event: unknown, msgId: string): number | null {
    if (this.dedupe && this.ids.has(msgId)) return null;
    this.ids.add(msgId);
    const seq = this.messages.length + 1;
    this.messages.push({ seq, subject, data: JSON.stringify(event) });
    return seq;
  }

  /** What a transport does with the outbox: publish in order, mark sent after each acknowledgement. */
  async drain(db: LevelsetDatabase): Promise<number> {
    const pending = await pendingOutbox(db);
    for (const m of pending) {
      this.publish(m.subject, m.event, m.msgId);
      await markSent(db, m.msgId);
    }
    return pending.length;
  }
}

/** Machines online together: each publishes what it queued, then each catches up; twice, since applying can queue (a member's reveal). */
export async function syncAll(dbs: readonly LevelsetDatabase[], stream: FakeStream, name: string): Promise<void> {
  for (let round = 0; round < 2; round++) {
    for (const db of dbs) await stream.drain(db);
    for (const db of dbs) await catchUp(db, stream, name);
  }
}

/** What a consumer does: deliver every message after the last applied one, in order. */
export async function catchUp(db: LevelsetDatabase, stream: FakeStream, name: string): Promise<void> {
  const from = (await lastAppliedSeq(db, name)) + 1;
  for (const m of stream.messages.filter((x) => x.seq >= from)) await deliver(db, m, name);
}

export async function deliver(db: LevelsetDatabase, m: StreamMessage, name: string) {
  return applyStreamEvent(db, JSON.parse(m.data) as unknown, { stream: name, streamSeq: m.seq, receivedAt: AT, subject: m.subject });
}

/** Everything the records and the replicated state say, in a form two machines can compare (the trail is per device). */
export async function fingerprint(db: LevelsetDatabase, sessionId: string) {
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
  const [session, votes, decisions, commitments, modes, applied] = await Promise.all([
    db.sessions.get(sessionId),
    db.votes.where('sessionId').equals(sessionId).toArray(),
    db.decisions.where('sessionId').equals(sessionId).toArray(),
    db.commitments.where('sessionId').equals(sessionId).toArray(),
    db.sessionModes.get(sessionId),
    db.applied.where('sessionId').equals(sessionId).toArray(),
  ]);
  return {
    session,
    votes: byId(votes),
    decisions: byId(decisions),
    commitments: byId(commitments),
    modes,
    applied: [...applied].sort((a, b) => (a.streamSeq ?? 0) - (b.streamSeq ?? 0)).map(({ msgId, streamSeq, outcome, reason }) => ({ msgId, streamSeq, outcome, reason })),
  };
}

export type { ConnectedEvent };

/** The transport's store over one machine's database (what renderer/connected/sync.ts does over the app's). */
export function natsStore(db: LevelsetDatabase, cycleId: string): SyncStore {
  return {
    pending: async () => (await pendingOutbox(db, cycleId)).map((m) => ({ id: m.msgId, subject: m.subject, data: encodeEvent(m.event) })),
    markSent: (id) => markSent(db, id),
    async apply(event, meta) {
      await applyStreamEvent(db, decodeEvent(event.data), { stream: meta.stream, streamSeq: meta.streamSeq, receivedAt: meta.receivedAt, subject: event.subject });
    },
    lastSeq: (stream) => resumeFrom(db, stream, cycleId),
  };
}
