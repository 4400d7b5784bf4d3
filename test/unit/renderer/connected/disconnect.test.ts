// The chair disconnects a cycle, against a real nats-server, through the
// app's own sync manager (renderer/connected/sync-manager.ts) over WebSocket:
// the transport stops, the status says the cycle is not connected, a change
// queued while offline stays in the outbox (as the Disconnect dialog says)
// and nothing reaches the server; connecting again sends it, once.
import { wsconnect } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { WebSocket as UndiciWebSocket } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcile } from '../../../../renderer/connected/sync-manager';
import { connectionStatusOf } from '../../../../renderer/connected/status';
import { chairDecide, connectedStatus, forgetConnection, outboxCount, saveConnection } from '../../../../renderer/db/connected';
import { db } from '../../../../renderer/db/database';
import { loadSampleCycle } from '../../../../renderer/db/repositories';
import { eventually } from '../../../support/memory-sync-store';
import { startNatsServer, type NatsTestServer } from '../../../support/nats-server';
import { AT, cast, sample } from './harness';

const s = sample();
const c = cast(s);
let server: NatsTestServer;
const g = globalThis as { WebSocket?: unknown };
const original = g.WebSocket;

beforeAll(async () => {
  if (!g.WebSocket) g.WebSocket = UndiciWebSocket;
  server = await startNatsServer({ users: [{ id: c.chair.id, role: 'chair', password: 'pw-chair' }] });
  await db.open();
  await loadSampleCycle(db, s, AT);
}, 60_000);
afterAll(async () => {
  await reconcile([]);
  await db.delete();
  await server?.dispose();
  g.WebSocket = original;
});

const settings = () => ({ cycleId: c.cycleId, serverUrl: server.wsUrl, auth: { kind: 'user-password' as const, user: c.chair.id, password: 'pw-chair' }, identity: { memberId: c.chair.id, role: 'chair' as const, name: c.chair.name } });
const sync = async () => reconcile(await db.connections.toArray(), wsconnect);
const state = () => connectionStatusOf(c.cycleId)?.state ?? 'not running';

async function storedMessages(): Promise<number> {
  const nc = await connect({ servers: server.url, user: c.chair.id, pass: 'pw-chair', inboxPrefix: `_INBOX_${c.chair.id}` });
  try {
    return (await (await jetstreamManager(nc, { checkAPI: false })).streams.info(c.stream)).state.messages;
  } finally {
    await nc.close();
  }
}

const decide = (candidateId: string, at: string) => chairDecide(db, { sessionId: c.session.id, candidateId, outcome: 'defer', newLevelId: null, rationale: 'Evidence is thin this half.', citedCriterionIds: [], nextSteps: ['Lead one project end to end.'], dissent: '' }, at);

describe('disconnecting a cycle', () => {
  it('stops sending, says so, keeps what waits, and resumes when connected again', async () => {
    await saveConnection(db, settings(), AT);
    await sync();
    await eventually(() => state() === 'connected', 'the chair connected');
    await decide(c.candidates[0]!, AT);
    await eventually(async () => (await outboxCount(db, c.cycleId)) === 0, 'the first decision sent');
    const sent = await storedMessages();

    // Offline, the chair decides again: it waits in the outbox. Then Disconnect.
    await server.stop();
    await eventually(() => state() === 'offline', 'the app sees the server is gone');
    await decide(c.candidates[1]!, AT);
    expect(await outboxCount(db, c.cycleId)).toBe(1);
    await forgetConnection(db, c.cycleId);
    await sync();
    expect(state()).toBe('not running');
    expect((await connectedStatus(db, c.cycleId)).connection).toBeNull();
    // The dialog says changes not yet sent are kept.
    expect(await outboxCount(db, c.cycleId)).toBe(1);
    // Disconnected, a session write is the one-machine command: connected actions refuse.
    await expect(decide(c.candidates[2]!, AT)).rejects.toThrow(/not connected/);

    // The server is back, but nothing connects for a disconnected cycle.
    await server.start();
    expect(state()).toBe('not running');
    expect(await storedMessages()).toBe(sent);

    // Connecting again sends what waited, once, and follows the stream from where it was.
    await saveConnection(db, settings(), AT);
    await sync();
    await eventually(async () => state() === 'connected' && (await outboxCount(db, c.cycleId)) === 0, 'connected again, the outbox sent');
    expect(await storedMessages()).toBe(sent + 1);
    expect(await db.decisions.where('sessionId').equals(c.session.id).count()).toBe(2);
    expect((await connectedStatus(db, c.cycleId)).problems).toEqual([]);
  }, 120_000);
});
