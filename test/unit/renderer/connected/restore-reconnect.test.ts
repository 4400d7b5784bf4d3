// A member restores a backup made earlier in a connected session, then
// reconnects, against a real nats-server. The backup's session is older than
// the stream this machine has applied; after the restore and the reconnect
// the member's session must be the committee's again: every vote and decision
// once, the change queued offline before the restore still sent, the trail
// still verifying.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectedTransport } from '../../../../renderer/connected/transport';
import { verifyAudit } from '../../../../renderer/db/audit';
import { exportBackup, openBackupFor, restoreBackup } from '../../../../renderer/db/backup';
import { castSealedVote, chairDecide, chairOpenSessions, chairRevealVotes, outboxCount } from '../../../../renderer/db/connected';
import type { LevelsetDatabase } from '../../../../renderer/db/database';
import { eventually } from '../../../support/memory-sync-store';
import { startNatsServer, type NatsTestServer } from '../../../support/nats-server';
import { TestTransports } from '../../../support/test-transports';
import { cast, closeAll, fingerprint, later, machine, natsStore, sample } from './harness';

const s = sample();
const c = cast(s);
let server: NatsTestServer;
const transports = new TestTransports();

beforeAll(async () => {
  server = await startNatsServer({
    users: [
      { id: c.chair.id, role: 'chair', password: 'pw-chair' },
      { id: c.m2.id, role: 'member', password: 'pw-m2' },
      { id: c.m3.id, role: 'member', password: 'pw-m3' },
    ],
  });
}, 60_000);
afterEach(async () => {
  await transports.stopAll();
  await closeAll();
});
afterAll(async () => {
  await server?.dispose();
});

function transport(db: LevelsetDatabase, id: string, password: string, role: 'chair' | 'member'): ConnectedTransport {
  return transports.make({ servers: server.url, cycleId: c.cycleId, userId: id, role, credentials: { kind: 'password', user: id, password }, store: natsStore(db, c.cycleId) });
}

describe('restoring a backup in a connected cycle, then reconnecting', () => {
  it('gives the member the committee’s session again, with nothing lost or duplicated', async () => {
    const chairDb = await machine(s, c.chair);
    const m2Db = await machine(s, c.m2);
    const m3Db = await machine(s, c.m3);
    const all = [chairDb, m2Db, m3Db];
    const chairT = transport(chairDb, c.chair.id, 'pw-chair', 'chair');
    const m2T = transport(m2Db, c.m2.id, 'pw-m2', 'member');
    const m3T = transport(m3Db, c.m3.id, 'pw-m3', 'member');
    // The app nudges a transport whenever its outbox changes (sync-manager.ts); here the test nudges while it waits.
    const until = (check: () => Promise<boolean>, what: string) =>
      eventually(async () => {
        for (const t of transports.all) t.notify();
        return check();
      }, what);
    const votes = (db: LevelsetDatabase) => db.votes.where('sessionId').equals(c.session.id).count();
    const decisions = (db: LevelsetDatabase) => db.decisions.where('sessionId').equals(c.session.id).count();
    const commitments = (db: LevelsetDatabase, candidateId: string) => db.commitments.where('[sessionId+candidateId]').equals([c.session.id, candidateId]).count();
    const [k0, k1, k2] = c.candidates as [string, string, string];
    const seal = (db: LevelsetDatabase, candidateId: string, minute: number) => castSealedVote(db, { sessionId: c.session.id, candidateId, phase: 'pre', outcome: 'promote' }, later(minute));

    chairT.start();
    await eventually(() => chairT.status.getSnapshot().state === 'connected', 'the chair opens the cycle');
    await chairOpenSessions(chairDb, c.cycleId);
    m2T.start();
    m3T.start();

    // Round one, then the member's backup.
    await seal(m2Db, k0, 1);
    await seal(m3Db, k0, 2);
    await until(async () => (await commitments(chairDb, k0)) === 2, 'both pre-votes on the first candidate sealed at the chair');
    await chairRevealVotes(chairDb, c.session.id, k0, 'pre', later(3));
    await until(async () => (await Promise.all(all.map(votes))).every((n) => n === 2), 'the first two votes everywhere');
    const backup = await openBackupFor(m2Db, await exportBackup(m2Db, { appVersion: 'test', createdAt: later(4) }));
    if (!backup.ok) throw new Error(backup.error.message);

    // Round two happens after the backup: votes on a second candidate and a decision.
    await seal(m2Db, k1, 5);
    await seal(m3Db, k1, 6);
    await until(async () => (await commitments(chairDb, k1)) === 2, 'both pre-votes on the second candidate sealed at the chair');
    await chairRevealVotes(chairDb, c.session.id, k1, 'pre', later(7));
    await chairDecide(chairDb, { sessionId: c.session.id, candidateId: k0, outcome: 'defer', newLevelId: null, rationale: 'Evidence is thin this half.', citedCriterionIds: [], nextSteps: ['Lead one project end to end.'], dissent: '' }, later(8));
    await until(async () => (await Promise.all(all.map(votes))).every((n) => n === 4) && (await Promise.all(all.map(decisions))).every((n) => n === 1), 'round two everywhere');

    // The member goes offline, seals a vote (it waits in the outbox), then restores the older backup.
    await m2T.stop();
    await seal(m2Db, k2, 9);
    await restoreBackup(m2Db, backup.tables, backup.summary.databaseVersion, later(10));
    expect(await outboxCount(m2Db, c.cycleId)).toBe(1);
    expect(await votes(m2Db)).toBe(4);
    expect(await decisions(m2Db)).toBe(1);

    // Reconnect: the waiting vote goes out, the committee carries on.
    m2T.start();
    await seal(m3Db, k2, 11);
    await until(async () => (await commitments(chairDb, k2)) === 2, 'the vote sealed before the restore reaches the chair');
    await chairRevealVotes(chairDb, c.session.id, k2, 'pre', later(12));
    await until(async () => (await Promise.all(all.map(votes))).every((n) => n === 6), 'the third round everywhere');
    await until(async () => (await outboxCount(m2Db, c.cycleId)) === 0 && (await outboxCount(m3Db, c.cycleId)) === 0, 'every outbox empty');

    const [chairPrint, m2Print, m3Print] = await Promise.all(all.map((db) => fingerprint(db, c.session.id)));
    for (const p of [m2Print!, m3Print!]) {
      expect(p.session).toEqual(chairPrint!.session);
      expect(p.votes).toEqual(chairPrint!.votes);
      expect(p.decisions).toEqual(chairPrint!.decisions);
      expect(p.commitments).toEqual(chairPrint!.commitments);
    }
    expect(m2Print!.votes.map((v) => `${v.candidateId}:${v.memberId}`).sort()).toEqual([k0, k1, k2].flatMap((k) => [`${k}:${c.m2.id}`, `${k}:${c.m3.id}`]).sort());
    // Nothing the member's machine saw was refused (a replay over the restored records would refuse commitments after their reveal).
    expect(m2Print!.applied.filter((a) => a.outcome !== 'applied')).toEqual([]);
    expect((await verifyAudit(m2Db)).ok).toBe(true);
  }, 120_000);
});
