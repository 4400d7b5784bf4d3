/**
 * Asks for the passphrase of a protected file (a backup, an encrypted bundle) before it is opened. A wrong one is
 * said beside the field, which takes the focus back with its text selected: the button is disabled while the file
 * is opened, so the focus fell to the page and what was typed next went nowhere (a trial).
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface Props {
  title: ReactNode;
  /** The title's heading level where the form sits. */
  heading: 'h2' | 'h3';
  submitLabel: string;
  error?: string | undefined;
  busy?: boolean;
  onSubmit: (passphrase: string) => void;
  onCancel: () => void;
}

export function PassphraseForm({ title, heading: Heading, submitLabel, error, busy = false, onSubmit, onCancel }: Props) {
  const [passphrase, setPassphrase] = useState('');
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!error) return;
    field.current?.focus();
    field.current?.select();
  }, [error]);
  return (
    <form
      className="import-panel"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(passphrase);
      }}
    >
      <Heading id={`${id}-title`}>{title}</Heading>
      <label htmlFor={`${id}-pass`}>Passphrase</label>{' '}
      <input
        ref={field}
        id={`${id}-pass`}
        type="password"
        autoComplete="off"
        autoFocus
        value={passphrase}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setPassphrase(e.target.value)}
      />
      {error ? (
        <p role="alert" className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <div className="import-actions">
        <button type="submit" className="button button-primary" disabled={busy || passphrase.length === 0}>
          {submitLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
