/**
 * Data and backups, for whoever keeps the committee's machine: a full
 * backup to a file, restore from a file (or, in the desktop app, from the
 * automatic backups in the data folder) with a preview of what will be
 * replaced, and a confirmation, since a restore replaces everything.
 */
import { useId, useState } from 'react';
import type { BackupTables } from '../../../shared/backup/backup-format';
import { MAX_BACKUP_BYTES } from '../../../shared/backup/backup-format';
import type { RestorePreviewRow } from '../../db/backup';
import type { RestoreTrailText } from '../../../shared/audit/restore-trail';
import { commands } from '../../db/commands';
import { queries } from '../../db/queries';
import { describeStorageError } from '../../db/storage-errors';
import { getPlatform } from '../../platform/bridge';
import { useUiStore } from '../../state/ui-store';
import { AutomaticBackups } from './automatic-backups';
import { BackupExport } from './backup-export';
import { PassphraseForm } from '../../components/passphrase-form';
import { EncryptionNote } from './encryption-note';
import { errorMessage } from '../../../shared/util/error-message';

type Pending = { source: string; tables: BackupTables; rows: RestorePreviewRow[]; databaseVersion: number; predatesTrail: boolean; followed: number; trail: RestoreTrailText | null };
const LABEL: Record<string, string> = { frameworks: 'Framework versions', cycles: 'Cycles', candidates: 'Candidates', evidence: 'Evidence', packets: 'Packets (all revisions)', sessions: 'Sessions', votes: 'Votes', decisions: 'Decisions', audit: 'Audit entries', meta: 'Settings' };

export function DataPanel() {
  const platform = getPlatform();
  const announce = useUiStore((s) => s.announce);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  // A protected backup waiting for its passphrase.
  const [locked, setLocked] = useState<{ source: string; text: string; error?: string } | null>(null);
  const id = useId();
  const api = typeof window !== 'undefined' ? window.levelset : undefined;

  async function prepare(source: string, text: string, passphrase?: string) {
    setBusy(passphrase ? 'Decrypting and checking the backup…' : 'Checking the backup…');
    setError(null);
    try {
      const opened = await queries.openBackup(text, passphrase);
      if (!opened.ok && (opened.error.code === 'needs-passphrase' || opened.error.code === 'wrong-passphrase')) {
        return setLocked({ source, text, ...(opened.error.code === 'wrong-passphrase' ? { error: opened.error.message } : {}) });
      }
      setLocked(null);
      if (!opened.ok) return setError(`${source} cannot be restored: ${opened.error.message}`);
      // The records must be the ones the backup's own trail replays to: an edited backup is refused here, before any choice.
      const trail = queries.checkBackupTrail(opened.tables, opened.summary.databaseVersion);
      if (trail.kind === 'replays' && !trail.result.ok) {
        return setError(`${source} cannot be restored: its records do not match its own audit trail. ${trail.result.disagreement.message} The backup may have been edited; use another copy.`);
      }
      // And against this computer's trail: a backup can agree with itself and still tell another history than this computer recorded.
      const [rows, followed, against] = await Promise.all([queries.previewRestore(opened.tables), queries.followedSessionCount(), queries.restoreTrail(opened.tables)]);
      setPending({ source, tables: opened.tables, rows, databaseVersion: opened.summary.databaseVersion, predatesTrail: trail.kind === 'predates-trail', followed, trail: against });
    } finally {
      setBusy(null);
    }
  }

  async function pickFile() {
    try {
      const file = await platform.openFile({ filters: [{ name: 'Levelset backup', extensions: ['json'] }], maxBytes: MAX_BACKUP_BYTES });
      if (!file.canceled) await prepare(file.fileName, file.content);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function pickAutomatic(fileName: string) {
    if (!api) return;
    try {
      await prepare(fileName, (await api.readBackup({ fileName })).content);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function restore(p: Pending) {
    setBusy('Restoring…');
    try {
      await commands.restoreBackup(p.tables, p.databaseVersion);
      setPending(null);
      announce(`Restored ${p.source}. Everything now matches the backup.`);
    } catch (e) {
      setError(`Nothing was changed: ${describeStorageError(e)}`);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="form-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Data and backups</h2>
      <p>A backup is one file with every framework, cycle, candidate, packet, session, decision and the audit trail, with a checksum. Restoring replaces everything in this app with the backup.</p>
      <EncryptionNote shell={platform.kind} />
      <div className="detail-actions">
        <BackupExport disabled={!!busy} />
        <button type="button" className="button button-secondary" onClick={() => void pickFile()} disabled={!!busy}>
          Restore from a file…
        </button>
      </div>
      {busy ? <p role="status">{busy}</p> : null}
      {error ? <p role="alert" className="field-error">{error}</p> : null}
      {locked ? (
        <PassphraseForm title={`${locked.source} is protected with a passphrase`} heading="h3" submitLabel="Open backup" error={locked.error} busy={!!busy} onSubmit={(passphrase) => void prepare(locked.source, locked.text, passphrase)} onCancel={() => setLocked(null)} />
      ) : null}
      <AutomaticBackups onPick={(fileName) => void pickAutomatic(fileName)} />
      {pending ? (
        <div className="import-panel" role="group" aria-labelledby={`${id}-confirm`}>
          <h3 id={`${id}-confirm`}>Replace everything with {pending.source}?</h3>
          <table className="data-table compact">
            <caption className="visually-hidden">What the restore replaces</caption>
            <thead>
              <tr>
                <th scope="col">Data</th>
                <th scope="col" className="num">Now</th>
                <th scope="col" className="num">In the backup</th>
              </tr>
            </thead>
            <tbody>
              {pending.rows.map((r) => (
                <tr key={r.table}>
                  <td>{LABEL[r.table] ?? r.table}</td>
                  <td className="num">{r.now}</td>
                  <td className="num">{r.backup}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {pending.predatesTrail
              ? 'This backup was made before Levelset recorded every change in its audit trail, so its records cannot be checked against it; they become the new starting point of the trail. '
              : 'Its records match its own audit trail. '}
            Everything on this computer is replaced by the backup: anything added, changed or deleted since it was made is lost, even where the counts match. Back up now first if you may need it.
          </p>
          {pending.trail ? (
            <p className={pending.trail.tone === 'ok' ? undefined : 'field-error'} role={pending.trail.tone === 'alert' ? 'alert' : undefined}>
              {pending.trail.text}
            </p>
          ) : null}
          {pending.followed > 0 ? (
            <p>
              {pending.followed === 1 ? 'One session follows' : `${pending.followed} sessions follow`} a connected cycle’s committee stream: {pending.followed === 1 ? 'it stays' : 'they stay'} as this computer has {pending.followed === 1 ? 'it' : 'them'} from the stream, not as in the backup. Changes waiting to be sent stay and are still sent.
            </p>
          ) : null}
          <div className="import-actions">
            {/* Deletes everything on this computer: the danger style of the app's other deleting confirmations (components/confirm-dialog.tsx). */}
            <button type="button" className="button button-danger" onClick={() => void restore(pending)} disabled={!!busy}>
              Replace everything
            </button>
            <button type="button" className="button button-secondary" onClick={() => setPending(null)} disabled={!!busy}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
