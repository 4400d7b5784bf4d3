/**
 * A new passphrase, typed twice, with the one rule's hint
 * (shared/exchange/passphrase-rule.ts): the same fields wherever a file or
 * a message is encrypted — bundles, backups, packets sent to the committee.
 */
import { PASSPHRASE_HINT, passphraseFault } from '../../shared/exchange/passphrase-rule';

interface Props {
  /** Prefix of the inputs' ids (the form's useId). */
  id: string;
  passphrase: string;
  onPassphrase: (value: string) => void;
  repeated: string;
  onRepeated: (value: string) => void;
  /** After a refused submit: the problem is said beside the field it is about, which is marked invalid. */
  showProblem?: boolean;
}

/**
 * The form's check before it writes: null when the passphrase can be used; else the problem, with the field at fault
 * focused (a trial's "Use at least 8 characters." stood above the button, the field unmarked, the focus on the button).
 */
export function refusePassphrase(id: string, passphrase: string, repeated: string): string | null {
  const fault = passphraseFault(passphrase, repeated);
  if (fault) document.getElementById(fault.field === 'passphrase' ? `${id}-pass` : `${id}-confirm`)?.focus();
  return fault?.message ?? null;
}

export function NewPassphraseFields({ id, passphrase, onPassphrase, repeated, onRepeated, showProblem = false }: Props) {
  const fault = showProblem ? passphraseFault(passphrase, repeated) : null;
  const field = fault?.field ?? null;
  const problem = fault?.message ?? null;
  const errorId = `${id}-pass-error`;
  return (
    <div className="form-grid">
      <label htmlFor={`${id}-pass`}>Passphrase</label>
      <input
        id={`${id}-pass`}
        type="password"
        autoComplete="new-password"
        aria-describedby={field === 'passphrase' ? `${errorId} ${id}-hint` : `${id}-hint`}
        aria-invalid={field === 'passphrase' || undefined}
        value={passphrase}
        onChange={(e) => onPassphrase(e.target.value)}
      />
      <label htmlFor={`${id}-confirm`}>Repeat passphrase</label>
      <input
        id={`${id}-confirm`}
        type="password"
        autoComplete="new-password"
        aria-describedby={field === 'repeated' ? errorId : undefined}
        aria-invalid={field === 'repeated' || undefined}
        value={repeated}
        onChange={(e) => onRepeated(e.target.value)}
      />
      {problem ? (
        <p id={errorId} className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <p id={`${id}-hint`} className="field-hint">
        {PASSPHRASE_HINT}
      </p>
    </div>
  );
}
