/**
 * Session changes after session.open (issue 14), with no network: the
 * chair's change travels as session.update with a revision; a change whose
 * candidates have not arrived waits, and the session's later events wait
 * behind it, in stream order, until the chair's copy of the cycle is
 * imported; a session.open for a cycle not here waits the same way. And the
 * cycle passphrase is never written in plain text.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { castSealedVote, chairOpenSessions, committeeCopyContent, cyclePassphrase, importCommitteeCopy, joinCommittee, saveConnection } from '../../../../renderer/db/connected';
import { LevelsetDatabase } from '../../../../renderer/db/database';
import { setEncryption } from '../../../../renderer/db/encryption';
import { updateSession } from '../../../../renderer/db/sessions';
import { runCommand } from '../../../../renderer/db/write/run-command';
import { startImport } from '../../../../renderer/db/import-client';
import { runPlannedImport } from '../../../../renderer/db/import-flow';
import { randomDataKey } from '../../../../shared/crypto/field-crypto';
import { createBundle } from '../../../../shared/exchange/bundle-format';
import { AT, cast, catchUp, closeAll, FakeStream, later, machine, opened, sample, TOKEN } from './harness';

afterEach(closeAll);

const PASSPHRASE = 'a cycle passphrase long enough';

async function emptyMember(cycleId: string, memberId: string, encrypted = false): Promise<LevelsetDatabase> {
  const name = `update-${process.pid}-${opened.length}-${Date.now()}`;
  const db = new LevelsetDatabase(name);
  opened.push(db);
  if (encrypted) setEncryption(db, { mode: 'on', key: randomDataKey() });
  await db.open();
  await joinCommittee(db, { cycleId, serverUrl: 'ws://127.0.0.1:4222', auth: { kind: 'token', token: TOKEN }, memberId, cyclePassphrase: PASSPHRASE }, AT);
  return db;
}

/** The chair's copy of the cycle as the object store would hand it over. */
async function copyOf(chairDb: LevelsetDatabase, cycleId: string): Promise<string> {
  return createBundle(await committeeCopyContent(chairDb, cycleId), { passphrase: PASSPHRASE, createdAt: AT, appVersion: 'test', iterations: 600_000 });
}

describe('a session.open before the cycle', () => {
  it('waits, with the session’s later events behind it, and all apply in order once the copy is imported', async () => {
    const s = sample();
    const c = cast(s);
    const chairDb = await machine(s, c.chair);
    const m3Db = await machine(s, c.m3);
    const member = await emptyMember(c.cycleId, c.m2.id);
    const stream = new FakeStream();
    await chairOpenSessions(chairDb, c.cycleId);
    await stream.drain(chairDb);
    await castSealedVote(m3Db, { sessionId: c.session.id, candidateId: c.candidates[0]!, phase: 'pre', outcome: 'defer' }, later(1));
    await stream.drain(m3Db);

    await catchUp(member, stream, c.stream);
    expect(await member.sessions.get(c.session.id)).toBeUndefined();
    const waiting = (await member.applied.toArray()).filter((r) => r.waiting !== undefined);
    expect(waiting.map((r) => r.waiting!.type).sort()).toEqual(['session.open', 'vote.commit']);
    expect(waiting.find((r) => r.type === 'session.open')!.reason).toMatch(/cycle has not arrived/);

    const result = await importCommitteeCopy(member, c.cycleId, await copyOf(chairDb, c.cycleId), PASSPHRASE, later(2));
    expect(result.released).toBe(2);
    expect((await member.sessions.get(c.session.id))?.candidateIds).toEqual(c.session.candidateIds);
    expect(await member.commitments.count()).toBe(1);
    expect((await member.applied.toArray()).every((r) => r.outcome === 'applied' && r.waiting === undefined)).toBe(true);
  });

  it('applies as well when the cycle comes from a bundle file imported by hand', async () => {
    const s = sample();
    const c = cast(s);
    const chairDb = await machine(s, c.chair);
    const member = await emptyMember(c.cycleId, c.m2.id);
    const stream = new FakeStream();
    await chairOpenSessions(chairDb, c.cycleId);
    await stream.drain(chairDb);
    await catchUp(member, stream, c.stream);
    expect(await member.sessions.get(c.session.id)).toBeUndefined();

    const job = startImport(await copyOf(chairDb, c.cycleId), PASSPHRASE, () => undefined);
    const checked = await job.result;
    if (!checked.ok) throw new Error(checked.error.message);
    await runPlannedImport(member, job, checked, later(2));
    expect((await member.sessions.get(c.session.id))?.candidateIds).toEqual(c.session.candidateIds);
  });

  it('opens a session naming a candidate not here when this app takes no copy (no passphrase: the cycle came from bundle files)', async () => {
    const s = sample();
    const c = cast(s);
    const chairDb = await machine(s, c.chair);
    const missing = c.candidates[0]!;
    const partial = { ...s, candidates: s.candidates.filter((x) => x.id !== missing), evidence: s.evidence.filter((e) => e.candidateId !== missing), packets: s.packets.filter((p) => p.candidateId !== missing), sessions: [], votes: [], decisions: [] };
    const member = await machine(partial, c.m2);
    const stream = new FakeStream();
    await chairOpenSessions(chairDb, c.cycleId);
    await stream.drain(chairDb);
    await catchUp(member, stream, c.stream);
    expect((await member.sessions.get(c.session.id))?.candidateIds).toEqual(c.session.candidateIds);
  });

  it('refuses a copy opened with the wrong passphrase, in plain words, and imports nothing', async () => {
    const s = sample();
    const c = cast(s);
    const chairDb = await machine(s, c.chair);
    const member = await emptyMember(c.cycleId, c.m2.id);
    await expect(importCommitteeCopy(member, c.cycleId, await copyOf(chairDb, c.cycleId), 'not the passphrase at all', AT)).rejects.toThrow('The cycle passphrase is wrong');
    expect(await member.cycles.count()).toBe(0);
  });
});

