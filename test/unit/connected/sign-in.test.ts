// Each way the connection form signs in (token, nkey seed, user JWT with its
// seed), from the settings the app stores through the app's own adapter
// (renderer/connected/sync.ts sessionTransport) over WebSocket, against a
// real nats-server configured that way; and a wrong token refused in words
// that never quote it.
import { wsconnect } from '@nats-io/nats-core';
import { createUser } from '@nats-io/nkeys';
import { WebSocket as UndiciWebSocket } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessionTransport } from '../../../renderer/connected/sync';
import type { ConnectedTransport } from '../../../renderer/connected/transport';
import type { ConnectionAuth, ConnectionSettings } from '../../../shared/connected/state';
import { operatorSetup, tokenConfig } from '../../support/nats-jwt';
import { eventually } from '../../support/memory-sync-store';
import { startNatsServer, type NatsTestServer } from '../../support/nats-server';

const g = globalThis as { WebSocket?: unknown };
const original = g.WebSocket;
const servers: NatsTestServer[] = [];
const running: ConnectedTransport[] = [];

beforeAll(() => {
  if (!g.WebSocket) g.WebSocket = UndiciWebSocket;
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((t) => t.stop()));
  await Promise.all(servers.splice(0).map((s) => s.dispose()));
});
afterAll(() => {
  g.WebSocket = original;
});

async function server(options: Parameters<typeof startNatsServer>[0]): Promise<NatsTestServer> {
  const s = await startNatsServer(options);
  servers.push(s);
  return s;
}

/** The chair's app of cycle `cycleId`, signing in with `auth`, started. */
function chairApp(url: string, cycleId: string, auth: ConnectionAuth): ConnectedTransport {
  const settings: ConnectionSettings = { cycleId, serverUrl: url, auth, identity: { memberId: 'chair', role: 'chair', name: 'Morgan Ellis' }, updatedAt: '2026-11-20T10:00:00.000Z' };
  const t = sessionTransport(settings, wsconnect)!;
  running.push(t);
  t.start();
  return t;
}

const connected = (t: ConnectedTransport) => t.status.getSnapshot().state === 'connected';

describe('signing in to a real server', () => {
  it('with a token, and refuses a wrong one in plain words that do not quote it', async () => {
    const token = 'committee-token-4f1d9b2e';
    const s = await server({ users: [], config: tokenConfig(token) });
    const good = chairApp(s.wsUrl, 'tok', { kind: 'token', token });
    await eventually(() => connected(good), 'signed in with the token');

    const wrong = 'committee-token-WRONG-77';
    const bad = chairApp(s.wsUrl, 'tok', { kind: 'token', token: wrong });
    await eventually(() => bad.status.getSnapshot().lastError !== null, 'the wrong token refused');
    const { state, lastError } = bad.status.getSnapshot();
    expect(state).not.toBe('connected');
    expect(lastError).toMatchObject({ kind: 'credentials', message: 'The server did not accept your credentials. Check the user name and password (or token, key or creds file).' });
    expect(JSON.stringify(lastError)).not.toContain(wrong);
  });

  it('with an nkey seed', async () => {
    const key = createUser();
    const s = await server({ users: [{ id: 'chair', role: 'chair', nkey: key.getPublicKey() }] });
    const t = chairApp(s.wsUrl, 'nk', { kind: 'nkey', seed: new TextDecoder().decode(key.getSeed()) });
    await eventually(() => connected(t), 'signed in with the nkey');
    // Another user's seed is refused.
    const other = chairApp(s.wsUrl, 'nk', { kind: 'nkey', seed: new TextDecoder().decode(createUser().getSeed()) });
    await eventually(() => other.status.getSnapshot().lastError?.kind === 'credentials', 'an unknown nkey refused');
  });

  it('with a user JWT and its seed (creds), on an operator-mode server', async () => {
    const setup = operatorSetup();
    const s = await server({ users: [], config: setup.config });
    const t = chairApp(s.wsUrl, 'jw', { kind: 'creds', jwt: setup.jwt, seed: setup.seed });
    await eventually(() => connected(t), 'signed in with the creds');
    // The JWT with another user's seed cannot sign the server's challenge.
    const forged = chairApp(s.wsUrl, 'jw', { kind: 'creds', jwt: setup.jwt, seed: new TextDecoder().decode(createUser().getSeed()) });
    await eventually(() => forged.status.getSnapshot().lastError?.kind === 'credentials', 'a JWT with the wrong seed refused');
  });
});
