// The transport against a real nats-server: publishing the outbox, reading the
// stream into the store, deduplication by message id, and what the status
// says when the server refuses, rejects credentials or cannot be reached.
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectedTransport, Credentials } from '../../../renderer/connected/transport';
import { cycleStream, DEDUPE_WINDOW_MS } from '../../../renderer/connected/transport-streams';
import { nanos } from '@nats-io/nats-core';
import { createUser } from '@nats-io/nkeys';
import { eventually, MemorySyncStore } from '../../support/memory-sync-store';
import { startNatsServer, type ConfigUser, type NatsTestServer } from '../../support/nats-server';
import { isConnected, TestTransports } from '../../support/test-transports';

// dan signs in with an nkey instead of a password.
const DAN = createUser();
const USERS: ConfigUser[] = [
  { id: 'chair', role: 'chair', password: 'pw-chair' },
  { id: 'alice', role: 'member', password: 'pw-alice' },
  { id: 'bob', role: 'member', password: 'pw-bob' },
  { id: 'dan', role: 'member', nkey: DAN.getPublicKey() },
];
const vote = (cycle: string, member: string, candidate: string) => `levelset.cycle.${cycle}.session.s1.member.${member}.vote.${candidate}`;

let server: NatsTestServer;
const running = new TestTransports();

function transport(cycleId: string, userId: string, store: MemorySyncStore, credentials?: Credentials, servers?: string): ConnectedTransport {
  return running.start({ servers: servers ?? server.url, cycleId, userId, store, ...(credentials ? { credentials } : {}) });
}

const connected = isConnected;

beforeAll(async () => {
  server = await startNatsServer({ users: USERS });
}, 60_000);
afterEach(() => running.stopAll());
afterAll(async () => {
  await server?.dispose();
});