describe('a change to an opened session', () => {
  it('reaches the member as session.update; one whose candidate is missing holds the session’s later events until the copy arrives', async () => {
    const s = sample();
    const c = cast(s);
    const chairDb = await machine(s, c.chair);
    const member = await machine(s, c.m2);
    // This member takes the cycle's updates from the chair's copy: it holds the cycle passphrase.
    await saveConnection(member, { ...(await member.connections.get(c.cycleId))!, cyclePassphrase: PASSPHRASE }, AT);
    const stream = new FakeStream();
    await chairOpenSessions(chairDb, c.cycleId);
    await stream.drain(chairDb);
    await catchUp(member, stream, c.stream);

    // A candidate only the chair has so far, added to the session with a new order.
    const first = (await chairDb.candidates.get(c.candidates[0]!))!;
    await runCommand(chairDb, { name: 'test: add candidate', at: AT }, (ctx) => ctx.put('candidates', { ...first, id: 'late-one', name: 'Late One' }).then(() => undefined));
    const session = (await chairDb.sessions.get(c.session.id))!;
    const candidateIds = [...session.candidateIds.slice(1), 'late-one'];
    await updateSession(chairDb, c.session.id, { name: session.name, members: session.members, candidateIds, orderMode: 'manual', timeboxMinutes: session.timeboxMinutes }, later(1));
    const queued = await chairOpenSessions(chairDb, c.cycleId, later(1));
    expect(queued.map((e) => e.type)).toEqual(['session.update']);
    await stream.drain(chairDb);
    // The member votes on the new candidate: this must not be refused for a candidate "not in the session".
    const voter = await machine({ ...s, candidates: [...s.candidates, { ...first, id: 'late-one', name: 'Late One' }] }, c.m3);
    await catchUp(voter, stream, c.stream);
    await castSealedVote(voter, { sessionId: c.session.id, candidateId: 'late-one', phase: 'pre', outcome: 'promote' }, later(2));
    await stream.drain(voter);

    await catchUp(member, stream, c.stream);
    expect((await member.sessions.get(c.session.id))!.candidateIds).toEqual(session.candidateIds);
    expect((await member.sessionModes.get(c.session.id))?.held).toBeDefined();
    expect((await member.applied.toArray()).filter((r) => r.waiting !== undefined).map((r) => r.type)).toEqual(['session.update', 'vote.commit']);

    const result = await importCommitteeCopy(member, c.cycleId, await copyOf(chairDb, c.cycleId), PASSPHRASE, later(3));
    expect(result.released).toBe(2);
    expect((await member.sessions.get(c.session.id))!.candidateIds).toEqual(candidateIds);
    expect((await member.sessions.get(c.session.id))!.orderMode).toBe('manual');
    expect((await member.sessionModes.get(c.session.id))).toMatchObject({ revision: 1 });
    expect((await member.sessionModes.get(c.session.id))?.held).toBeUndefined();
    expect(await member.commitments.where('[sessionId+candidateId]').equals([c.session.id, 'late-one']).count()).toBe(1);
  });
});

describe('the cycle passphrase', () => {
  it('is sealed at rest where the app has a key, and kept only in memory where it has none', async () => {
    const s = sample();
    const c = cast(s);
    const sealed = await emptyMember(c.cycleId, c.m2.id, true);
    const plain = await emptyMember(c.cycleId, c.m3.id, false);
    for (const db of [sealed, plain]) {
      expect(await cyclePassphrase(db, c.cycleId)).toBe(PASSPHRASE);
      const raw = new Dexie(db.name);
      await raw.open();
      const rows = await raw.table('connections').toArray();
      raw.close();
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(PASSPHRASE);
    }
    expect((await sealed.connections.get(c.cycleId))?.cyclePassphrase).toBe(PASSPHRASE);
    expect((await plain.connections.get(c.cycleId))?.cyclePassphrase).toBeUndefined();
  });
});
