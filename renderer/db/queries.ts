/**
 * One-off reads a view makes on an event (a button, a timer), bound to the
 * app's database like `commands`, so views never hold the database object.
 * Live reads for rendering are hooks (hooks.ts and the *-hooks.ts files);
 * writes are commands (commands.ts).
 */
import type { BackupTables } from '../../shared/backup/backup-format';
import { exportBackup, openBackupFor, previewRestore, type ExportBackupOptions } from './backup';
import { db } from './database';

export const queries = {
  /** The whole database as backup text. */
  exportBackup: (options?: ExportBackupOptions) => exportBackup(db, options),
  /** Opens backup text, refusing one from a newer database version. */
  openBackup: (text: string) => openBackupFor(db, text),
  /** What restoring the backup would replace, per table. */
  previewRestore: (tables: BackupTables) => previewRestore(db, tables),
};
