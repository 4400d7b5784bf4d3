// A committee cut off mid-session: the server stops (every client drops) and
// restarts with the same store. Votes made offline wait in the outbox; once
// back, every app has every event exactly once, in the same order.
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cycleStream } from '../../../renderer/connected/transport-streams';
import { eventually, MemorySyncStore } from '../../support/memory-sync-store';
import { startNatsServer, type ConfigUser, type NatsTestServer } from '../../support/nats-server';
import { TestTransports } from '../../support/test-transports';

const MEMBERS = ['alice', 'bob', 'carol'];
const USERS: ConfigUser[] = [
  { id: 'chair', role: 'chair', password: 'pw-chair' },
  ...MEMBERS.map((id) => ({ id, role: 'member' as const, password: `pw-${id}` })),
];
const vote = (member: string, candidate: number) => `levelset.cycle.cut.session.s1.member.${member}.vote.k${candidate}`;

let server: NatsTestServer;
const running = new TestTransports();
const transports = running.all;

beforeAll(async () => {
  server = await startNatsServer({ users: USERS });
}, 60_000);
afterAll(async () => {
  await running.stopAll();
  await server?.dispose();
});

describe('catching up after the server was gone', () => {
  it('loses nothing and duplicates nothing', async () => {
    const stores = new Map<string, MemorySyncStore>();
    for (const id of ['chair', ...MEMBERS]) {
      const store = new MemorySyncStore();
      stores.set(id, store);
      running.make({ servers: server.url, cycleId: 'cut', userId: id, store });
    }
    const [chairT, ...memberTs] = transports;
    chairT!.start();
    await eventually(() => chairT!.status.getSnapshot().state === 'connected', 'the chair opens the cycle');
    for (const t of memberTs) t.start();

    const all = [...stores.values()];
    const castVotes = (from: number, to: number) => {
      for (const m of MEMBERS) for (let k = from; k < to; k++) stores.get(m)!.queue(`cut-${m}-k${k}`, vote(m, k));
      for (const t of memberTs) t.notify();
    };
    castVotes(0, 5);
    await eventually(() => all.every((s) => s.applied.length === 15), 'the first votes everywhere');

    await server.stop();
    await eventually(() => transports.every((t) => t.status.getSnapshot().state === 'offline'), 'every app sees it is offline');
    // Working offline: votes queue in the outbox and the status counts them.
    castVotes(5, 10);
    await eventually(() => memberTs.every((t) => t.status.getSnapshot().pending === 5), 'five votes waiting in each outbox');

    await server.start();
    await eventually(() => all.every((s) => s.applied.length === 30 && s.outbox.length === 0), 'every vote everywhere after the restart');
    await eventually(() => transports.every((t) => t.status.getSnapshot().state === 'connected'), 'everyone connected again');

    const expected = MEMBERS.flatMap((m) => Array.from({ length: 10 }, (_, k) => `cut-${m}-k${k}`)).sort();
    const reference = stores.get('chair')!.applied.map((a) => `${a.meta.streamSeq}:${a.event.msgId}`);
    for (const s of all) {
      expect([...s.appliedIds()].sort()).toEqual(expected);
      expect(s.applied.map((a) => `${a.meta.streamSeq}:${a.event.msgId}`)).toEqual(reference);
    }
    const nc = await connect({ servers: server.url, user: 'chair', pass: 'pw-chair', inboxPrefix: '_INBOX_chair' });
    const info = await (await jetstreamManager(nc, { checkAPI: false })).streams.info(cycleStream('cut').name);
    expect(info.state.messages).toBe(30);
    await nc.close();
    // Well-behaved clients needed no subject their role lacks.
    expect(server.log()).not.toMatch(/Permissions Violation/i);
  });
});
