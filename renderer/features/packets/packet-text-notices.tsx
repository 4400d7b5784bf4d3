/**
 * What a packet text field says when what is stored and what was typed part
 * ways: changed in another window or tab while this one held typing, or
 * frozen (submitted elsewhere) with words typed here that were never saved.
 */
import { useId } from 'react';

export function ChangedElsewhere({ onShowSaved, onKeepMine }: { onShowSaved: () => void; onKeepMine: () => void }) {
  return (
    <div className="packet-field-elsewhere" role="alert">
      <p>This text was changed in another window or tab. What is saved now is not what you see here, and nothing you type here is saved until you choose.</p>
      <button type="button" className="button button-secondary" onClick={onShowSaved}>
        Show the saved text
      </button>{' '}
      <button type="button" className="button button-secondary" onClick={onKeepMine}>
        Save mine over it
      </button>
    </div>
  );
}

/**
 * The packet was submitted (in another window or tab) while this field held typing that was not saved: the field turned
 * to the submitted text, and the typing was gone without a word (a trial). It stays here, selectable, to copy into the
 * next revision.
 */
export function UnsavedWhenFrozen({ text }: { text: string }) {
  const id = useId();
  return (
    <div className="packet-field-elsewhere" role="alert">
      <p id={id}>
        This packet was submitted while you were typing here, and what you typed last was not saved with it. It is below, to copy: reopen the packet to add it
        to a new revision.
      </p>
      <textarea readOnly value={text} rows={Math.min(8, text.split('\n').length + 1)} aria-labelledby={id} className="packet-field-unsaved" />
    </div>
  );
}
