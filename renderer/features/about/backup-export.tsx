/**
 * "Back up now…": writes the whole database to a file, optionally protected
 * with a passphrase (entered twice, with the same rule and hint as packet
 * bundles). A protected file can be restored on any machine by whoever
 * knows the passphrase; without it, the file shows nothing.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { savedBackupFileName } from '../../../shared/util/file-name';
import { couldNot } from '../../../shared/util/error-message';
import { NewPassphraseFields, refusePassphrase } from '../../components/new-passphrase-fields';
import { queries } from '../../db/queries';
import { describeStorageError } from '../../db/storage-errors';
import { getPlatform } from '../../platform/bridge';
import { useUiStore } from '../../state/ui-store';
import { savedText } from '../../platform/saved-text';

export function BackupExport({ disabled }: { disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const [protect, setProtect] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // After a refused Save, the passphrase's problem shows beside its field.
  const [tried, setTried] = useState(false);
  const announce = useUiStore((s) => s.announce);
  const id = useId();
  // The panel replaces "Back up now…" and gives it back on close: the focus follows (it fell to the page; a keyboard trial).
  const opener = useRef<HTMLButtonElement>(null);
  const [closed, setClosed] = useState(false);
  useEffect(() => {
    if (!open && closed) opener.current?.focus();
  }, [open, closed]);

  function close() {
    setClosed(true);
    setOpen(false);
    setPassphrase('');
    setRepeated('');
    setError(null);
    setTried(false);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (protect && refusePassphrase(id, passphrase, repeated)) return setTried(true);
    setError(null);
    setBusy(protect ? 'Writing and encrypting the backup (this takes a moment)…' : 'Writing the backup…');
    try {
      const text = await queries.exportBackup({ appVersion: import.meta.env.VITE_APP_VERSION ?? 'dev', ...(protect ? { passphrase } : {}) });
      const result = await getPlatform().saveFile({ suggestedName: savedBackupFileName(new Date()), content: text, filters: [{ name: 'Levelset backup', extensions: ['json'] }] });
      if (!result.canceled) {
        announce(`${savedText(result)}${protect ? ', protected with a passphrase' : ''}. Keep it somewhere safe: it holds every candidate and decision.`);
        close();
      }
    } catch (e) {
      setError(couldNot('write the backup', describeStorageError(e)));
    } finally {
      setBusy(null);
    }
  }

  if (!open) {
    return (
      <button type="button" ref={opener} className="button button-primary" onClick={() => setOpen(true)} disabled={disabled}>
        Back up now…
      </button>
    );
  }
  return (
    <form className="import-panel" aria-labelledby={`${id}-title`} onSubmit={(e) => void save(e)} noValidate>
      <h3 id={`${id}-title`}>Back up everything to a file</h3>
      <label className="checkbox">
        {/* Opened by "Back up now…": the focus starts here. */}
        <input type="checkbox" checked={protect} onChange={(e) => setProtect(e.target.checked)} autoFocus /> Protect with a passphrase (recommended if the file leaves this computer)
      </label>
      {protect ? (
        <NewPassphraseFields id={id} passphrase={passphrase} onPassphrase={setPassphrase} repeated={repeated} onRepeated={setRepeated} showProblem={tried} />
      ) : null}
      {error ? <p role="alert" className="field-error">{error}</p> : null}
      {busy ? <p role="status">{busy}</p> : null}
      <div className="import-actions">
        <button type="submit" className="button button-primary" aria-disabled={!!busy || undefined}>
          Save backup
        </button>
        <button type="button" className="button button-secondary" onClick={close} disabled={!!busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
