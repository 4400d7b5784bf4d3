/**
 * Automatic backups in the desktop app: main asks on a timer and before
 * quitting; the renderer (which owns the database) makes the backup and
 * main checks, writes and rotates it. Every outcome is kept in the backup
 * status (state/backup-status.ts), so a failure shows until one succeeds;
 * a backup the renderer cannot make is reported to main too, so the desktop
 * notification covers it. Nothing happens in a browser.
 */
import type { AutoBackupResult, LevelsetApi } from '../../shared/ipc/contract';
import { queries } from '../db/queries';
import { describeStorageError } from '../db/storage-errors';
import { useBackupStatus } from '../state/backup-status';
import { errorMessage } from '../../shared/util/error-message';

type BackupApi = Pick<LevelsetApi, 'writeAutoBackup'>;

/** Makes one automatic backup and records its outcome; never rejects. */
export async function runAutoBackup(api: BackupApi, produce: () => Promise<string> = exportForBackup, now: () => Date = () => new Date()): Promise<AutoBackupResult> {
  const status = useBackupStatus.getState();
  status.setRunning(true);
  let result: AutoBackupResult;
  try {
    let content: string | null = null;
    let failure = '';
    try {
      content = await produce();
    } catch (error) {
      // A backup that would not restore says which row; storage failures get the storage sentence.
      const own = error instanceof Error && (error.name === 'BackupContentError' || error instanceof RangeError);
      failure = (own ? error.message : describeStorageError(error)).slice(0, 1_000);
    }
    result = content !== null ? await api.writeAutoBackup({ content }) : await api.writeAutoBackup({ failure });
  } catch (error) {
    result = { ok: false, reason: 'other', message: `The automatic backup could not be written (${errorMessage(error)}).` };
  }
  useBackupStatus.getState().record(result, now().toISOString());
  useBackupStatus.getState().setRunning(false);
  return result;
}

function exportForBackup(): Promise<string> {
  return queries.exportAutomaticBackup({ appVersion: import.meta.env.VITE_APP_VERSION ?? 'dev' });
}

/** The desktop bridge, or undefined in a browser. */
export function desktopApi(): LevelsetApi | undefined {
  return typeof window !== 'undefined' ? window.levelset : undefined;
}

export function installAutoBackup(): () => void {
  const api = desktopApi();
  if (!api) return () => undefined;
  return api.onBackupRequest(async () => {
    await runAutoBackup(api);
  });
}
