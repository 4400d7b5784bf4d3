/** Asks for the passphrase of a protected backup before it is opened; a wrong one is said here and nothing is restored. */
import { useId, useState } from 'react';

export function BackupPassphrase({ source, error, busy, onOpen, onCancel }: { source: string; error?: string | undefined; busy: boolean; onOpen: (passphrase: string) => void; onCancel: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const id = useId();
  return (
    <form
      className="import-panel"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        onOpen(passphrase);
      }}
    >
      <h3 id={`${id}-title`}>{source} is protected with a passphrase</h3>
      <label htmlFor={`${id}-pass`}>Passphrase</label>{' '}
      <input id={`${id}-pass`} type="password" autoComplete="off" autoFocus value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
      {error ? <p role="alert" className="field-error">{error}</p> : null}
      <div className="import-actions">
        <button type="submit" className="button button-primary" disabled={busy || passphrase.length === 0}>
          Open backup
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
