/**
 * One-off reads a view makes on an event (a button, a timer), bound to the
 * app's database like `commands`, so views never hold the database object.
 * Live reads for rendering are hooks (hooks.ts and the *-hooks.ts files);
 * writes are commands (commands.ts).
 */
import { compareExportText, comparePrintedHeadText, type CompareText } from '../../shared/audit/compare-text';
import { describeVerification, type VerificationText } from '../../shared/audit/verify-text';
import type { BackupTables } from '../../shared/backup/backup-format';
import { DEVICE_ID_KEY, verifyAudit } from './audit';
import { checkBackupTrail, describeRestoreTrail, exportBackup, previewRestore, type ExportBackupOptions } from './backup';
import { openAnyBackup, sealAutomaticBackup } from './backup-seal';
import { followedSessions } from './connected/restore';
import { namesakes } from './candidates';
import { db } from './database';
import { encryptionSummary } from './encryption';
import { cycleContents, frameworkDeletion } from './lifecycle';
import { cycleWindowFixed } from './cycles';
import { criteriaLostByMove } from './framework-versions';

export const queries = {
  /** The criteria with evidence that moving a cycle to another version of its framework leaves behind. */
  criteriaLostByMove: (cycleId: string, frameworkId: string) => criteriaLostByMove(db, cycleId, frameworkId),
  /** The whole database as backup text. */
  exportBackup: (options?: ExportBackupOptions) => exportBackup(db, options),
  /** The whole database as the text of an automatic backup: sealed with the data key when encryption at rest is on. */
  exportAutomaticBackup: async (options?: Omit<ExportBackupOptions, 'passphrase'>) => sealAutomaticBackup(db, await exportBackup(db, options)),
  /** Opens backup text (plain, protected with `passphrase`, or sealed by this install), refusing one from a newer database version. */
  openBackup: (text: string, passphrase?: string) => openAnyBackup(db, text, passphrase),
  /** What restoring the backup would replace, per table. */
  previewRestore: (tables: BackupTables) => previewRestore(db, tables),
  /** How the backup's audit trail stands against this computer's, in words (null: nothing recorded here). */
  restoreTrail: (tables: BackupTables) => describeRestoreTrail(db, tables),
  /** How many sessions this machine follows from a connected cycle's stream (a restore keeps them as they are). */
  followedSessionCount: async () => (await followedSessions(db)).sessions.length,
  /** Whether a backup's records are the ones its own trail replays to (restore refuses them otherwise). */
  checkBackupTrail,
  /** Whether the data is encrypted at rest here, and why not (never the key). */
  encryption: () => encryptionSummary(db),
  /** The candidates of a cycle with the same name as `name`, for the warning before adding another. */
  namesakes: (cycleId: string, name: string) => namesakes(db, cycleId, name),
  /** What deleting a cycle would remove, for its confirmation. */
  cycleContents: (cycleId: string) => cycleContents(db, cycleId),
  cycleWindowFixed: (cycleId: string) => cycleWindowFixed(db, cycleId),
  /** How many versions deleting a framework removes, or why it cannot be deleted. */
  frameworkDeletion: (frameworkId: string) => frameworkDeletion(db, frameworkId),
  /** Checks the chains and replays the trail against the records, in words. */
  async verify(): Promise<VerificationText> {
    return describeVerification(await verifyAudit(db));
  },
  /** Compares this machine's trail with the head an earlier backup or bundle recorded, in words. */
  async compareWithExport(fileText: string, fileName: string): Promise<CompareText> {
    const [entries, device] = await Promise.all([db.audit.toArray(), db.meta.get(DEVICE_ID_KEY)]);
    return compareExportText(fileText, entries, fileName, undefined, typeof device?.value === 'string' ? device.value : undefined);
  },
  /** Compares this machine's trail with a head as a decision book prints it (entry count and last hash), in words. */
  async comparePrintedHead(count: string, hash: string): Promise<CompareText> {
    return comparePrintedHeadText(count, hash, await db.audit.toArray());
  },
};
