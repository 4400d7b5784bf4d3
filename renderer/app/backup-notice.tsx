/**
 * A failed automatic backup, shown until one succeeds (desktop only: the
 * browser has no automatic backups). It offers to try again at once.
 */
import { useBackupStatus } from '../state/backup-status';

/** Retries through the backup module, loaded on the click: it brings the backup format, which startup does not need. */
async function backUpNow(api: NonNullable<Window['levelset']>): Promise<void> {
  const { runAutoBackup } = await import('../platform/auto-backup');
  await runAutoBackup(api);
}

function clock(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export function BackupNotice() {
  const failure = useBackupStatus((s) => s.failure);
  const running = useBackupStatus((s) => s.running);
  if (!failure) return null;
  // Only the desktop app has automatic backups (and this bridge).
  const api = window.levelset;
  return (
    <div className="status-line-error backup-notice" role="alert">
      <span>
        Automatic backup failed at {clock(failure.at)}: {failure.message}
      </span>
      {api ? (
        <button type="button" className="button button-link" disabled={running} onClick={() => void backUpNow(api)}>
          {running ? 'Backing up…' : 'Back up now'}
        </button>
      ) : null}
    </div>
  );
}
