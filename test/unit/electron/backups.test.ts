import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBackups, readBackupFile, writeRotatingBackup } from '../../../electron/backups';

let dir: string;
beforeEach(() => {
  dir = path.join(mkdtempSync(path.join(tmpdir(), 'levelset-backups-')), 'backups');
});
afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

describe('rotating backups', () => {
  it('writes timestamped files, newest first, and keeps only the last N', async () => {
    for (let i = 0; i < 5; i++) await writeRotatingBackup(dir, `{"n":${i}}`, new Date(Date.UTC(2026, 10, 23, 10, i, 0)), 3);
    const files = await listBackups(dir);
    expect(files.map((f) => f.fileName)).toEqual(['levelset-backup-20261123-100400.json', 'levelset-backup-20261123-100300.json', 'levelset-backup-20261123-100200.json']);
    expect(await readBackupFile(dir, files[0]!.fileName)).toBe('{"n":4}');
    expect(readdirSync(dir).some((n) => n.endsWith('.partial'))).toBe(false);
  });

  it('never overwrites a backup taken in the same second', async () => {
    const at = new Date(Date.UTC(2026, 10, 23, 10, 0, 0));
    const a = await writeRotatingBackup(dir, '{"a":1}', at);
    const b = await writeRotatingBackup(dir, '{"b":2}', at);
    expect(a).not.toBe(b);
    expect(await readBackupFile(dir, a)).toBe('{"a":1}');
  });

  it('reads only automatic backup names inside the folder', async () => {
    await writeRotatingBackup(dir, '{}', new Date());
    writeFileSync(path.join(path.dirname(dir), 'secret.json'), 'secret');
    for (const name of ['../secret.json', 'secret.json', '/etc/passwd', 'levelset-backup-20261123-100000.json/../../secret.json']) {
      await expect(readBackupFile(dir, name)).rejects.toThrow();
    }
    expect(await listBackups(path.join(dir, 'missing'))).toEqual([]);
  });
});
