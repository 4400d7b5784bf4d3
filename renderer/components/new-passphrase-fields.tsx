/**
 * A new passphrase, typed twice, with the one rule's hint
 * (shared/exchange/passphrase-rule.ts): the same fields wherever a file or
 * a message is encrypted — bundles, backups, packets sent to the committee.
 */
import { PASSPHRASE_HINT } from '../../shared/exchange/passphrase-rule';

interface Props {
  /** Prefix of the inputs' ids (the form's useId). */
  id: string;
  passphrase: string;
  onPassphrase: (value: string) => void;
  repeated: string;
  onRepeated: (value: string) => void;
}

export function NewPassphraseFields({ id, passphrase, onPassphrase, repeated, onRepeated }: Props) {
  return (
    <div className="form-grid">
      <label htmlFor={`${id}-pass`}>Passphrase</label>
      <input id={`${id}-pass`} type="password" autoComplete="new-password" aria-describedby={`${id}-hint`} value={passphrase} onChange={(e) => onPassphrase(e.target.value)} />
      <label htmlFor={`${id}-confirm`}>Repeat passphrase</label>
      <input id={`${id}-confirm`} type="password" autoComplete="new-password" value={repeated} onChange={(e) => onRepeated(e.target.value)} />
      <p id={`${id}-hint`} className="field-hint">
        {PASSPHRASE_HINT}
      </p>
    </div>
  );
}
