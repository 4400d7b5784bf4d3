/**
 * Names and rotation of the automatic backups, as pure functions.
 *
 * A name carries a sequence number and a UTC stamp:
 * `levelset-backup-<seq, 6 digits>-<YYYYMMDD-HHMMSS>.json`. Order is by
 * sequence (the next is the largest + 1), never by clock, so a clock that
 * goes backwards or two backups in the same second cannot make rotation
 * delete the newest. Names from before the sequence
 * (`levelset-backup-YYYYMMDD-HHMMSS[-n].json`) are still listed and ordered
 * before every sequenced one, by their stamp.
 */
import { AUTO_BACKUP_NAME } from '../shared/ipc/contract';

export const BACKUP_KEEP = 10;
/** How many calendar days (today included) keep their newest backup besides the last N. */
export const BACKUP_DAYS = 7;

const SEQUENCED = /^levelset-backup-(\d{6})-(\d{8})-(\d{6})\.json$/;
const LEGACY = /^levelset-backup-(\d{8})-(\d{6})(?:-(\d+))?\.json$/;
/** Any automatic backup name, old or new (the IPC contract's check on read requests). */
export const BACKUP_NAME = AUTO_BACKUP_NAME;
export const MAX_SEQUENCE = 999_999;

export interface BackupEntry {
  fileName: string;
  /** Null for names made before the sequence. */
  seq: number | null;
  /** The UTC stamp in the name, as milliseconds (NaN when the digits are not a real time). */
  stampMs: number;
  /** Tie-break of legacy names written in the same second (`-2`, `-3`). */
  suffix: number;
}

export function stamp(date: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}-${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}`;
}

export function backupFileName(seq: number, at: Date): string {
  return `levelset-backup-${String(seq).padStart(6, '0')}-${stamp(at)}.json`;
}

function stampToMs(day: string, time: string): number {
  const ms = Date.UTC(+day.slice(0, 4), +day.slice(4, 6) - 1, +day.slice(6, 8), +time.slice(0, 2), +time.slice(2, 4), +time.slice(4, 6));
  // Date.UTC rolls 2026-02-30 over to March; such a stamp is not a real time.
  return stamp(new Date(ms)) === `${day}-${time}` ? ms : Number.NaN;
}

/** The entry for an automatic backup name, or null for any other file. */
export function parseBackupName(fileName: string): BackupEntry | null {
  const s = SEQUENCED.exec(fileName);
  if (s) return { fileName, seq: Number(s[1]), stampMs: stampToMs(s[2]!, s[3]!), suffix: 0 };
  const l = LEGACY.exec(fileName);
  if (l) return { fileName, seq: null, stampMs: stampToMs(l[1]!, l[2]!), suffix: l[3] ? Number(l[3]) : 1 };
  return null;
}

/** Oldest first: legacy names by stamp, then sequenced names by sequence. */
export function compareBackups(a: BackupEntry, b: BackupEntry): number {
  if (a.seq === null && b.seq === null) return (a.stampMs || 0) - (b.stampMs || 0) || a.suffix - b.suffix || (a.fileName < b.fileName ? -1 : 1);
  if (a.seq === null) return -1;
  if (b.seq === null) return 1;
  return a.seq - b.seq;
}

/** The sequence for the next backup: one more than the largest in the folder (1 in an empty one). */
export function nextSequence(entries: readonly BackupEntry[]): number {
  return entries.reduce((max, e) => (e.seq !== null && e.seq > max ? e.seq : max), 0) + 1;
}

function utcDay(ms: number): number {
  return Math.floor(ms / 86_400_000);
}

/**
 * The backups rotation keeps: the newest `keep` by sequence, plus the newest
 * of each of the last BACKUP_DAYS calendar days (UTC, by the stamp in the
 * name). A stamp later than now (written while the clock ran ahead) counts
 * for no day, but such a backup still counts among the newest by sequence.
 */
export function backupsToKeep(entries: readonly BackupEntry[], now: Date, keep = BACKUP_KEEP): Set<string> {
  const newestFirst = [...entries].sort(compareBackups).reverse();
  const kept = new Set(newestFirst.slice(0, keep).map((e) => e.fileName));
  const today = utcDay(now.getTime());
  const daysSeen = new Set<number>();
  for (const entry of newestFirst) {
    if (!Number.isFinite(entry.stampMs) || entry.stampMs > now.getTime()) continue;
    const day = utcDay(entry.stampMs);
    if (today - day >= BACKUP_DAYS || daysSeen.has(day)) continue;
    daysSeen.add(day);
    kept.add(entry.fileName);
  }
  return kept;
}
