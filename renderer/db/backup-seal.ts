/**
 * Automatic backups are sealed with this install's data key (the same key
 * as the database fields), so the backups folder is no easier to read than
 * the database. A sealed backup opens only where its key is: one from
 * another install, or read in a browser, is refused in words.
 */
import { openBackup, type OpenBackupResult } from '../../shared/backup/backup-format';
import { isSealedText, openText, sealText } from '../../shared/crypto/text-envelope';
import type { LevelsetDatabase } from './database';
import { encryptionState } from './encryption';

export const OTHER_INSTALL =
  'This backup is encrypted with the key of the Levelset installation that made it, and this installation does not have that key (it never leaves the computer it was made on). Restore it there, or export a backup there with a passphrase and restore that file here.';
const NO_KEY_HERE = 'This backup is encrypted with the key of a Levelset desktop installation, and this copy of Levelset has no key to open it. Restore it in the desktop app that made it.';

/** The backup text as written to the automatic backups: sealed when encryption at rest is on. */
export async function sealAutomaticBackup(db: LevelsetDatabase, text: string): Promise<string> {
  const state = encryptionState(db);
  return state.mode === 'on' ? sealText(state.key, text) : text;
}

/** Opens backup text, sealed, plain or protected with `passphrase`, refusing one from a newer database version than this one declares. */
export async function openAnyBackup(db: LevelsetDatabase, text: string, passphrase?: string): Promise<OpenBackupResult> {
  if (!isSealedText(text)) return openBackup(text, { databaseVersion: db.verno, ...(passphrase === undefined ? {} : { passphrase }) });
  const state = encryptionState(db);
  const plain = state.mode === 'on' ? await openText(state.key, text) : null;
  if (plain === null) return { ok: false, error: { code: 'not-a-backup', message: state.mode === 'on' ? OTHER_INSTALL : NO_KEY_HERE } };
  return openBackup(plain, { databaseVersion: db.verno });
}
