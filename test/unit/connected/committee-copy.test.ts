// Members start from an empty app (issue 14): against a real nats-server, the
// chair's app puts the cycle's committee copy (the cycle bundle, encrypted
// with the cycle passphrase) in the object store; a member's app that holds
// nothing fetches it, imports it like a bundle file and then applies the
// chair's session. A session.open that arrives before the copy waits and
// applies once it is in; later changes to the session reach the member; an
// older change arriving late is ignored; only the chair may write the copy.
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyStreamEvent, chairOpenSessions, committeeCopyChecksum, committeeCopyContent, cyclePassphrase, importCommitteeCopy, importedCopyChecksum, joinCommittee, lastAppliedSeq, markSent, pendingOutbox, saveConnection } from '../../../renderer/db/connected';
import { copySync, type CopyApp } from '../../../renderer/connected/copy-sync';
import { getCopy, putCopy } from '../../../renderer/connected/committee-copy';
import { ConnectedTransport } from '../../../renderer/connected/transport';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { updateSession } from '../../../renderer/db/sessions';
import { runCommand } from '../../../renderer/db/write/run-command';
import { encodeEvent, decodeEvent } from '../../../shared/connected/contract';
import { makeEvent, streamName } from '../../../shared/connected/events';
import type { ConnectionSettings } from '../../../shared/connected/state';
import { eventually } from '../../support/memory-sync-store';
import { startNatsServer, type NatsTestServer } from '../../support/nats-server';
import { AT, cast, sample } from '../renderer/connected/harness';

const PASSPHRASE = 'correct horse battery staple 42';

let server: NatsTestServer;
let s: ReturnType<typeof sample>;
let c: ReturnType<typeof cast>;
const transports: ConnectedTransport[] = [];
const dbs: LevelsetDatabase[] = [];
let count = 0;

beforeAll(() => {
  s = sample();
  c = cast(s);
});

// A server of its own for each test: the stream and the copy of one test must not be there for the next.
beforeEach(async () => {
  server = await startNatsServer({
    users: [
      { id: c.chair.id, role: 'chair', password: 'pw-chair' },
      { id: c.m2.id, role: 'member', password: 'pw-m2' },
      { id: c.m3.id, role: 'member', password: 'pw-m3' },
    ],
  });
}, 60_000);

afterEach(async () => {
  await Promise.all(transports.splice(0).map((t) => t.stop()));
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
  await server?.dispose();
});

async function freshDb(): Promise<LevelsetDatabase> {
  const db = new LevelsetDatabase(`copy-${process.pid}-${++count}`);
  dbs.push(db);
  await db.open();
  return db;
}

function appOf(db: LevelsetDatabase): CopyApp {
  return {
    passphrase: (cycleId) => cyclePassphrase(db, cycleId),
    copyContent: (cycleId) => committeeCopyContent(db, cycleId),
    copyChecksum: (content) => committeeCopyChecksum(content),
    importedChecksum: (cycleId) => importedCopyChecksum(db, cycleId),
    importCopy: (cycleId, text, passphrase) => importCommitteeCopy(db, cycleId, text, passphrase, new Date().toISOString()),
  };
}

/** A connected app as the sync manager runs it, over its own database: session events and the committee copy. */
function run(db: LevelsetDatabase, settings: ConnectionSettings, password: string) {
  let transport: ConnectedTransport | null = null;
  const copy = copySync(settings, () => transport!.status, appOf(db));
  transport = new ConnectedTransport({
    connect,
    servers: server.url,
    credentials: { kind: 'password', user: settings.identity.memberId, password },
    userId: settings.identity.memberId,
    role: settings.identity.role === 'chair' ? 'chair' : 'member',
    cycleId: settings.cycleId,
    backoff: { initialMs: 100, maxMs: 1_000 },
    onConnected: (nc) => copy.onConnected(nc),
    store: {
      pending: async () => (await pendingOutbox(db, settings.cycleId)).map((m) => ({ id: m.msgId, subject: m.subject, data: encodeEvent(m.event) })),
      markSent: (id) => markSent(db, id),
      apply: async (event, meta) => {
        await applyStreamEvent(db, decodeEvent(event.data), { stream: meta.stream, streamSeq: meta.streamSeq, receivedAt: meta.receivedAt, subject: event.subject });
      },
      lastSeq: (stream) => lastAppliedSeq(db, stream),
    },
  });
  transports.push(transport);
  transport.start();
  return { transport, copy };
}

