/**
 * Automatic rotating backups in <data folder>/backups. The renderer owns the
 * database and produces the backup text; main checks it, writes it and
 * rotates the folder. Nothing here fails silently: every outcome is a typed
 * result with a sentence for the user.
 *
 * - The text is opened with the shared backup format (schema and checksum)
 *   before anything touches the disk, so junk never becomes a backup and
 *   never pushes a real one out of the rotation.
 * - Writing is atomic: a `.partial` temporary file, flushed to disk, renamed,
 *   and the folder flushed; on any error the temporary file is removed, and
 *   partial files left by a crash are removed once they are a minute old.
 * - Names and rotation are by sequence (backup-rotation.ts), not by clock.
 * - A file in the folder that cannot be read is skipped and reported; it
 *   never stops listing or writing.
 * - Reading one back accepts only a bare automatic backup name, so no
 *   request can reach outside the folder.
 */
import { promises as nodeFs } from 'node:fs';
import path from 'node:path';
import { MAX_BACKUP_BYTES, openBackup } from '../shared/backup/backup-format';
import { BACKUP_KEEP, BACKUP_NAME, backupFileName, backupsToKeep, compareBackups, MAX_SEQUENCE, nextSequence, parseBackupName, type BackupEntry } from './backup-rotation';
import { errorMessage } from '../shared/util/error-message';

export { BACKUP_KEEP, BACKUP_NAME } from './backup-rotation';
export const BACKUP_INTERVAL_MS = 30 * 60 * 1000;
export const MAX_BACKUP_READ_BYTES = MAX_BACKUP_BYTES;
/** A partial file older than this is left over from a crash or a failed write, never one being written. */
export const STALE_PARTIAL_MS = 60 * 1000;

/** The parts of node's fs/promises used here, so tests can inject failures (a full disk). */
export type BackupFs = Pick<typeof nodeFs, 'mkdir' | 'readdir' | 'stat' | 'open' | 'rename' | 'rm' | 'readFile'>;

export interface BackupFile {
  fileName: string;
  bytes: number;
  createdAt: string;
}
export interface SkippedBackup {
  fileName: string;
  reason: string;
}
export interface BackupListing {
  /** Newest first. */
  files: BackupFile[];
  skipped: SkippedBackup[];
}
export type BackupFailureReason = 'disk-full' | 'permission' | 'invalid' | 'other';
export type BackupWriteResult = { ok: true; fileName: string; skipped: SkippedBackup[] } | { ok: false; reason: BackupFailureReason; message: string };

export const DISK_FULL_MESSAGE = 'The disk is full: the automatic backup could not be written. Free some space; Levelset will try again.';

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function shortMessage(error: unknown): string {
  const text = errorMessage(error);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** A write error as a typed failure with a sentence the user can act on. */
export function describeWriteError(error: unknown, dir: string): BackupWriteResult & { ok: false } {
  const code = errorCode(error);
  if (code === 'ENOSPC' || code === 'EDQUOT') return { ok: false, reason: 'disk-full', message: DISK_FULL_MESSAGE };
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return { ok: false, reason: 'permission', message: `Levelset may not write to the backups folder (${dir}), so the automatic backup could not be written. Check the folder's permissions.` };
  }
  return { ok: false, reason: 'other', message: `The automatic backup could not be written (${shortMessage(error)}). Levelset will try again.` };
}

function isPartial(name: string): boolean {
  return name.startsWith('.levelset-backup-') && name.endsWith('.partial');
}

/** Removes partial files older than a minute (left by a crash or a failed write). Never throws. */
export async function removeStalePartials(dir: string, now: Date, fs: BackupFs = nodeFs): Promise<void> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter(isPartial)) {
    const full = path.join(dir, name);
    const stat = await fs.stat(full).catch(() => null);
    if (stat && now.getTime() - stat.mtime.getTime() > STALE_PARTIAL_MS) await fs.rm(full, { force: true }).catch(() => undefined);
  }
}

interface ScannedEntry extends BackupEntry {
  bytes: number;
  mtime: Date;
}

