// Bounded load: 20 member apps each vote on 100 candidates at once through the
// transport. Every vote is stored exactly once (counted by message id in the
// stream itself) and the chair's app applies each exactly once. No timing is
// asserted; speed belongs in a benchmark.
import { connect } from '@nats-io/transport-node';
import { DeliverPolicy, jetstream } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectedTransport } from '../../../renderer/connected/transport';
import { cycleStream } from '../../../renderer/connected/transport-streams';
import { eventually, MemorySyncStore } from '../../support/memory-sync-store';
import { startNatsServer, type ConfigUser, type NatsTestServer } from '../../support/nats-server';
import { TestTransports } from '../../support/test-transports';

const MEMBER_COUNT = 20;
const CANDIDATES = 100;
const MEMBERS = Array.from({ length: MEMBER_COUNT }, (_, i) => `m${i + 1}`);
const USERS: ConfigUser[] = [
  { id: 'chair', role: 'chair', password: 'pw-chair' },
  ...MEMBERS.map((id) => ({ id, role: 'member' as const, password: `pw-${id}` })),
];

let server: NatsTestServer;
const running = new TestTransports();

function start(id: string, store: MemorySyncStore): ConnectedTransport {
  return running.start({ servers: server.url, cycleId: 'load', userId: id, store, backoff: { initialMs: 200, maxMs: 2000 } });
}

beforeAll(async () => {
  server = await startNatsServer({ users: USERS });
}, 60_000);
afterAll(async () => {
  await running.stopAll();
  await server?.dispose();
});

describe('load: 20 members × 100 candidates', () => {
  it('stores and applies every vote exactly once', { timeout: 300_000 }, async () => {
    const chair = new MemorySyncStore();
    const chairT = start('chair', chair);
    await eventually(() => chairT.status.getSnapshot().state === 'connected', 'the chair opens the cycle');

    const members = MEMBERS.map((id) => {
      const store = new MemorySyncStore();
      for (let k = 0; k < CANDIDATES; k++) store.queue(`load-${id}-k${k}`, `levelset.cycle.load.session.s1.member.${id}.vote.k${k}`, { level: k % 5 });
      return store;
    });
    MEMBERS.forEach((id, i) => start(id, members[i]!));
    const total = MEMBER_COUNT * CANDIDATES;
    await eventually(() => members.every((s) => s.outbox.length === 0), 'every outbox sent', 240_000);
    await eventually(() => chair.applied.length === total, 'the chair applied every vote', 240_000);

    // Count by message id in the stream itself, independent of the transport.
    const nc = await connect({ servers: server.url, user: 'chair', pass: 'pw-chair', inboxPrefix: '_INBOX_chair' });
    const consumer = await jetstream(nc).consumers.get(cycleStream('load').name, { deliver_policy: DeliverPolicy.All });
    const counts = new Map<string, number>();
    const iter = await consumer.fetch({ max_messages: total + 10, expires: 10_000 });
    for await (const m of iter) {
      const id = m.headers?.get('Nats-Msg-Id') ?? '';
      counts.set(id, (counts.get(id) ?? 0) + 1);
      if (m.info.pending === 0) break;
    }
    await nc.close();
    const expected = MEMBERS.flatMap((id) => Array.from({ length: CANDIDATES }, (_, k) => `load-${id}-k${k}`));
    expect(counts.size).toBe(total);
    expect(expected.every((id) => counts.get(id) === 1)).toBe(true);

    const applied = chair.appliedIds();
    expect(new Set(applied).size).toBe(total);
    expect([...applied].sort()).toEqual([...expected].sort());
  });
});
