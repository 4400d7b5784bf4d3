import { mkdirSync, mkdtempSync, promises as nodeFs, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_TABLE_NAMES, createBackup, MAX_BACKUP_BYTES, type BackupTablesInput } from '../../../shared/backup/backup-format';
import { DISK_FULL_MESSAGE, listBackups, readBackupFile, writeRotatingBackup, type BackupFs } from '../../../electron/backups';
import { savedBackupFileName } from '../../../shared/util/file-name';

let dir: string;
let valid: string;
const t = (minute: number, day = 23) => new Date(Date.UTC(2026, 10, day, 10, minute, 0));
const emptyTables = Object.fromEntries(BACKUP_TABLE_NAMES.map((n) => [n, []])) as unknown as BackupTablesInput;
const backupText = (createdAt = '2026-11-23T10:00:00.000Z') => createBackup(emptyTables, { createdAt, appVersion: 'test', databaseVersion: 5 });
const write = async (content: string, now: Date, keep?: number, fs?: BackupFs) => writeRotatingBackup(dir, content, { now, ...(keep ? { keep } : {}), ...(fs ? { fs } : {}) });
const written = async (content: string, now: Date, keep?: number) => {
  const result = await write(content, now, keep);
  if (!result.ok) throw new Error(result.message);
  return result.fileName;
};
const partials = () => readdirSync(dir).filter((n) => n.endsWith('.partial'));

beforeAll(async () => {
  valid = await backupText();
});
beforeEach(() => {
  dir = path.join(mkdtempSync(path.join(tmpdir(), 'levelset-backups-')), 'backups');
});
afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

describe('writing automatic backups', () => {
  it('writes sequenced files, newest first, keeps the last N and leaves no partial file', async () => {
    const names: string[] = [];
    for (let i = 0; i < 5; i++) names.push(await written(valid, t(i), 3));
    const { files, skipped } = await listBackups(dir);
    expect(files.map((f) => f.fileName)).toEqual(['levelset-backup-000005-20261123-100400.json', 'levelset-backup-000004-20261123-100300.json', 'levelset-backup-000003-20261123-100200.json']);
    expect(skipped).toEqual([]);
    expect(await readBackupFile(dir, files[0]!.fileName)).toBe(valid);
    expect(partials()).toEqual([]);
  });

  it('keeps the new backup when the clock went backwards (it was deleted right after writing)', async () => {
    await written(valid, t(5), 1);
    const after = await written(valid, t(0), 1);
    expect(readdirSync(dir)).toEqual([after]);
  });

  it('keeps the newest when several are written in the same second', async () => {
    const names: string[] = [];
    for (let i = 0; i < 4; i++) names.push(await written(valid, t(0), 3));
    expect(readdirSync(dir).sort()).toEqual(names.slice(1).sort());
  });

  it('rotates a folder of old and new automatic names and leaves backups saved by hand there alone, old names and new', async () => {
    mkdirSync(dir, { recursive: true });
    // "Back up now…" names: the old one-per-day name, and two of the same day (local time) that now differ.
    const byHand = ['levelset-backup-2026-11-20.json', savedBackupFileName(new Date(2026, 10, 23, 9, 0, 0)), savedBackupFileName(new Date(2026, 10, 23, 9, 0, 1))];
    expect(new Set(byHand).size).toBe(3);
    for (const name of [...byHand, 'levelset-backup-20261118-100000.json', 'levelset-backup-000001-20261121-100000.json']) writeFileSync(path.join(dir, name), valid);
    const next = await written(valid, t(0), 2);
    expect(next).toBe('levelset-backup-000002-20261123-100000.json');
    // Newest first; the automatic ones only.
    expect((await listBackups(dir)).files.map((f) => f.fileName)).toEqual([next, 'levelset-backup-000001-20261121-100000.json', 'levelset-backup-20261118-100000.json']);
    // Past the last 2 and the last 7 days: the two older automatic backups go, the old-style one too; what was saved by hand stays.
    const later = await written(valid, t(0, 30), 2);
    expect(readdirSync(dir).sort()).toEqual([...byHand, next, later].sort());
  });

  it('refuses junk with a sentence, so it never pushes a real backup out', async () => {
    const real = await written(valid, t(0), 3);
    for (let i = 1; i <= 10; i++) {
      const result = await write(i % 2 ? 'junk' : '{"format":"levelset.backup"}', t(i), 3);
      expect(result).toMatchObject({ ok: false, reason: 'invalid' });
      expect(result.ok ? '' : result.message).toMatch(/^The automatic backup was not written: /);
    }
    const tampered = valid.replace('"appVersion": "test"', '"appVersion": "x"').replace(/"value":"[0-9a-f]{64}"/, `"value":"${'0'.repeat(64)}"`);
    expect(await write(tampered, t(11), 3)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(readdirSync(dir)).toEqual([real]);
  });

  it('refuses a text larger than a backup can be, before touching the disk', async () => {
    const huge = `${valid.slice(0, -2)}${' '.repeat(MAX_BACKUP_BYTES)}}\n`;
    const result = await write(huge, t(0));
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(result.ok ? '' : result.message).toMatch(/too large to be a backup/);
    expect(() => readdirSync(dir)).toThrow();
  });

  it('skips and reports an unreadable entry; listing and writing go on', async () => {
    mkdirSync(dir, { recursive: true });
    symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'levelset-backup-20261123-090000.json'));
    mkdirSync(path.join(dir, 'levelset-backup-000001-20261123-090000.json'));
    const listing = await listBackups(dir);
    expect(listing.files).toEqual([]);
    expect(listing.skipped.map((s) => s.fileName).sort()).toEqual(['levelset-backup-000001-20261123-090000.json', 'levelset-backup-20261123-090000.json']);
    expect(listing.skipped.find((s) => s.fileName.startsWith('levelset-backup-2026'))!.reason).toBe('It could not be read (ENOENT).');
    const result = await write(valid, t(0));
    expect(result).toMatchObject({ ok: true, fileName: 'levelset-backup-000001-20261123-100000.json' });
    expect(result.ok && result.skipped.length).toBe(2);
  });

  it('removes partial files older than a minute, and keeps a fresh one (a write in progress)', async () => {
    mkdirSync(dir, { recursive: true });
    const stale = path.join(dir, '.levelset-backup-000001-20261123-090000.json.partial');
    const fresh = path.join(dir, '.levelset-backup-000002-20261123-095959.json.partial');
    writeFileSync(stale, 'half');
    writeFileSync(fresh, 'half');
    utimesSync(stale, t(0), new Date(t(0).getTime() - 61_000));
    utimesSync(fresh, t(0), new Date(t(0).getTime() - 10_000));
    await written(valid, t(0));
    expect(partials()).toEqual([path.basename(fresh)]);
  });
});

