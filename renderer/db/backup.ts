/**
 * Full backups in storage: reading every table for a backup file, and
 * replacing the whole database with an opened backup.
 *
 * Export reads all tables in ONE read transaction, so the file is a
 * consistent snapshot even while another view writes. Restore is a command
 * (write/run-command.ts): it clears and refills every table, rebuilds the
 * derived coverage table and appends its audit entry in ONE transaction: if
 * anything fails part-way (quota, a bad row, a closed window) the database
 * is exactly as it was before the restore started.
 *
 * A backup's records must be the ones its own audit trail replays to;
 * otherwise the restore is refused, naming the first disagreement (an edited
 * decision, a removed entry). Backups made before the trail recorded rows
 * (database version 2 and older) cannot be checked that way: they are
 * adopted as a new starting point, and the preview says so.
 *
 * Files go in and out as text; opening and checking one is pure
 * (shared/backup/backup-format.ts), so the UI opens the file, shows
 * `previewRestore`, and only then calls `restoreBackup`.
 */
import { protectBackup } from '../../shared/backup/backup-crypto';
import {
  BACKUP_SCHEMA_VERSION,
  BACKUP_TABLE_NAMES,
  backupIntegrityProblem,
  createBackup,
  openBackup,
  type BackupCounts,
  type BackupTableName,
  type BackupTables,
  type OpenBackupResult,
} from '../../shared/backup/backup-format';
import { replayAgainst, type ReplayResult, type TrailHead } from '../../shared/audit/replay';
import type { AuditEntry } from '../../shared/domain';
import { followedSessions, keepFollowedSessions } from './connected/restore';
import { TRAIL_ORDER_INDEX, type LevelsetDatabase } from './database';
import { runCommand } from './write/run-command';
import { compareTrails, discarded, DISCARDED_LISTED, lostKinds, restoreTrailText, withoutSetup, type Discarded, type RestoreTrailText, type TrailKey, type TrailsComparison } from '../../shared/audit/restore-trail';
import { BUILT_IN_FRAMEWORKS_ACTOR } from '../../shared/audit/actors';
import { userTimeZone } from '../../shared/util/dates';

/** The first database version whose audit entries carry the rows they wrote. */
export const FIRST_REPLAYABLE_VERSION = 3;

export type TrailCheck = { kind: 'replays'; result: ReplayResult } | { kind: 'predates-trail' };

/** Whether a backup's records are the ones its trail replays to (pure; for the preview and the restore). */
export function checkBackupTrail(tables: BackupTables, databaseVersion: number): TrailCheck {
  if (databaseVersion < FIRST_REPLAYABLE_VERSION) return { kind: 'predates-trail' };
  return { kind: 'replays', result: replayAgainst(tables.audit, tables) };
}

/** Thrown when a backup's records disagree with its own trail; nothing is restored. */
export class BackupTrailError extends Error {
  override name = 'BackupTrailError';
}

/** The saved tables, in restore order. */
function savedTables(db: LevelsetDatabase) {
  return BACKUP_TABLE_NAMES.map((name) => db[name]);
}

/** Every row of every saved table (not the derived coverage), read as one snapshot. */
export async function readBackupTables(db: LevelsetDatabase): Promise<BackupTables> {
  return db.transaction('r', savedTables(db), async () => {
    const [frameworks, cycles, candidates, evidence, packets, sessions, votes, decisions, audit, meta] = await Promise.all([
      db.frameworks.toArray(),
      db.cycles.toArray(),
      db.candidates.toArray(),
      db.evidence.toArray(),
      db.packets.toArray(),
      db.sessions.toArray(),
      db.votes.toArray(),
      db.decisions.toArray(),
      db.audit.toArray(),
      db.meta.toArray(),
    ]);
    return { frameworks, cycles, candidates, evidence, packets, sessions, votes, decisions, audit, meta };
  });
}

export interface ExportBackupOptions {
  /** Default: now. */
  createdAt?: string;
  /** Default: the app's version from the build. */
  appVersion?: string;
  /** Protects the file with this passphrase (shared/backup/backup-crypto.ts); automatic backups never take one. */
  passphrase?: string;
}