async function chairApp(passphrase: string | undefined) {
  const db = await freshDb();
  await loadSampleCycle(db, s, AT);
  const summary = await saveConnection(db, { cycleId: c.cycleId, serverUrl: server.wsUrl, auth: { kind: 'user-password', user: c.chair.id, password: 'pw-chair' }, identity: { memberId: c.chair.id, role: 'chair', name: c.chair.name }, ...(passphrase ? { cyclePassphrase: passphrase } : {}) }, AT);
  const settings = (await db.connections.get(summary.cycleId))!;
  return { db, settings, ...run(db, settings, 'pw-chair') };
}

async function emptyMember(who: { id: string }, password: string) {
  const db = await freshDb();
  await joinCommittee(db, { cycleId: c.cycleId, serverUrl: server.wsUrl, auth: { kind: 'user-password', user: who.id, password }, memberId: who.id, cyclePassphrase: PASSPHRASE }, AT);
  const settings = (await db.connections.get(c.cycleId))!;
  return { db, settings, ...run(db, settings, password) };
}

async function openTo(chair: Awaited<ReturnType<typeof chairApp>>) {
  await chairOpenSessions(chair.db, c.cycleId);
  chair.transport.notify();
}

async function asUser(user: string, password: string): Promise<NatsConnection> {
  return connect({ servers: server.url, user, pass: password, inboxPrefix: `_INBOX_${user}` });
}

const sessionOf = (db: LevelsetDatabase) => db.sessions.get(c.session.id);

