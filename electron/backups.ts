/**
 * Automatic rotating backups in the data folder. The renderer owns the
 * database, so it produces the backup text; main writes it to
 * <data folder>/backups with a timestamped name and keeps the newest N.
 * Reading one back accepts only a bare file name of that exact pattern, so
 * no request can reach outside the folder.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export const BACKUP_KEEP = 10;
export const BACKUP_INTERVAL_MS = 30 * 60 * 1000;
export const BACKUP_NAME = /^levelset-backup-\d{8}-\d{6}(-\d+)?\.json$/;
export const MAX_BACKUP_READ_BYTES = 50 * 1024 * 1024;

function stamp(date: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}-${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}`;
}

export interface BackupFile {
  fileName: string;
  bytes: number;
  createdAt: string;
}

export async function listBackups(dir: string): Promise<BackupFile[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const files = await Promise.all(
    names.filter((n) => BACKUP_NAME.test(n)).map(async (fileName) => {
      const stat = await fs.stat(path.join(dir, fileName));
      return { fileName, bytes: stat.size, createdAt: stat.mtime.toISOString() };
    }),
  );
  // Names sort by time; the newest first.
  return files.sort((a, b) => (a.fileName < b.fileName ? 1 : -1));
}

export async function writeRotatingBackup(dir: string, content: string, now: Date, keep = BACKUP_KEEP): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  let fileName = `levelset-backup-${stamp(now)}.json`;
  for (let n = 2; await fs.stat(path.join(dir, fileName)).then(() => true, () => false); n++) fileName = `levelset-backup-${stamp(now)}-${n}.json`;
  // Write then rename, so a crash mid-write never leaves a half backup with a valid name.
  const temp = path.join(dir, `.${fileName}.partial`);
  await fs.writeFile(temp, content, 'utf8');
  await fs.rename(temp, path.join(dir, fileName));
  const all = await listBackups(dir);
  await Promise.all(all.slice(keep).map((f) => fs.rm(path.join(dir, f.fileName), { force: true })));
  return fileName;
}

export async function readBackupFile(dir: string, fileName: string): Promise<string> {
  if (!BACKUP_NAME.test(fileName) || path.basename(fileName) !== fileName) throw new Error('That is not one of the automatic backups.');
  const full = path.join(dir, fileName);
  const stat = await fs.stat(full).catch(() => null);
  if (!stat) throw new Error(`${fileName} no longer exists.`);
  if (stat.size > MAX_BACKUP_READ_BYTES) throw new Error(`${fileName} is larger than a backup can be.`);
  return fs.readFile(full, 'utf8');
}
