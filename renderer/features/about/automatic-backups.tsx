/**
 * The automatic backups in the data folder (desktop only), newest first,
 * each with Restore; entries the folder holds but that could not be read are
 * named, not hidden. The list reloads after each successful backup.
 */
import { useEffect, useState } from 'react';
import { formatInstant } from '../../components/dates';
import type { BackupListingResult } from '../../../shared/ipc/contract';
import { desktopApi } from '../../platform/auto-backup';
import { useBackupStatus } from '../../state/backup-status';
import { errorMessage } from '../../../shared/util/error-message';

export function AutomaticBackups({ onPick }: { onPick: (fileName: string) => void }) {
  const [listing, setListing] = useState<BackupListingResult | null>(null);
  const lastSuccess = useBackupStatus((s) => s.lastSuccess);
  const api = desktopApi();

  useEffect(() => {
    if (!api) return;
    void api.listBackups(undefined).then(setListing, (e: unknown) =>
      setListing({ files: [], skipped: [{ fileName: 'The backups folder', reason: errorMessage(e) }] }),
    );
  }, [api, lastSuccess]);

  if (!listing) return null;
  return (
    <>
      <h3>Automatic backups</h3>
      <p className="muted">Taken every 30 minutes and when Levelset closes; the last 10 are kept in the data folder, and the last one of each of the past 7 days.</p>
      {listing.skipped.length > 0 ? (
        <p role="alert" className="field-error">
          Skipped in the backups folder: {listing.skipped.map((s) => `${s.fileName}: ${s.reason}`).join(' ')}
        </p>
      ) : null}
      {listing.files.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className="backup-list">
          {listing.files.map((b) => (
            <li key={b.fileName}>
              {formatInstant(b.createdAt)} · {(b.bytes / 1024).toFixed(0)} KB{' '}
              <button type="button" className="button button-link" onClick={() => onPick(b.fileName)}>
                Restore<span className="visually-hidden"> the backup of {formatInstant(b.createdAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