describe('ConnectedTransport', () => {
  it("publishes each member's outbox and every app applies the same events in the stream's order", async () => {
    const chair = new MemorySyncStore();
    const alice = new MemorySyncStore();
    const bob = new MemorySyncStore();
    chair.queue('c1-open', 'levelset.cycle.c1.session.s1.chair.open');
    const tc = transport('c1', 'chair', chair);
    await eventually(() => connected(tc) && chair.outbox.length === 0, 'the chair opens the cycle');
    alice.queue('c1-alice-k1', vote('c1', 'alice', 'k1'));
    alice.queue('c1-alice-k2', vote('c1', 'alice', 'k2'));
    bob.queue('c1-bob-k1', vote('c1', 'bob', 'k1'));
    const ta = transport('c1', 'alice', alice);
    const tb = transport('c1', 'bob', bob);
    for (const s of [chair, alice, bob]) await eventually(() => s.applied.length === 4, 'all four events applied everywhere');
    await eventually(() => [tc, ta, tb].every(connected), 'everyone connected');
    const order = chair.applied.map((a) => `${a.meta.streamSeq}:${a.event.msgId}`);
    expect(alice.applied.map((a) => `${a.meta.streamSeq}:${a.event.msgId}`)).toEqual(order);
    expect(bob.applied.map((a) => `${a.meta.streamSeq}:${a.event.msgId}`)).toEqual(order);
    expect(chair.applied.map((a) => a.meta.streamSeq)).toEqual([1, 2, 3, 4]);
    expect(new Set(chair.appliedIds())).toEqual(new Set(['c1-open', 'c1-alice-k1', 'c1-alice-k2', 'c1-bob-k1']));
    expect(ta.status.getSnapshot()).toMatchObject({ pending: 0, appliedSeq: 4, lastError: null });
  });

  it('stores a message published twice with the same message id once', async () => {
    const tc = transport('c2', 'chair', new MemorySyncStore());
    await eventually(() => connected(tc), 'the chair opens the cycle');
    const nc = await connect({ servers: server.url, user: 'alice', pass: 'pw-alice', inboxPrefix: '_INBOX_alice' });
    const js = jetstream(nc);
    const first = await js.publish(vote('c2', 'alice', 'k1'), 'a', { msgID: 'same-id' });
    const second = await js.publish(vote('c2', 'alice', 'k1'), 'a', { msgID: 'same-id' });
    expect(first.duplicate).toBe(false);
    expect(second).toMatchObject({ duplicate: true, seq: first.seq });
    const info = await (await jetstreamManager(nc, { checkAPI: false })).streams.info(cycleStream('c2').name);
    expect(info.state.messages).toBe(1);
    await nc.close();
  });

  it('does not duplicate an event whose acknowledgement was lost before it was marked sent', async () => {
    const tc = transport('c3', 'chair', new MemorySyncStore());
    await eventually(() => connected(tc), 'the chair opens the cycle');
    const alice = new MemorySyncStore();
    alice.queue('c3-alice-k1', vote('c3', 'alice', 'k1'));
    alice.forgetAcks = true;
    const first = transport('c3', 'alice', alice);
    await eventually(() => alice.applied.length === 1, 'the vote reaches the stream');
    await first.stop();
    expect(alice.outbox).toHaveLength(1);
    // The app starts again with the vote still in its outbox: the server recognises the id.
    alice.forgetAcks = false;
    const again = transport('c3', 'alice', alice);
    await eventually(() => connected(again) && alice.outbox.length === 0, 'the retried vote is acknowledged');
    expect(alice.appliedIds()).toEqual(['c3-alice-k1']);
  });

  it("reports a member's chair action as refused by the server, keeps it in the outbox and still sends the rest", async () => {
    const tc = transport('c4', 'chair', new MemorySyncStore());
    await eventually(() => connected(tc), 'the chair opens the cycle');
    const alice = new MemorySyncStore();
    alice.queue('c4-forged', 'levelset.cycle.c4.session.s1.chair.reveal');
    alice.queue('c4-alice-k1', vote('c4', 'alice', 'k1'));
    const ta = transport('c4', 'alice', alice);
    await eventually(() => alice.sent.includes('c4-alice-k1'), 'the own vote is sent');
    const status = ta.status.getSnapshot();
    expect(status.lastError?.kind).toBe('permission');
    expect(status.lastError?.message).toMatch(/refused/);
    expect(status.pending).toBe(1);
    expect(alice.outbox.map((e) => e.id)).toEqual(['c4-forged']);
    await eventually(() => alice.applied.length === 1, 'the own vote comes back from the stream');
    expect(alice.appliedIds()).toEqual(['c4-alice-k1']);
  });

  it('says the credentials were wrong', async () => {
    const t = transport('c5', 'alice', new MemorySyncStore(), { kind: 'password', user: 'alice', password: 'wrong' });
    await eventually(() => t.status.getSnapshot().lastError !== null, 'an error');
    expect(t.status.getSnapshot().lastError?.kind).toBe('credentials');
    expect(t.status.getSnapshot().state).not.toBe('connected');
  });

  it('says the server cannot be reached, and counts what waits to be sent', async () => {
    const store = new MemorySyncStore();
    store.queue('c6-alice-k1', vote('c6', 'alice', 'k1'));
    // A port nothing listens on: the test server's, after a second server there is stopped.
    const other = await startNatsServer({ users: USERS });
    const deadUrl = other.url;
    await other.dispose();
    const t = transport('c6', 'alice', store, undefined, deadUrl);
    await eventually(() => t.status.getSnapshot().lastError !== null, 'an error');
    expect(t.status.getSnapshot()).toMatchObject({ pending: 1, lastError: { kind: 'unreachable' } });
    expect(t.status.getSnapshot().lastError?.message).toContain(deadUrl);
  });

  it('tells a member the cycle is not open until the chair connects, then syncs', async () => {
    const alice = new MemorySyncStore();
    alice.queue('c7-alice-k1', vote('c7', 'alice', 'k1'));
    const ta = transport('c7', 'alice', alice);
    await eventually(() => ta.status.getSnapshot().lastError?.kind === 'not-open', 'the not-open message');
    transport('c7', 'chair', new MemorySyncStore());
    await eventually(() => connected(ta) && alice.applied.length === 1, 'the member syncs once the chair opened the cycle');
    expect(ta.status.getSnapshot().lastError).toBeNull();
  });

  it('retries an event the store failed to apply, after reconnecting, and applies each event once', async () => {
    const chair = new MemorySyncStore();
    chair.queue('c8-open', 'levelset.cycle.c8.session.s1.chair.open');
    const tc = transport('c8', 'chair', chair);
    await eventually(() => chair.applied.length === 1, 'the chair applies its own event');
    const alice = new MemorySyncStore();
    alice.failApplyOnce.add(1);
    const ta = transport('c8', 'alice', alice);
    await eventually(() => ta.status.getSnapshot().lastError?.kind === 'apply', 'the apply problem is shown');
    await eventually(() => alice.applied.length === 1 && connected(ta), 'the event applied after reconnecting');
    expect(alice.appliedIds()).toEqual(['c8-open']);
    expect(connected(tc)).toBe(true);
  });

  it('says the event was applied when only the retry of the events waiting for it failed, and does not apply it again', async () => {
    const chair = new MemorySyncStore();
    chair.queue('c8b-open', 'levelset.cycle.c8b.session.s1.chair.open');
    transport('c8b', 'chair', chair);
    await eventually(() => chair.applied.length === 1, 'the chair applies its own event');
    const alice = new MemorySyncStore();
    alice.failRetryAfterOnce.add(1);
    const ta = transport('c8b', 'alice', alice);
    await eventually(() => ta.status.getSnapshot().lastError?.kind === 'apply', 'the apply problem is shown');
    const message = ta.status.getSnapshot().lastError?.message ?? '';
    expect(message).toContain('was applied, but the events that waited for it could not be applied here');
    expect(message).toContain('tries them again after reconnecting');
    await eventually(() => connected(ta), 'reconnected');
    expect(alice.appliedIds()).toEqual(['c8b-open']);
  });

  it('publishes again when marking sent failed, and the server keeps one copy', async () => {
    const tc = transport('c9', 'chair', new MemorySyncStore());
    await eventually(() => connected(tc), 'the chair opens the cycle');
    const alice = new MemorySyncStore();
    alice.queue('c9-alice-k1', vote('c9', 'alice', 'k1'));
    alice.queue('c9-alice-k2', vote('c9', 'alice', 'k2'));
    alice.failMarkSentOnce.add('c9-alice-k1');
    const ta = transport('c9', 'alice', alice);
    await eventually(() => alice.outbox.length === 0 && connected(ta), 'both votes marked sent');
    await eventually(() => alice.applied.length === 2, 'both votes applied');
    expect(alice.appliedIds()).toEqual(['c9-alice-k1', 'c9-alice-k2']);
  });

  it("skips an event whose subject is outside the cycle's stream, keeps it, and sends the rest", async () => {
    const tc = transport('c10', 'chair', new MemorySyncStore());
    transport('c11', 'chair', new MemorySyncStore());
    await eventually(() => connected(tc), 'the chair opens the cycles');
    const alice = new MemorySyncStore();
    alice.queue('c10-wrong-cycle', vote('c11', 'alice', 'k1'));
    alice.queue('c10-nowhere', vote('nocycle', 'alice', 'k1'));
    alice.queue('c10-alice-k1', vote('c10', 'alice', 'k1'));
    const ta = transport('c10', 'alice', alice);
    await eventually(() => alice.sent.includes('c10-alice-k1') && alice.applied.length === 1, 'the right vote sent and applied');
    expect(alice.outbox.map((e) => e.id)).toEqual(['c10-wrong-cycle', 'c10-nowhere']);
    expect(ta.status.getSnapshot().pending).toBe(2);
    expect(ta.status.getSnapshot().lastError).not.toBeNull();
  });

  it("keeps an administrator's stream settings and widens only the dedupe window Levelset relies on", async () => {
    const nc = await connect({ servers: server.url, user: 'chair', pass: 'pw-chair', inboxPrefix: '_INBOX_chair' });
    const jsm = await jetstreamManager(nc, { checkAPI: false });
    await jsm.streams.add({ name: cycleStream('c12').name, subjects: ['levelset.cycle.c12.>'], max_msgs: 5000, duplicate_window: nanos(60_000) });
    const tc = transport('c12', 'chair', new MemorySyncStore());
    await eventually(() => connected(tc), 'the chair connects');
    const info = await jsm.streams.info(cycleStream('c12').name);
    expect(info.config.max_msgs).toBe(5000);
    expect(info.config.duplicate_window).toBe(nanos(DEDUPE_WINDOW_MS));
    await nc.close();
  });

  it('signs in with an nkey seed, and the nkey user is held to its own votes too', async () => {
    const tc = transport('c13', 'chair', new MemorySyncStore());
    await eventually(() => connected(tc), 'the chair opens the cycle');
    const dan = new MemorySyncStore();
    dan.queue('c13-dan-forged', vote('c13', 'alice', 'k1'));
    dan.queue('c13-dan-k1', vote('c13', 'dan', 'k1'));
    const td = transport('c13', 'dan', dan, { kind: 'nkey', seed: new TextDecoder().decode(DAN.getSeed()) });
    await eventually(() => dan.applied.length === 1 && connected(td), 'the own vote sent and applied');
    expect(dan.appliedIds()).toEqual(['c13-dan-k1']);
    expect(td.status.getSnapshot().lastError?.kind).toBe('permission');
  });
});