/**
 * The whole database as backup text. The rows are read in one transaction;
 * the file is written after it (hashing is asynchronous WebCrypto, which may
 * not run inside an IndexedDB transaction).
 */
export async function exportBackup(db: LevelsetDatabase, options: ExportBackupOptions = {}): Promise<string> {
  const tables = await readBackupTables(db);
  const createdAt = options.createdAt ?? new Date().toISOString();
  const text = await createBackup(tables, { createdAt, appVersion: options.appVersion ?? import.meta.env.VITE_APP_VERSION ?? 'dev', databaseVersion: db.verno });
  return options.passphrase === undefined ? text : protectBackup(text, options.passphrase, { createdAt, schemaVersion: BACKUP_SCHEMA_VERSION });
}

/** Opens backup text for this database (with the passphrase of a protected one): refuses a backup from a newer database version than this one declares. */
export function openBackupFor(db: LevelsetDatabase, text: string, passphrase?: string): Promise<OpenBackupResult> {
  return openBackup(text, { databaseVersion: db.verno, ...(passphrase === undefined ? {} : { passphrase }) });
}

export interface RestorePreviewRow {
  table: BackupTableName;
  /** Rows in the database now (all of them are replaced). */
  now: number;
  /** Rows the backup brings. */
  backup: number;
}

/** What restoring would do, per table: the rows there now and the rows in the backup. Reads only. */
export async function previewRestore(db: LevelsetDatabase, tables: BackupTables): Promise<RestorePreviewRow[]> {
  return db.transaction('r', savedTables(db), async () => {
    const now = await Promise.all(BACKUP_TABLE_NAMES.map((name) => db[name].count()));
    return BACKUP_TABLE_NAMES.map((table, i) => ({ table, now: now[i] ?? 0, backup: tables[table].length }));
  });
}

/**
 * How the backup's audit trail stands against this computer's, in words (shared/audit/restore-trail.ts): read from
 * the trail's order index (keys only, not the entries and the rows they hold), then the two entries the words name.
 */
export async function describeRestoreTrail(db: LevelsetDatabase, backup: BackupTables, timeZone: string = userTimeZone()): Promise<RestoreTrailText | null> {
  return db.transaction('r', db.audit, async () => {
    const { comparison, lost } = await trailAgainstBackup(db, backup, LOST_ENTRIES_READ);
    const entry = (key: TrailKey | undefined) => (key ? db.audit.where('[deviceId+seq]').equals([key[0], key[1]]).first() : Promise.resolve(undefined));
    const [rewritten, newestLost] = await Promise.all([entry(comparison.rewritten[0]), lost ? lost.at(-1) : entry(comparison.lost.at(-1))]);
    return restoreTrailText(comparison, timeZone, rewritten, newestLost, lost && lost.length > 0 ? lostKinds(lost) : undefined);
  });
}

/**
 * This computer's trail against a backup's (compareTrails), read from the trail's order index (keys only), without
 * the entries only here that the app made itself (the built-in frameworks a fresh install stores: they lose no one's
 * change). Telling those apart reads the entries the backup lacks, in trail order; with more than `readUpTo` of them
 * (an older backup can miss thousands, each holding its rows) none is read, and `lost` is null.
 */
async function trailAgainstBackup(db: LevelsetDatabase, backup: BackupTables, readUpTo = Infinity): Promise<{ comparison: TrailsComparison; lost: AuditEntry[] | null }> {
  // In trail order: [at, deviceId, seq, hash].
  const keys = (await db.audit.orderBy(TRAIL_ORDER_INDEX).keys()) as unknown as [string, string, number, string][];
  const compared = compareTrails(keys.map(([, deviceId, seq, hash]) => [deviceId, seq, hash] as const), backup.audit);
  if (compared.lost.length > readUpTo) return { comparison: compared, lost: null };
  const keyOf = (deviceId: string, seq: number) => `${deviceId}\u0000${seq}`;
  const read = new Map((await db.audit.where('[deviceId+seq]').anyOf(compared.lost.map(([d, s]) => [d, s])).toArray()).map((e) => [keyOf(e.deviceId, e.seq), e]));
  const setup = new Set([...read].filter(([, e]) => e.actor === BUILT_IN_FRAMEWORKS_ACTOR).map(([key]) => key));
  const lost = compared.lost.map(([d, s]) => read.get(keyOf(d, s))).filter((e): e is AuditEntry => e !== undefined && !setup.has(keyOf(e.deviceId, e.seq)));
  return { comparison: withoutSetup(compared, ([d, s]) => setup.has(keyOf(d, s))), lost };
}

