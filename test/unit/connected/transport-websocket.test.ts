// The app connects with wsconnect over the server's WebSocket port. Node 20 has
// no global WebSocket, so this test lends it undici's (a transitive dependency
// of the toolchain; Node 22 has it built in).
import { wsconnect } from '@nats-io/nats-core';
import { WebSocket as UndiciWebSocket } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, MemorySyncStore } from '../../support/memory-sync-store';
import { startNatsServer, type NatsTestServer } from '../../support/nats-server';
import { TestTransports } from '../../support/test-transports';

let server: NatsTestServer;
const g = globalThis as { WebSocket?: unknown };
const hadWebSocket = 'WebSocket' in g;
const original = g.WebSocket;

beforeAll(async () => {
  if (!g.WebSocket) g.WebSocket = UndiciWebSocket;
  server = await startNatsServer({
    users: [
      { id: 'chair', role: 'chair', password: 'pw-chair' },
      { id: 'alice', role: 'member', password: 'pw-alice' },
    ],
  });
}, 60_000);
afterAll(async () => {
  await server?.dispose();
  if (hadWebSocket) g.WebSocket = original;
  else delete g.WebSocket;
});

describe('ConnectedTransport over WebSocket', () => {
  it('syncs a vote between two apps connected with wsconnect', async () => {
    const running = new TestTransports();
    const make = (id: string, store: MemorySyncStore) => running.start({ connect: wsconnect, servers: server.wsUrl, cycleId: 'ws', userId: id, store });
    const chair = new MemorySyncStore();
    const alice = new MemorySyncStore();
    const tc = make('chair', chair);
    await eventually(() => tc.status.getSnapshot().state === 'connected', 'the chair opens the cycle');
    alice.queue('ws-alice-k1', 'levelset.cycle.ws.session.s1.member.alice.vote.k1');
    make('alice', alice);
    await eventually(() => chair.applied.length === 1 && alice.applied.length === 1, 'the vote on both apps');
    expect(chair.appliedIds()).toEqual(['ws-alice-k1']);
    await running.stopAll();
  });
});
