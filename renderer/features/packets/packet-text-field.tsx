/**
 * A textarea that saves as you type (renderer/state/use-save-as-you-type.ts):
 * it keeps the typed text and hands it to `onSave` after a short pause
 * (SAVE_DEBOUNCE_MS), again on blur, when it unmounts and when the page is
 * left (reload, close), so the last words are kept. A
 * quiet status says Saving… / Saved, or why the text was not saved (the
 * text stays in the field so nothing is lost). Read-only, it renders the
 * stored text as text.
 *
 * Written in another window or tab meanwhile (the stored text changed to
 * something this field neither shows nor saved), the field says so and
 * saves nothing until the person chooses: the saved text, or theirs over
 * it. Two tabs on one packet each said "✓ Saved" while the last to type
 * silently won, and a submit froze words its submitter never saw (a trial).
 * The state is use-packet-text.ts.
 */
import type { ReactNode } from 'react';
import { usePacketText } from './use-packet-text';
import { ChangedElsewhere, UnsavedWhenFrozen } from './packet-text-notices';

export { SAVE_DEBOUNCE_MS } from './use-packet-text';

export interface PacketTextFieldProps {
  /** Id of the textarea (or of the read-only text), so a check can link to it. */
  id: string;
  label: ReactNode;
  /** Stored value. */
  value: string;
  readOnly: boolean;
  onSave: (text: string) => Promise<unknown>;
  hint?: ReactNode;
  rows?: number;
  /** Shown under the field; receives the text as typed, saved or not. */
  below?: (text: string) => ReactNode;
  /** What to say when a read-only field is empty. */
  emptyText?: string;
  className?: string;
  /** Focus the field on mount (only when the user just asked for it). */
  autoFocus?: boolean;
  /** Names a synchronous copy of unsaved text (per packet and field), put back and saved if the page went away before the save landed. */
  rescueKey?: string;
}

export function PacketTextField({ id, label, value, readOnly, onSave, hint, rows = 5, below, emptyText = 'Nothing written.', className, autoFocus, rescueKey }: PacketTextFieldProps) {
  const { text, save, elsewhere, rescued, flush, typed, showSaved, keepMine } = usePacketText({ value, readOnly, onSave, rescueKey });
  const hintId = hint ? `${id}-hint` : undefined;
  const belowContent = below ? below(text) : null;
  const belowId = belowContent ? `${id}-notes` : undefined;
  const labelId = `${id}-label`;

  if (readOnly) {
    return (
      <div className={`packet-field ${className ?? ''}`}>
        <p className="packet-field-label" id={labelId}>
          {label}
        </p>
        <div id={id} className="packet-field-text" tabIndex={-1} aria-labelledby={labelId}>
          {value.trim() === '' ? <span className="muted">{emptyText}</span> : value}
        </div>
        {text !== value && text.trim() !== '' ? <UnsavedWhenFrozen text={text} /> : null}
        {belowContent ? <div id={belowId}>{belowContent}</div> : null}
      </div>
    );
  }

  return (
    <div className={`packet-field ${className ?? ''}`}>
      <div className="packet-field-head">
        <label htmlFor={id} id={labelId} className="packet-field-label">
          {label}
        </label>
        <span className={`packet-save packet-save-${save.kind}`} role="status">
          {elsewhere ? '' : save.kind === 'saving' ? 'Saving…' : save.kind === 'saved' ? '✓ Saved' : save.kind === 'error' ? `✕ Not saved: ${save.message}` : ''}
        </span>
      </div>
      {elsewhere ? <ChangedElsewhere onShowSaved={showSaved} onKeepMine={keepMine} /> : null}
      {rescued !== null ? (
        <p className="packet-field-restored" role="note">
          Restored text that was not saved before the page was closed or reloaded.
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="field-hint packet-field-hint">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        rows={rows}
        value={text}
        autoFocus={autoFocus}
        aria-describedby={[hintId, belowId].filter(Boolean).join(' ') || undefined}
        onChange={(e) => typed(e.target.value)}
        onBlur={flush}
      />
      {belowContent ? <div id={belowId}>{belowContent}</div> : null}
    </div>
  );
}