/** How many entries only this computer holds the restore preview reads to tell the app's own (withoutSetup). */
const LOST_ENTRIES_READ = 200;

/**
 * Replaces every table with the backup's rows and rebuilds the coverage
 * table for every candidate. One transaction over all tables: a failure
 * anywhere leaves the database untouched, and the promise rejects with the
 * error (see storage-errors.ts for the message to show).
 */
/** Where a restored backup came from, for the restore's audit entry: the file, when it was made, and its trail's head. */
export interface RestoredFrom {
  fileName: string;
  createdAt: string;
  trailHead: TrailHead;
}

/**
 * This computer's entries the backup does not hold, read before the restore replaces the trail: its audit entry lists
 * them, so what a restore threw away stays on the record (a trial's reopen and decision change vanished without trace).
 */
async function entriesNotInBackup(db: LevelsetDatabase, backup: BackupTables): Promise<Discarded> {
  const { comparison, lost } = await trailAgainstBackup(db, backup);
  return discarded(comparison, (lost ?? []).slice(-DISCARDED_LISTED));
}

export async function restoreBackup(db: LevelsetDatabase, tables: BackupTables, databaseVersion: number = db.verno, at?: string, from?: RestoredFrom): Promise<BackupCounts> {
  // Tables normally come from openBackup, which checks this already; asked again so no caller can skip it.
  const integrity = await backupIntegrityProblem(tables);
  if (integrity) throw new BackupTrailError(integrity.message);
  const check = checkBackupTrail(tables, databaseVersion);
  if (check.kind === 'replays' && !check.result.ok) {
    const { disagreement, disagreements } = check.result;
    throw new BackupTrailError(
      `This backup was not restored: its records do not match its own audit trail. ${disagreement.message}${disagreements > 1 ? ` (${disagreements - 1} more disagreement${disagreements > 2 ? 's' : ''}.)` : ''} The backup may have been edited; use another copy.`,
    );
  }
  return runCommand(db, { name: 'restore backup', at }, async (ctx) => {
    // Connected sessions follow the committee's stream, not the backup (connected/restore.ts).
    const followed = await followedSessions(db);
    const notInBackup = await entriesNotInBackup(db, tables);
    await ctx.replaceEverything(tables, check.kind === 'predates-trail');
    const connected = await keepFollowedSessions(db, ctx, followed);
    ctx.alwaysAudit();
    ctx.describe({
      entityType: 'database',
      entityId: 'database',
      action: check.kind === 'predates-trail' ? 'restore backup (made before the full trail; adopted as the starting point)' : 'restore backup',
      after: {
        ...(from ? { file: from.fileName, backupMadeAt: from.createdAt, backupTrailHead: from.trailHead } : {}),
        counts: Object.fromEntries(BACKUP_TABLE_NAMES.map((n) => [n, tables[n].length])),
        auditEntries: tables.audit.length,
        ...(notInBackup.count + notInBackup.rewritten > 0 ? { notInBackup } : {}),
        ...(connected.kept > 0 ? { connectedSessionsKept: connected.kept } : {}),
      },
    });
    const counts = await Promise.all(BACKUP_TABLE_NAMES.map((name) => db[name].count()));
    return Object.fromEntries(BACKUP_TABLE_NAMES.map((name, i) => [name, counts[i] ?? 0])) as BackupCounts;
  });
}
