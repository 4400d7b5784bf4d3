/**
 * The restores on this computer's record, newest first, for About → The record: each one's audit entry says which
 * backup replaced everything and lists the entries recorded here that it discarded (backup.ts restoreBackup).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { AuditEntry } from '../../shared/domain';
import { db as appDb, type LevelsetDatabase } from './database';

export async function restoresOnRecord(db: LevelsetDatabase): Promise<AuditEntry[]> {
  const entries = await db.audit.where('entityId').equals('database').toArray();
  return entries.filter((e) => e.action.startsWith('restore backup')).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

export function useRestoresOnRecord(db: LevelsetDatabase = appDb): AuditEntry[] | undefined {
  return useLiveQuery(() => restoresOnRecord(db), [db]);
}