async function scan(dir: string, fs: BackupFs): Promise<{ entries: ScannedEntry[]; skipped: SkippedBackup[] }> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { entries: [], skipped: [] };
    throw error;
  }
  const entries: ScannedEntry[] = [];
  const skipped: SkippedBackup[] = [];
  for (const name of names) {
    const entry = parseBackupName(name);
    if (!entry) continue;
    try {
      const stat = await fs.stat(path.join(dir, name));
      if (!stat.isFile()) skipped.push({ fileName: name, reason: 'It is not a regular file.' });
      else entries.push({ ...entry, bytes: stat.size, mtime: stat.mtime });
    } catch (error) {
      skipped.push({ fileName: name, reason: `It could not be read (${errorCode(error) ?? shortMessage(error)}).` });
    }
  }
  return { entries: entries.sort(compareBackups).reverse(), skipped };
}

/** The automatic backups, newest first, and the entries that could not be read. Never throws for one bad file. */
export async function listBackups(dir: string, fs: BackupFs = nodeFs): Promise<BackupListing> {
  const { entries, skipped } = await scan(dir, fs);
  return { files: entries.map((e) => ({ fileName: e.fileName, bytes: e.bytes, createdAt: e.mtime.toISOString() })), skipped };
}

async function writeAtomically(dir: string, fileName: string, content: string, fs: BackupFs): Promise<void> {
  const temp = path.join(dir, `.${fileName}.partial`);
  try {
    const handle = await fs.open(temp, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, path.join(dir, fileName));
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  // Flush the folder so the rename itself survives a power cut; not every system can open a folder (Windows), which is fine.
  const folder = await fs.open(dir, 'r').catch(() => null);
  if (folder) await folder.sync().catch(() => undefined).finally(() => folder.close().catch(() => undefined));
}

export interface WriteOptions {
  now: Date;
  keep?: number;
  fs?: BackupFs;
  /** Opens a backup sealed with the data key for the check (electron/data-key.ts); null when it cannot. Plain text passes. */
  unseal?: (content: string) => Promise<string | null>;
}

/**
 * Checks, writes and rotates one backup. Resolves to a typed result; it
 * rejects only on a programming error.
 */
export async function writeRotatingBackup(dir: string, content: string, options: WriteOptions): Promise<BackupWriteResult> {
  const fs = options.fs ?? nodeFs;
  // A sealed backup is checked in the clear and written sealed.
  const plain = options.unseal ? await options.unseal(content) : content;
  if (plain === null) return { ok: false, reason: 'invalid', message: 'The automatic backup was not written: it is encrypted with a key this installation does not have.' };
  const opened = await openBackup(plain);
  if (!opened.ok) return { ok: false, reason: 'invalid', message: `The automatic backup was not written: ${opened.error.message}` };
  let fileName: string;
  let skipped: SkippedBackup[];
  try {
    await fs.mkdir(dir, { recursive: true });
    await removeStalePartials(dir, options.now, fs);
    const before = await scan(dir, fs);
    skipped = before.skipped;
    const seq = nextSequence(before.entries);
    if (seq > MAX_SEQUENCE) return { ok: false, reason: 'other', message: `The backups folder (${dir}) has used every backup number. Move its old backups elsewhere; Levelset will start again from 1.` };
    fileName = backupFileName(seq, options.now);
    await writeAtomically(dir, fileName, content, fs);
  } catch (error) {
    return describeWriteError(error, dir);
  }
  // The new backup is safe on disk; a failure to remove an old one is reported with the result, not as a failed backup.
  const after = await scan(dir, fs).catch(() => ({ entries: [] as ScannedEntry[], skipped: [] as SkippedBackup[] }));
  const keep = backupsToKeep(after.entries, options.now, options.keep ?? BACKUP_KEEP);
  keep.add(fileName);
  for (const entry of after.entries) {
    if (keep.has(entry.fileName)) continue;
    await fs.rm(path.join(dir, entry.fileName), { force: true }).catch((error: unknown) => {
      skipped.push({ fileName: entry.fileName, reason: `It is past the rotation but could not be removed (${errorCode(error) ?? shortMessage(error)}).` });
    });
  }
  return { ok: true, fileName, skipped };
}

export async function readBackupFile(dir: string, fileName: string, fs: BackupFs = nodeFs): Promise<string> {
  if (!BACKUP_NAME.test(fileName) || path.basename(fileName) !== fileName) throw new Error('That is not one of the automatic backups.');
  const full = path.join(dir, fileName);
  const stat = await fs.stat(full).catch(() => null);
  if (!stat) throw new Error(`${fileName} no longer exists.`);
  if (!stat.isFile()) throw new Error(`${fileName} is not a regular file.`);
  if (stat.size > MAX_BACKUP_READ_BYTES) throw new Error(`${fileName} is larger than a backup can be.`);
  return fs.readFile(full, 'utf8');
}
