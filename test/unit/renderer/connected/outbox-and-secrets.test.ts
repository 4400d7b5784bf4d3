import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { ROW_ENVELOPE_FIELD, randomDataKey, isRowSealed } from '../../../../shared/crypto/field-crypto';
import { castOpenVote, castSealedVote, chairDecide, connectionSummary, outboxCount, pendingOutbox, saveConnection } from '../../../../renderer/db/connected';
import { LevelsetDatabase } from '../../../../renderer/db/database';
import { setEncryption } from '../../../../renderer/db/encryption';
import { exportBackup } from '../../../../renderer/db/backup';
import { bundleExportFor } from '../../../../renderer/db/bundles';
import { loadSampleCycle } from '../../../../renderer/db/repositories';
import { AT, cast, catchUp, closeAll, FakeStream, machine, opened, sample, TOKEN } from './harness';

afterEach(closeAll);

describe('the outbox', () => {
  it('holds only the commitment of a sealed vote, survives a restart, and drains; a re-publish after a crash changes nothing', async () => {
    const s = sample();
    const c = cast(s);
    const name = `outbox-${process.pid}-${Date.now()}`;
    const member = await machine(s, c.m2, name);
    const observer = await machine(s);
    await castSealedVote(member, { sessionId: c.session.id, candidateId: c.candidates[0]!, phase: 'pre', outcome: 'promote' }, AT);
    await castSealedVote(member, { sessionId: c.session.id, candidateId: c.candidates[1]!, phase: 'pre', outcome: 'defer' }, AT);
    const queued = await pendingOutbox(member);
    expect(queued.map((m) => m.event.type)).toEqual(['vote.commit', 'vote.commit']);
    for (const m of queued) {
      expect(Object.keys(m.event)).not.toContain('vote');
      expect(Object.keys(m.event)).not.toContain('salt');
      expect(m.subject).toBe(`levelset.cycle.${c.cycleId}.session.${c.session.id}.member.${c.m2.id}.vote`);
    }
    // The app closes (or crashes) before anything is sent; the queue is still there when it opens again.
    member.close();
    const reopened = new LevelsetDatabase(name);
    opened.push(reopened);
    await reopened.open();
    expect(await pendingOutbox(reopened)).toEqual(queued);

    // The first message reaches the server but the app dies before the acknowledgement is recorded.
    const stream = new FakeStream(false);
    stream.publish(queued[0]!.subject, queued[0]!.event, queued[0]!.msgId);
    expect(await stream.drain(reopened)).toBe(2);
    expect(await outboxCount(reopened)).toBe(0);
    expect(stream.messages).toHaveLength(3);

    await catchUp(observer, stream, c.stream);
    const commitments = await observer.commitments.toArray();
    expect(commitments.map((r) => r.candidateId).sort()).toEqual([c.candidates[0], c.candidates[1]].sort());
    expect((await observer.applied.toArray()).map((a) => a.outcome)).toEqual(['applied', 'applied']);
  });

  it('queues nothing when the local change is refused', async () => {
    const s = sample();
    const c = cast(s);
    const chair = await machine(s, c.chair);
    await expect(chairDecide(chair, { sessionId: c.session.id, candidateId: c.candidates[0]!, outcome: 'not-yet', newLevelId: null, rationale: 'Close.', citedCriterionIds: [], nextSteps: [], dissent: '' }, AT)).rejects.toThrow();
    await expect(castOpenVote(chair, { sessionId: c.session.id, candidateId: c.candidates[0]!, outcome: 'promote' }, AT)).rejects.toThrow(/sealed/);
    expect(await outboxCount(chair)).toBe(0);
    expect(await chair.applied.count()).toBe(0);
    expect(await chair.decisions.where('sessionId').equals(c.session.id).count()).toBe(0);
  });
});

