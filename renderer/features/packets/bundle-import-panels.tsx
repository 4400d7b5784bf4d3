/**
 * The import's smaller panels: the passphrase form for an encrypted bundle,
 * and a refusal with its issues. Split from bundle-import.tsx to keep each
 * file small.
 */
import { useState } from 'react';
import type { BundleError } from '../../../shared/exchange/bundle-format';
import { IssueList } from '../../components/issue-list';

export function PassphrasePanel({ id, fileName, error, onUnlock, onCancel }: { id: string; fileName: string; error?: string | undefined; onUnlock: (passphrase: string) => void; onCancel: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  return (
    <form className="import-panel" aria-labelledby={`${id}-pt`} onSubmit={(e) => { e.preventDefault(); onUnlock(passphrase); }}>
      <h2 id={`${id}-pt`}>{fileName} is encrypted</h2>
      <label htmlFor={`${id}-pp`}>Passphrase</label>{' '}
      <input id={`${id}-pp`} type="password" autoComplete="off" autoFocus value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
      {error ? <p role="alert" className="field-error">{error}</p> : null}
      <div className="import-actions">
        <button type="submit" className="button button-primary" disabled={passphrase.length === 0}>
          Unlock
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function RefusedPanel({ id, fileName, error, onClose }: { id: string; fileName: string; error: BundleError; onClose: () => void }) {
  return (
    <section className="import-panel" aria-labelledby={`${id}-et`}>
      <h2 id={`${id}-et`}>{fileName} cannot be imported</h2>
      <IssueList title={error.message} issues={error.issues ?? (error.field ? [{ message: 'the field to check in the file', field: error.field }] : [])} />
      <button type="button" className="button button-secondary" onClick={onClose}>
        Close
      </button>
    </section>
  );
}