describe('a member starting from an empty app', () => {
  it('gets the cycle from the chair’s encrypted copy, imports it like a bundle file, then the chair’s session', async () => {
    const chair = await chairApp(PASSPHRASE);
    await eventually(() => chair.transport.status.getSnapshot().copy?.state === 'sent', 'the chair sends the cycle');
    await openTo(chair);
    const member = await emptyMember(c.m2, 'pw-m2');
    expect(await member.db.cycles.count()).toBe(0);

    await eventually(async () => (await sessionOf(member.db)) !== undefined, 'the member has the chair’s session', 90_000);
    const chairCandidates = (await chair.db.candidates.where('cycleId').equals(c.cycleId).primaryKeys()).sort();
    expect((await member.db.candidates.where('cycleId').equals(c.cycleId).primaryKeys()).sort()).toEqual(chairCandidates);
    expect((await member.db.cycles.get(c.cycleId))?.name).toBe(s.cycle.name);
    const submitted = (await chair.db.packets.where('cycleId').equals(c.cycleId).toArray()).filter((p) => p.status !== 'draft').map((p) => p.id).sort();
    expect((await member.db.packets.where('cycleId').equals(c.cycleId).primaryKeys()).sort()).toEqual(submitted);
    expect((await sessionOf(member.db))!.candidateIds).toEqual(c.session.candidateIds);
    // Through the import of a bundle file: one audited "import bundle" entry.
    expect((await member.db.audit.toArray()).filter((e) => e.action === 'import bundle')).toHaveLength(1);
    expect(member.transport.status.getSnapshot().copy?.state).toBe('imported');

    // The server holds ciphertext only: no candidate's name in the stored copy.
    const nc = await asUser(c.m3.id, 'pw-m3');
    const stored = await getCopy(nc, c.cycleId);
    expect(stored).not.toBeNull();
    expect(JSON.parse(stored!.text)).toMatchObject({ format: 'levelset.bundle', encrypted: true });
    for (const candidate of s.candidates) expect(stored!.text).not.toContain(candidate.name);
    // Only the chair writes the copy: a member's put is refused by the server.
    await expect(putCopy(nc, c.cycleId, stored!.text, 'forged')).rejects.toThrow(/permission|timeout/i);
    await nc.close();
    expect(server.log()).toMatch(/Publish Violation.*\$O\.LEVELSET_COMMITTEE/);
  }, 180_000);

  it('keeps a session.open that came before the cycle, and applies it once the copy arrives', async () => {
    const chair = await chairApp(undefined);
    await eventually(() => chair.transport.status.getSnapshot().state === 'connected', 'the chair is connected');
    await openTo(chair);
    await eventually(async () => (await pendingOutbox(chair.db, c.cycleId)).length === 0, 'the session.open is on the stream');
    const member = await emptyMember(c.m3, 'pw-m3');
    await eventually(async () => (await member.db.applied.toArray()).some((r) => r.type === 'session.open' && r.waiting !== undefined), 'the session.open waits on the member', 90_000);
    expect(await sessionOf(member.db)).toBeUndefined();
    expect(member.transport.status.getSnapshot().copy?.state).toBe('waiting');

    // The chair enters the passphrase; the copy goes out and the waiting session opens on the member.
    await saveConnection(chair.db, { ...chair.settings, cyclePassphrase: PASSPHRASE }, AT);
    chair.copy.resend(chair.transport.liveConnection());
    await eventually(async () => (await sessionOf(member.db)) !== undefined, 'the member opens the session after the copy', 90_000);
    const row = (await member.db.applied.toArray()).find((r) => r.type === 'session.open')!;
    expect(row.outcome).toBe('applied');
    expect(row.waiting).toBeUndefined();
  }, 180_000);

  it('carries later changes to the session, waits for a new candidate’s records, and ignores an older change arriving late', async () => {
    const chair = await chairApp(PASSPHRASE);
    await eventually(() => chair.transport.status.getSnapshot().copy?.state === 'sent', 'the chair sends the cycle');
    await openTo(chair);
    const member = await emptyMember(c.m2, 'pw-m2');
    await eventually(async () => (await sessionOf(member.db)) !== undefined, 'the member has the session', 90_000);

    // The chair adds a candidate created after the copy went out, drops the HR partner and orders by hand.
    const first = (await chair.db.candidates.get(c.candidates[0]!))!;
    await runCommand(chair.db, { name: 'test: add candidate', at: AT }, async (ctx) => {
      await ctx.put('candidates', { ...first, id: 'late-candidate', name: 'Late Candidate' });
    });
    const session = (await sessionOf(chair.db))!;
    const candidateIds = ['late-candidate', ...[...session.candidateIds].reverse()];
    const members = session.members.filter((m) => m.id !== c.hr.id);
    await updateSession(chair.db, c.session.id, { name: 'Renamed session', members, candidateIds, orderMode: 'manual', timeboxMinutes: 12 }, new Date().toISOString());
    const queued = await chairOpenSessions(chair.db, c.cycleId);
    expect(queued.map((e) => [e.type, e.type === 'session.update' ? e.revision : null])).toEqual([['session.update', 1]]);
    chair.transport.notify();
    chair.copy.resend(chair.transport.liveConnection());

    await eventually(async () => (await sessionOf(member.db))?.name === 'Renamed session', 'the change reaches the member', 90_000);
    const onMember = (await sessionOf(member.db))!;
    expect(onMember.candidateIds).toEqual(candidateIds);
    expect(onMember.members.map((m) => m.id)).toEqual(members.map((m) => m.id));
    expect(onMember.orderMode).toBe('manual');
    expect(onMember.timeboxMinutes).toBe(12);
    expect((await member.db.candidates.get('late-candidate'))?.name).toBe('Late Candidate');
    expect((await member.db.sessionModes.get(c.session.id))?.revision).toBe(1);
    // Nothing more to send once the change is out.
    expect(await chairOpenSessions(chair.db, c.cycleId)).toEqual([]);

    // An older change (revision 1 again, other content) published late: ignored, the session stays.
    const stale = makeEvent({ type: 'session.update', cycleId: c.cycleId, sessionId: c.session.id, actor: { memberId: c.chair.id, role: 'chair' }, createdAt: AT, revision: 1, name: 'Stale name', members: session.members, candidateIds: session.candidateIds, orderMode: session.orderMode, timeboxMinutes: session.timeboxMinutes });
    const nc = await asUser(c.chair.id, 'pw-chair');
    const { jetstream } = await import('@nats-io/jetstream');
    await jetstream(nc).publish(`levelset.cycle.${c.cycleId}.session.${c.session.id}.chair.update`, encodeEvent(stale), { msgID: stale.msgId, expect: { streamName: streamName(c.cycleId) } });
    await nc.close();
    await eventually(async () => (await member.db.applied.get(stale.msgId)) !== undefined, 'the stale change is seen', 60_000);
    expect((await member.db.applied.get(stale.msgId))?.reason).toMatch(/older change/);
    expect((await sessionOf(member.db))!.name).toBe('Renamed session');
    expect((await sessionOf(member.db))!.candidateIds).toEqual(candidateIds);
  }, 240_000);
});
