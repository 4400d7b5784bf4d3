/**
 * First choice on an empty desktop database when automatic backups exist:
 * restore the newest valid one. The database moved to a new origin
 * (app://), so an existing install opens empty with its data only in the
 * backups. Asks before restoring, since a restore replaces everything.
 */
import { useId, useState } from 'react';
import type { LevelsetApi } from '../../../shared/ipc/contract';
import { commands } from '../../db/commands';
import { useRestorableBackup } from '../../db/recovery';
import { describeStorageError } from '../../db/storage-errors';
import { useUiStore } from '../../state/ui-store';
import { formatInstant } from '../../components/dates';

export function RestoreOffer({ api }: { api: Pick<LevelsetApi, 'listBackups' | 'readBackup'> | undefined }) {
  const backup = useRestorableBackup(api);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const announce = useUiStore((s) => s.announce);
  const id = useId();
  if (!backup || done) return null;
  const when = formatInstant(backup.createdAt);

  async function restore() {
    if (!backup) return;
    setBusy(true);
    setError(null);
    try {
      await commands.restoreBackup(backup.tables, backup.databaseVersion);
      setDone(true);
      announce(`Restored your data from the automatic backup of ${when}.`);
    } catch (e) {
      setError(`Nothing was changed: ${describeStorageError(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="import-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Your data is in an automatic backup</h2>
      <p>This copy of Levelset has no data yet, but the data folder holds automatic backups. Restore the newest one to carry on where you left off.</p>
      {confirming ? (
        <div role="group" aria-label="Confirm the restore">
          <p>This replaces everything in this app with the backup of {when}.</p>
          <button type="button" className="button button-primary" onClick={() => void restore()} disabled={busy} aria-busy={busy}>
            {busy ? 'Restoring…' : 'Restore the backup'}
          </button>{' '}
          <button type="button" className="button button-secondary" onClick={() => setConfirming(false)} disabled={busy}>
            Cancel
          </button>
        </div>
      ) : (
        // Secondary: Continue is the step's one primary action; restoring is the other way in, offered beside it.
        <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
          Restore your data from the automatic backup of {when}
        </button>
      )}
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
