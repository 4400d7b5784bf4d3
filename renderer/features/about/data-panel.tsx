/**
 * Data and backups, for whoever keeps the committee's machine: a full
 * backup to a file, restore from a file (or, in the desktop app, from the
 * automatic backups in the data folder) with a preview of what will be
 * replaced, and a confirmation, since a restore replaces everything.
 */
import { useId, useRef, useState } from 'react';
import { MAX_BACKUP_BYTES } from '../../../shared/backup/backup-format';
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
import { RestoreConfirm, type Pending } from './restore-confirm';


export function DataPanel() {
  const platform = getPlatform();
  const announce = useUiStore((s) => s.announce);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const restoreButton = useRef<HTMLButtonElement>(null);
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
      setPending({ source, from: { fileName: source, createdAt: opened.summary.createdAt, trailHead: opened.summary.trailHead }, tables: opened.tables, rows, databaseVersion: opened.summary.databaseVersion, predatesTrail: trail.kind === 'predates-trail', followed, trail: against });
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
      await commands.restoreBackup(p.tables, p.databaseVersion, undefined, p.from);
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
        <button type="button" ref={restoreButton} className="button button-secondary" onClick={() => void pickFile()} disabled={!!busy}>
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
        <RestoreConfirm
          pending={pending}
          busy={!!busy}
          onRestore={() => void restore(pending)}
          onCancel={() => {
            setPending(null);
            // Back to where the restore began: Cancel leaves with the panel.
            restoreButton.current?.focus();
          }}
        />
      ) : null}
    </section>
  );
}
