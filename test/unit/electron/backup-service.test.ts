import { mkdtempSync, promises as nodeFs, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_TABLE_NAMES, createBackup, type BackupTablesInput } from '../../../shared/backup/backup-format';
import { createBackupService, FAILURE_TITLE } from '../../../electron/backup-service';
import { DISK_FULL_MESSAGE, type BackupFs } from '../../../electron/backups';

let root: string;
beforeEach(() => (root = mkdtempSync(path.join(tmpdir(), 'levelset-backup-service-'))));
afterEach(() => rmSync(root, { recursive: true, force: true }));

const emptyTables = Object.fromEntries(BACKUP_TABLE_NAMES.map((n) => [n, []])) as unknown as BackupTablesInput;

describe('the backup service', () => {
  it('shows one OS notification per failure streak, and again after a success', async () => {
    let diskFull = true;
    const fs: BackupFs = { ...nodeFs, rename: async (a, b) => (diskFull ? Promise.reject(Object.assign(new Error('no space'), { code: 'ENOSPC' })) : nodeFs.rename(a, b)) };
    const shown: Array<[string, string]> = [];
    const service = createBackupService({ dir: () => path.join(root, 'backups'), now: () => new Date(Date.UTC(2026, 10, 23, 10)), notify: (title, body) => shown.push([title, body]), fs });
    const content = await createBackup(emptyTables, { createdAt: '2026-11-23T10:00:00.000Z', appVersion: 'test', databaseVersion: 5 });

    expect(await service.write({ content })).toEqual({ ok: false, reason: 'disk-full', message: DISK_FULL_MESSAGE });
    expect(await service.write({ content })).toMatchObject({ ok: false, reason: 'disk-full' });
    expect(await service.write({ failure: 'Levelset could not read your data.' })).toEqual({ ok: false, reason: 'other', message: 'The automatic backup could not be made: Levelset could not read your data.' });
    expect(shown).toEqual([[FAILURE_TITLE, DISK_FULL_MESSAGE]]);

    diskFull = false;
    expect(await service.write({ content })).toMatchObject({ ok: true });
    expect((await service.list()).files).toHaveLength(1);
    diskFull = true;
    await service.write({ content });
    expect(shown).toHaveLength(2);
  });

  it('keeps working when the desktop has no notification service', async () => {
    const service = createBackupService({ dir: () => path.join(root, 'backups'), now: () => new Date(), notify: () => { throw new Error('no notification daemon'); } });
    expect(await service.write({ content: 'junk' })).toMatchObject({ ok: false, reason: 'invalid' });
  });
});
