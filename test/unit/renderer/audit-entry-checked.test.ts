/**
 * Every row of the audit trail backs up: the write path appends only entries
 * the backup's audit schema accepts, and never chains them under a stored
 * device id that schema would refuse.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle, type SampleCycle } from '../../../shared/sample/sample-cycle';
import { AuditEntrySchema } from '../../../shared/domain';
import { openBackup } from '../../../shared/backup/backup-format';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { exportBackup } from '../../../renderer/db/backup';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { DEVICE_ID_KEY, runCommand } from '../../../renderer/db/write/run-command';

const AT = '2026-11-20T10:00:00.000Z';
let db: LevelsetDatabase;
let sample: SampleCycle;
let n = 0;

beforeEach(async () => {
  db = new LevelsetDatabase(`audit-entry-checked-${++n}`);
  await db.open();
  sample = generateSampleCycle(ic0M3Levels, { candidates: 2 });
  await loadSampleCycle(db, sample);
});
afterEach(async () => db.delete());

const lastRename = async () => (await db.audit.filter((e) => e.action === 'rename candidate').toArray()).at(-1);

const rename = (name: string) =>
  runCommand(db, { name: 'rename candidate', at: AT }, async (ctx) => {
    await ctx.put('candidates', { ...sample.candidates[0]!, name });
  });

describe('audit entries the backup schema would refuse', () => {
  it('refuses the whole command, naming the field, and writes nothing', async () => {
    const entriesBefore = await db.audit.count();
    const write = runCommand(db, { name: 'rename candidate', at: AT }, async (ctx) => {
      await ctx.put('candidates', { ...sample.candidates[0]!, name: 'Renamed' });
      ctx.describe({ entityType: 'candidate', entityId: 'x'.repeat(900), action: 'rename candidate' });
    });
    await expect(write).rejects.toThrow('The audit entry for this change is not valid: entityId is longer than 803 characters. Nothing was saved.');
    expect(await db.audit.count()).toBe(entriesBefore);
    expect((await db.candidates.get(sample.candidates[0]!.id))?.name).toBe(sample.candidates[0]!.name);
  });

  it('starts a new device chain when the stored device id is not a valid id, so later backups still open', async () => {
    await db.meta.put({ key: DEVICE_ID_KEY, value: 'd'.repeat(201) });
    await rename('Renamed once');
    const device = (await db.meta.get(DEVICE_ID_KEY))?.value as string;
    expect(device).not.toBe('d'.repeat(201));
    const last = await lastRename();
    expect(last?.deviceId).toBe(device);
    expect(AuditEntrySchema.safeParse(last).success).toBe(true);
    // The new id is kept: the next entry continues the same chain.
    await rename('Renamed twice');
    expect((await db.meta.get(DEVICE_ID_KEY))?.value).toBe(device);
    const opened = await openBackup(await exportBackup(db, { createdAt: AT, appVersion: 'test' }));
    expect(opened.ok).toBe(true);
  });

  it('keeps a valid stored device id', async () => {
    await db.meta.put({ key: DEVICE_ID_KEY, value: 'this-machine' });
    await rename('Renamed');
    expect((await lastRename())?.deviceId).toBe('this-machine');
  });
});
