/**
 * Finding data after a move of the database: the desktop renderer moved
 * from file:// to app://levelset/, a new origin with a new, empty IndexedDB,
 * so an existing install opens empty while its automatic backups still sit
 * in the data folder. When the database holds nothing of the user's, the
 * newest automatic backup that opens and replays cleanly is offered for
 * restore (through restoreBackup, the same command as the data panel).
 */
import { useEffect, useState } from 'react';
import type { BackupTables } from '../../shared/backup/backup-format';
import type { TrailHead } from '../../shared/audit/replay';
import type { LevelsetApi } from '../../shared/ipc/contract';
import { checkBackupTrail, openBackupFor } from './backup';
import { db as appDb, type LevelsetDatabase } from './database';

export interface RestorableBackup {
  fileName: string;
  /** When the backup was made (an ISO timestamp from main's listing). */
  createdAt: string;
  /** The head of the backup's trail, for the restore's audit entry. */
  trailHead: TrailHead;
  tables: BackupTables;
  databaseVersion: number;
}

type BackupReader = Pick<LevelsetApi, 'listBackups' | 'readBackup'>;

/** True when the database holds nothing the user made: no cycle, candidate, session or decision, and only built-in frameworks. */
export async function holdsNoUserData(db: LevelsetDatabase): Promise<boolean> {
  const counts = await Promise.all([db.cycles.count(), db.candidates.count(), db.sessions.count(), db.decisions.count()]);
  if (counts.some((n) => n > 0)) return false;
  return (await db.frameworks.filter((f) => !f.builtIn).count()) === 0;
}

/**
 * The newest automatic backup that would restore, or null when the
 * database already holds data, there are no backups, or none is valid. A
 * backup that cannot be read, opened or replayed is passed over for the next.
 */
export async function findRestorableBackup(db: LevelsetDatabase, api: BackupReader): Promise<RestorableBackup | null> {
  if (!(await holdsNoUserData(db))) return null;
  const listing = await api.listBackups(undefined);
  const newestFirst = [...listing.files].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.fileName < b.fileName ? 1 : -1));
  for (const file of newestFirst) {
    try {
      const opened = await openBackupFor(db, (await api.readBackup({ fileName: file.fileName })).content);
      if (!opened.ok) continue;
      const trail = checkBackupTrail(opened.tables, opened.summary.databaseVersion);
      if (trail.kind === 'replays' && !trail.result.ok) continue;
      return { fileName: file.fileName, createdAt: file.createdAt, tables: opened.tables, databaseVersion: opened.summary.databaseVersion, trailHead: opened.summary.trailHead };
    } catch {
      // One unreadable file does not hide an older good one.
      continue;
    }
  }
  return null;
}

/** The backup to offer on the first-run screen (desktop only); null while looking or when there is none. */
export function useRestorableBackup(api: BackupReader | undefined, db: LevelsetDatabase = appDb): RestorableBackup | null {
  const [found, setFound] = useState<RestorableBackup | null>(null);
  useEffect(() => {
    if (!api) return;
    let live = true;
    findRestorableBackup(db, api).then(
      (backup) => live && setFound(backup),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, db]);
  return found;
}
