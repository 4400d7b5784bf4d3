/**
 * Full backups in storage: reading every table for a backup file, and
 * replacing the whole database with an opened backup.
 *
 * Export reads all tables in ONE read transaction, so the file is a
 * consistent snapshot even while another view writes. Restore clears and
 * refills every table, and rebuilds the derived coverage table, in ONE
 * read-write transaction: if anything fails part-way (quota, a bad row, a
 * closed window) IndexedDB rolls the whole transaction back and the
 * database is exactly as it was before the restore started.
 *
 * Files go in and out as text; opening and checking one is pure
 * (shared/backup/backup-format.ts), so the UI opens the file, shows
 * `previewRestore`, and only then calls `restoreBackup`.
 */
import {
  BACKUP_TABLE_NAMES,
  createBackup,
  openBackup,
  type BackupCounts,
  type BackupTableName,
  type BackupTables,
  type OpenBackupResult,
} from '../../shared/backup/backup-format';
import { refreshCoverageFor } from './coverage-sync';
import { DEVICE_ID_KEY } from './audit';
import type { LevelsetDatabase } from './database';

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
}

/**
 * The whole database as backup text. The rows are read in one transaction;
 * the file is written after it (hashing is asynchronous WebCrypto, which may
 * not run inside an IndexedDB transaction).
 */
export async function exportBackup(db: LevelsetDatabase, options: ExportBackupOptions = {}): Promise<string> {
  const tables = await readBackupTables(db);
  return createBackup(tables, {
    createdAt: options.createdAt ?? new Date().toISOString(),
    appVersion: options.appVersion ?? import.meta.env.VITE_APP_VERSION ?? 'dev',
    databaseVersion: db.verno,
  });
}

/** Opens backup text for this database: refuses a backup from a newer database version than this one declares. */
export function openBackupFor(db: LevelsetDatabase, text: string): Promise<OpenBackupResult> {
  return openBackup(text, { databaseVersion: db.verno });
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
 * Replaces every table with the backup's rows and rebuilds the coverage
 * table for every candidate. One transaction over all tables: a failure
 * anywhere leaves the database untouched, and the promise rejects with the
 * error (see storage-errors.ts for the message to show).
 */
export async function restoreBackup(db: LevelsetDatabase, tables: BackupTables): Promise<BackupCounts> {
  return db.transaction('rw', [...savedTables(db), db.coverage], async () => {
    // This machine keeps its own audit device id: a backup restored on a second
    // machine must not make two machines append to one chain.
    const localDevice = await db.meta.get(DEVICE_ID_KEY);
    await Promise.all([...savedTables(db), db.coverage].map((table) => table.clear()));
    await db.frameworks.bulkAdd(tables.frameworks);
    await db.cycles.bulkAdd(tables.cycles);
    await db.candidates.bulkAdd(tables.candidates);
    await db.evidence.bulkAdd(tables.evidence);
    await db.packets.bulkAdd(tables.packets);
    await db.sessions.bulkAdd(tables.sessions);
    await db.votes.bulkAdd(tables.votes);
    await db.decisions.bulkAdd(tables.decisions);
    await db.audit.bulkAdd(tables.audit);
    await db.meta.bulkAdd(tables.meta);
    if (localDevice) await db.meta.put(localDevice);
    else await db.meta.delete(DEVICE_ID_KEY);
    await refreshCoverageFor(
      db,
      tables.candidates.map((c) => c.id),
    );
    const counts = await Promise.all(BACKUP_TABLE_NAMES.map((name) => db[name].count()));
    return Object.fromEntries(BACKUP_TABLE_NAMES.map((name, i) => [name, counts[i] ?? 0])) as BackupCounts;
  });
}
