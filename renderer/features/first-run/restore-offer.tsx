/**
 * First choice on an empty desktop database when automatic backups exist:
 * restore the newest valid one. The database moved to a new origin
 * (app://), so an existing install opens empty with its data only in the
 * backups. Asks before restoring, since a restore replaces everything.
 * Once restored the offer goes; the step stays (who uses this machine is
 * not the backup's to say), and `onRestored` tells it so it can take the
 * focus the confirmation's button held.
 */
import { useId, useState } from 'react';
import type { LevelsetApi } from '../../../shared/ipc/contract';
import { commands } from '../../db/commands';
import { useRestorableBackup } from '../../db/recovery';
import { describeStorageError } from '../../db/storage-errors';
import { useUiStore } from '../../state/ui-store';
import { formatInstant } from '../../components/dates';
import { useFocusBack } from '../../components/use-focus-back';

export function RestoreOffer({ api, onRestored }: { api: Pick<LevelsetApi, 'listBackups' | 'readBackup'> | undefined; onRestored: () => void }) {
  const backup = useRestorableBackup(api);
  const [confirming, setConfirming] = useState(false);
  // The confirmation replaces the offer: Cancel gives the focus back to the offer, where it would fall to the page.
  const offer = useFocusBack<HTMLButtonElement>(confirming);
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
      await commands.restoreBackup(backup.tables, backup.databaseVersion, undefined, { fileName: backup.fileName, createdAt: backup.createdAt, trailHead: backup.trailHead });
      setDone(true);
      announce(`Restored your data from the automatic backup of ${when}.`);
      onRestored();
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
          <p id={`${id}-replaces`}>This replaces everything in this app with the backup of {when}.</p>
          {/* The focus goes into the confirmation, on the action just asked for (the database is empty, so nothing is lost), as an inline confirmation's does. */}
          <button type="button" className="button button-primary" onClick={() => void restore()} disabled={busy} aria-busy={busy} aria-describedby={`${id}-replaces`} autoFocus>
            {busy ? 'Restoring…' : 'Restore the backup'}
          </button>{' '}
          <button type="button" className="button button-secondary" onClick={() => setConfirming(false)} disabled={busy}>
            Cancel
          </button>
        </div>
      ) : (
        // Secondary: Continue is the step's one primary action; restoring is the other way in, offered beside it.
        <button ref={offer} type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
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