describe('connection credentials', () => {
  it('are sealed at rest with this member’s sealed votes, and never reach a backup, a bundle or the trail', async () => {
    const s = sample();
    const c = cast(s);
    const name = `secrets-${process.pid}-${Date.now()}`;
    const db = new LevelsetDatabase(name);
    opened.push(db);
    setEncryption(db, { mode: 'on', key: randomDataKey() });
    await loadSampleCycle(db, s, AT);
    const summary = await saveConnection(db, { cycleId: c.cycleId, serverUrl: 'wss://nats.example.com', auth: { kind: 'user-password', user: 'm2', password: TOKEN }, identity: { memberId: c.m2.id, role: 'member', name: c.m2.name } }, AT);
    expect(JSON.stringify(summary)).not.toContain(TOKEN);
    expect(summary).toMatchObject({ authKind: 'user-password', user: 'm2', serverUrl: 'wss://nats.example.com' });
    const own = await castSealedVote(db, { sessionId: c.session.id, candidateId: c.candidates[0]!, phase: 'pre', outcome: 'not-yet' }, AT);

    const raw = new Dexie(name);
    await raw.open();
    const [connection] = (await raw.table('connections').toArray()) as Array<Record<string, unknown>>;
    const [ownRow] = (await raw.table('ownVotes').toArray()) as Array<Record<string, unknown>>;
    raw.close();
    // The listed fields live only inside the row's sealed envelope.
    expect(connection!.auth).toBeUndefined();
    expect(connection![ROW_ENVELOPE_FIELD]).toBeInstanceOf(Uint8Array);
    expect(isRowSealed('connections', connection)).toBe(true);
    expect(JSON.stringify(connection)).not.toContain(TOKEN);
    expect(ownRow!.salt === undefined && ownRow!.vote === undefined && isRowSealed('ownVotes', ownRow)).toBe(true);
    expect(ownRow![ROW_ENVELOPE_FIELD]).toBeInstanceOf(Uint8Array);
    expect(JSON.stringify(ownRow)).not.toContain(own.salt);
    // The app reads them back.
    expect((await db.connections.get(c.cycleId))?.auth).toEqual({ kind: 'user-password', user: 'm2', password: TOKEN });

    const backup = await exportBackup(db, { appVersion: 'test', createdAt: AT });
    expect(backup).not.toContain(TOKEN);
    expect(backup).not.toContain(own.salt);
    const bundle = await bundleExportFor(db, c.cycleId, s.packets.map((p) => p.id));
    expect(JSON.stringify(bundle)).not.toContain(TOKEN);
    expect(JSON.stringify(await db.audit.toArray())).not.toContain(TOKEN);
    expect(connectionSummary((await db.connections.get(c.cycleId))!)).toEqual(summary);
  });

  it('are refused with a message that never quotes them', async () => {
    const s = sample();
    const c = cast(s);
    const db = await machine(s);
    const identity = { memberId: c.chair.id, role: 'chair' as const, name: c.chair.name };
    const attempts = [
      { serverUrl: 'ws://nats.example.com', auth: { kind: 'token' as const, token: TOKEN } },
      { serverUrl: `wss://chair:${TOKEN}@nats.example.com`, auth: { kind: 'token' as const, token: TOKEN } },
      { serverUrl: 'wss://nats.example.com', auth: { kind: 'nkey' as const, seed: `SX${TOKEN}` } },
    ];
    for (const attempt of attempts) {
      const error = await saveConnection(db, { cycleId: c.cycleId, identity, ...attempt }, AT).catch((e: unknown) => e as Error);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).not.toContain(TOKEN);
    }
    expect(await db.connections.count()).toBe(0);
  });

  it('are kept when settings change without retyping them, only for the same way of signing in and user name', async () => {
    const s = sample();
    const c = cast(s);
    const db = await machine(s);
    const identity = { memberId: c.chair.id, role: 'chair' as const, name: c.chair.name };
    await saveConnection(db, { cycleId: c.cycleId, serverUrl: 'wss://nats.example.com', auth: { kind: 'user-password', user: 'chair', password: TOKEN }, identity }, AT);
    // The chair adds the cycle passphrase later: the form sends the sign-in as kept, not the password again.
    await saveConnection(db, { cycleId: c.cycleId, serverUrl: 'wss://nats2.example.com', auth: { kind: 'user-password', keep: true, user: 'chair' }, identity, cyclePassphrase: 'a passphrase long enough' }, AT);
    expect((await db.connections.get(c.cycleId))?.auth).toEqual({ kind: 'user-password', user: 'chair', password: TOKEN });
    expect((await db.connections.get(c.cycleId))?.serverUrl).toBe('wss://nats2.example.com');
    // Another user name, or another way of signing in, needs its own secret: the saved one is not theirs.
    for (const auth of [{ kind: 'user-password' as const, keep: true as const, user: 'someone-else' }, { kind: 'token' as const, keep: true as const }]) {
      await expect(saveConnection(db, { cycleId: c.cycleId, serverUrl: 'wss://nats.example.com', auth, identity }, AT)).rejects.toThrow(/^Enter the (password|token): none is saved/);
    }
    expect((await db.connections.get(c.cycleId))?.auth).toEqual({ kind: 'user-password', user: 'chair', password: TOKEN });
  });
});
