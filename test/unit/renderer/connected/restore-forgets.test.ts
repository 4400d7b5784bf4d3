// A restore whose backup does not hold a connected cycle leaves nothing of
// that cycle's connected state behind: no stream position, outbox, sealed
// votes or connection settings pointing at a cycle that is gone.
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../../renderer/db/audit';
import { exportBackup, openBackupFor, restoreBackup } from '../../../../renderer/db/backup';
import { castSealedVote, chairOpenSessions } from '../../../../renderer/db/connected';
import { ic0M3Levels } from '../../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../../shared/sample/sample-cycle';
import { AT, cast, catchUp, closeAll, FakeStream, machine, sample } from './harness';

afterEach(closeAll);

async function followingMember() {
  const s = sample();
  const c = cast(s);
  const chairDb = await machine(s, c.chair);
  const m2Db = await machine(s, c.m2);
  const stream = new FakeStream();
  await chairOpenSessions(chairDb, c.cycleId);
  await stream.drain(chairDb);
  await catchUp(m2Db, stream, c.stream);
  await castSealedVote(m2Db, { sessionId: c.session.id, candidateId: c.candidates[0]!, phase: 'pre', outcome: 'promote' }, AT);
  return { c, m2Db };
}

async function backupOf(s: ReturnType<typeof sample>) {
  const other = await machine(s);
  const backup = await openBackupFor(other, await exportBackup(other, { appVersion: 'test', createdAt: AT }));
  if (!backup.ok) throw new Error(backup.error.message);
  return backup;
}

describe('restoring a backup that does not match a connected cycle', () => {
  it('refuses a backup of the same cycle that lacks candidates the followed session reviews, and changes nothing', async () => {
    const { c, m2Db } = await followingMember();
    const before = await m2Db.audit.count();
    // The same cycle (the sample is seeded), with fewer candidates than the session reviews.
    const backup = await backupOf(sample(4));
    await expect(restoreBackup(m2Db, backup.tables, backup.summary.databaseVersion)).rejects.toThrow(/lacks candidates that the connected session .* reviews/);
    expect(await m2Db.audit.count()).toBe(before);
    expect((await m2Db.candidates.where('cycleId').equals(c.cycleId).count())).toBe(9);
  });

  it('forgets the connected state of a cycle the backup does not hold', async () => {
    const { c, m2Db } = await followingMember();
    const tables = m2Db.tables.filter((t) => ['outbox', 'streamState', 'applied', 'ownVotes', 'connections'].includes(t.name));
    for (const t of tables) expect(await t.count(), t.name).toBeGreaterThan(0);

    // Another machine's backup, holding another cycle only.
    const backup = await backupOf(generateSampleCycle(ic0M3Levels, { candidates: 4, seed: 7 }));
    expect(backup.tables.cycles.map((x) => x.id)).not.toContain(c.cycleId);
    await restoreBackup(m2Db, backup.tables, backup.summary.databaseVersion);

    for (const t of m2Db.tables.filter((x) => ['outbox', 'streamState', 'applied', 'commitments', 'ownVotes', 'sessionModes', 'connections'].includes(x.name))) expect(await t.count(), t.name).toBe(0);
    expect(await m2Db.sessions.get(c.session.id)).toBeUndefined();
    expect((await verifyAudit(m2Db)).ok).toBe(true);
  });
});
