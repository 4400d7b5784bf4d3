// The server, not the app, enforces who may do what: these tests speak NATS
// directly (no Levelset code) to the config the generator renders, as a
// modified or hostile client would.
import { connect } from '@nats-io/transport-node';
import { PermissionViolationError, type NatsConnection } from '@nats-io/nats-core';
import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INBOX_STREAM, INBOX_SUBJECTS, userInboxPrefix } from '../../../scripts/nats/server-config.mjs';
import { startNatsServer, type ConfigUser, type NatsTestServer } from '../../support/nats-server';
import { eventSubject } from '../../../shared/connected/events';

const USERS: ConfigUser[] = [
  { id: 'chair', role: 'chair', password: 'pw-chair' },
  { id: 'alice', role: 'member', password: 'pw-alice' },
  { id: 'bob', role: 'member', password: 'pw-bob' },
  { id: 'mia', role: 'manager', password: 'pw-mia' },
  { id: 'max', role: 'manager', password: 'pw-max' },
];
const CYCLE_STREAM = 'LEVELSET_c1';

let server: NatsTestServer;
const open: NatsConnection[] = [];

async function as(id: string): Promise<NatsConnection> {
  const nc = await connect({ servers: server.url, user: id, pass: `pw-${id}`, inboxPrefix: userInboxPrefix(id) });
  open.push(nc);
  return nc;
}

/** The error a refused request rejects with, searched through its causes. */
async function refusal(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    let err: unknown = e;
    while (err instanceof Error) {
      if (err instanceof PermissionViolationError) return err;
      err = err.cause;
    }
    throw new Error(`expected a permissions violation, got ${String(e)}`);
  }
  throw new Error('expected a permissions violation, but the server accepted it');
}

beforeAll(async () => {
  server = await startNatsServer({ users: USERS });
  const jsm = await jetstreamManager(await as('chair'));
  await jsm.streams.add({ name: CYCLE_STREAM, subjects: ['levelset.cycle.c1.>'] });
  await jsm.streams.add({ name: INBOX_STREAM, subjects: [INBOX_SUBJECTS] });
}, 60_000);

afterAll(async () => {
  await Promise.all(open.map((nc) => nc.close().catch(() => undefined)));
  await server?.dispose();
});

describe('server-enforced permissions', () => {
  it('lets a member publish their own vote', async () => {
    const ack = await jetstream(await as('alice')).publish('levelset.cycle.c1.session.s1.member.alice.vote', '{}');
    expect(ack.stream).toBe(CYCLE_STREAM);
  });

  it("refuses a member's chair action (a forged reveal) as a permissions violation", async () => {
    const chairJsm = await jetstreamManager(await as('chair'));
    const before = (await chairJsm.streams.info(CYCLE_STREAM)).state.messages;
    const err = await refusal(jetstream(await as('alice')).publish('levelset.cycle.c1.session.s1.chair.reveal', '{}'));
    expect(err).toBeInstanceOf(PermissionViolationError);
    expect((err as PermissionViolationError).operation).toBe('publish');
    expect((err as PermissionViolationError).subject).toBe('levelset.cycle.c1.session.s1.chair.reveal');
    // Nothing reached the stream.
    expect((await chairJsm.streams.info(CYCLE_STREAM)).state.messages).toBe(before);
  });

  it("refuses a member's vote under another member's id", async () => {
    await refusal(jetstream(await as('alice')).publish('levelset.cycle.c1.session.s1.member.bob.vote', '{}'));
  });

  it('lets the chair publish chair actions', async () => {
    const ack = await jetstream(await as('chair')).publish('levelset.cycle.c1.session.s1.chair.reveal', '{}');
    expect(ack.stream).toBe(CYCLE_STREAM);
  });

  it('lets only the chair open a session to the committee (session.open goes under chair.>)', async () => {
    const open = eventSubject({ type: 'session.open', cycleId: 'c1', sessionId: 's1', actor: { memberId: 'chair', role: 'chair' } });
    expect(open).toBe('levelset.cycle.c1.session.s1.chair.open');
    const err = await refusal(jetstream(await as('alice')).publish(open, '{}'));
    expect(err).toBeInstanceOf(PermissionViolationError);
    expect((await jetstream(await as('chair')).publish(open, '{}')).stream).toBe(CYCLE_STREAM);
  });

  it('refuses a member creating or deleting streams', async () => {
    const jsm = await jetstreamManager(await as('bob'), { checkAPI: false });
    await refusal(jsm.streams.add({ name: 'LEVELSET_rogue', subjects: ['levelset.cycle.rogue.>'] }));
    await refusal(jsm.streams.delete(CYCLE_STREAM));
  });

  it('lets a manager send a packet under their own id only', async () => {
    const js = jetstream(await as('mia'));
    const ack = await js.publish('levelset.inbox.c1.mia.p1', 'sealed bundle');
    expect(ack.stream).toBe(INBOX_STREAM);
    await refusal(js.publish('levelset.inbox.c1.max.p2', 'forged sender'));
  });

  it('refuses a manager creating a consumer on the inbox or reading it any other way', async () => {
    const nc = await as('max');
    const jsm = await jetstreamManager(nc, { checkAPI: false });
    await refusal(jsm.consumers.add(INBOX_STREAM, { ack_policy: AckPolicy.None }));
    await refusal(jsm.streams.getMessage(INBOX_STREAM, { seq: 1 }));
    await refusal(jsm.streams.info(INBOX_STREAM));
    // A plain subscription to the inbox subjects is refused too.
    const sub = nc.subscribe('levelset.inbox.>');
    await expect(sub.closed).resolves.toBeInstanceOf(PermissionViolationError);
  });

  it("refuses a member reading the inbox, and anyone subscribing to another user's replies", async () => {
    const nc = await as('alice');
    const jsm = await jetstreamManager(nc, { checkAPI: false });
    await refusal(jsm.consumers.add(INBOX_STREAM, { ack_policy: AckPolicy.None }));
    await refusal(jsm.streams.getMessage(INBOX_STREAM, { seq: 1 }));
    const snoop = nc.subscribe(`${userInboxPrefix('chair')}.>`);
    await expect(snoop.closed).resolves.toBeInstanceOf(PermissionViolationError);
  });

  it('lets the chair read the inbox', async () => {
    const js = jetstream(await as('chair'));
    const c = await js.consumers.get(INBOX_STREAM);
    const m = await c.next({ expires: 5000 });
    expect(m?.subject).toBe('levelset.inbox.c1.mia.p1');
  });
});