describe('a full disk', () => {
  /** Node's fs, except that writing a file's content fails as on a full disk, after part of it reached the disk. */
  function fullDisk(code: string): BackupFs {
    return {
      ...nodeFs,
      open: (async (file: string, flags: string) => {
        const handle = await nodeFs.open(file, flags);
        if (flags !== 'wx') return handle;
        return Object.assign(Object.create(handle) as typeof handle, {
          writeFile: async (data: string) => {
            await handle.writeFile(data.slice(0, 10));
            throw Object.assign(new Error(`${code}: no space left on device, write`), { code });
          },
          close: () => handle.close(),
          sync: () => handle.sync(),
        });
      }) as BackupFs['open'],
    };
  }

  it('is said in words, leaves no partial file and keeps the earlier backups', async () => {
    const earlier = await written(valid, t(0));
    for (const code of ['ENOSPC', 'EDQUOT']) {
      expect(await write(valid, t(1), undefined, fullDisk(code))).toEqual({ ok: false, reason: 'disk-full', message: DISK_FULL_MESSAGE });
    }
    expect(readdirSync(dir)).toEqual([earlier]);
    expect(readFileSync(path.join(dir, earlier), 'utf8')).toBe(valid);
  });

  it('names a permission problem and any other error without swallowing it', async () => {
    const denied: BackupFs = { ...nodeFs, rename: async () => { throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }); } };
    const result = await write(valid, t(1), undefined, denied);
    expect(result).toMatchObject({ ok: false, reason: 'permission' });
    expect(result.ok ? '' : result.message).toContain("Check the folder's permissions");
    const odd: BackupFs = { ...nodeFs, mkdir: async () => { throw new Error('EIO: i/o error'); } };
    expect(await write(valid, t(1), undefined, odd)).toEqual({ ok: false, reason: 'other', message: 'The automatic backup could not be written (EIO: i/o error). Levelset will try again.' });
    expect(partials()).toEqual([]);
  });
});

describe('reading automatic backups', () => {
  it('reads only automatic backup names inside the folder', async () => {
    await written(valid, t(0));
    writeFileSync(path.join(path.dirname(dir), 'secret.json'), 'secret');
    for (const name of ['../secret.json', 'secret.json', '/etc/passwd', 'levelset-backup-20261123-100000.json/../../secret.json', 'levelset-backup-000001-20261123-100000.json/../../secret.json']) {
      await expect(readBackupFile(dir, name)).rejects.toThrow();
    }
    expect(await listBackups(path.join(dir, 'missing'))).toEqual({ files: [], skipped: [] });
  });

  it('still lists and reads backups with the old names, before the new ones', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'levelset-backup-20261123-100000.json'), valid);
    const next = await written(valid, t(0, 20));
    expect(next).toBe('levelset-backup-000001-20261120-100000.json');
    expect((await listBackups(dir)).files.map((f) => f.fileName)).toEqual([next, 'levelset-backup-20261123-100000.json']);
    expect(await readBackupFile(dir, 'levelset-backup-20261123-100000.json')).toBe(valid);
  });
});
