// The test server itself: it starts with JetStream and the rendered users, keeps
// its store across stop/start on the same ports, and cleans up after itself.
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { natsServerBinary, startNatsServer, type NatsTestServer } from '../../support/nats-server';

const USERS = [{ id: 'chair', role: 'chair' as const, password: 'chair-pw' }];
let server: NatsTestServer;

beforeAll(async () => {
  server = await startNatsServer({ users: USERS });
}, 60_000);
afterAll(async () => {
  await server?.dispose();
});

describe('nats-server test harness', () => {
  it('serves JetStream to a configured user and keeps the store across a restart on the same port', async () => {
    const opts = { servers: server.url, user: 'chair', pass: 'chair-pw', inboxPrefix: '_INBOX_chair' };
    let nc = await connect(opts);
    const jsm = await jetstreamManager(nc);
    await jsm.streams.add({ name: 'LEVELSET_harness', subjects: ['levelset.cycle.harness.>'] });
    const ack = await jetstream(nc).publish('levelset.cycle.harness.session.s1.chair.reveal', 'x');
    expect(ack.seq).toBe(1);
    await nc.close();

    await server.stop();
    expect(server.running()).toBe(false);
    await server.start();

    nc = await connect(opts);
    const info = await (await jetstreamManager(nc)).streams.info('LEVELSET_harness');
    expect(info.state.messages).toBe(1);
    await nc.close();
  });

  it('answers a WebSocket upgrade on its WebSocket port (what wsconnect in the app speaks)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: server.wsPort,
        headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' },
      });
      req.on('upgrade', (res, socket) => {
        socket.destroy();
        resolve(res.statusCode ?? 0);
      });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(101);
  });

  it('refuses a wrong password', async () => {
    await expect(connect({ servers: server.url, user: 'chair', pass: 'wrong' })).rejects.toThrow(/authorization/i);
  });

  it('fails with how to install nats-server when it is missing, rather than skipping', () => {
    expect(() => natsServerBinary({ PATH: '/nonexistent' }, [])).toThrow(/\.ci\/run installs Debian's package/);
    expect(natsServerBinary()).toMatch(/nats-server$/);
  });

  it('removes its temp dir when disposed', async () => {
    const other = await startNatsServer({ users: USERS });
    expect(existsSync(other.dir)).toBe(true);
    await other.dispose();
    expect(existsSync(other.dir)).toBe(false);
  });
});
