/**
 * The manager's assessment of one criterion in a packet: a rating (shown as
 * chosen until the stored one catches up) and an optional note beside it.
 */
import { useState } from 'react';
import type { AssessmentRating } from '../../../shared/domain/packet';
import { RATING_WORDS, ratingWord } from '../../../shared/packets/rating-words';
import { unsavedText } from '../../state/unsaved-text';
import type { RowProps } from './criterion-row';
import { PacketTextField } from './packet-text-field';

export const RATINGS: ReadonlyArray<{ value: AssessmentRating; label: string }> = (['not-yet', 'partially', 'consistently'] as const).map((value) => ({ value, label: RATING_WORDS[value] }));

export const ratingLabel = (rating: AssessmentRating | null): string => ratingWord(rating);

/**
 * What a control shows: the value just chosen until the stored value moves
 * (live queries catch up a moment after the write), then the stored one.
 * A failed write clears the choice, so the control never shows what was not saved.
 */
export function usePendingValue<T>(stored: T): [T, (value: T, write: () => Promise<unknown>) => void] {
  const [pending, setPending] = useState<{ value: T; base: T } | null>(null);
  // Once the stored value has moved, the choice is spent: forget it so a later return to the old value is not mistaken for it.
  if (pending && !Object.is(pending.base, stored)) setPending(null);
  const shown = pending && Object.is(pending.base, stored) ? pending.value : stored;
  const choose = (value: T, write: () => Promise<unknown>) => {
    setPending({ value, base: stored });
    write().catch(() => setPending(null));
  };
  return [shown, choose];
}

export function Assessment({ number, coverage: c, note, packetId, readOnly, onRate, onNote }: Pick<RowProps, 'number' | 'coverage' | 'note' | 'packetId' | 'readOnly' | 'onRate' | 'onNote'>) {
  const [rating, choose] = usePendingValue(c.rating);
  if (readOnly) {
    return (
      <div className="packet-rating-text">
        <p>
          <span className="muted">Assessed: </span>
          <strong>{ratingLabel(c.rating)}</strong>
        </p>
        {note.trim() !== '' ? <p className="packet-note-text">{note}</p> : null}
      </div>
    );
  }
  const rate = (value: AssessmentRating | null) => choose(value, () => onRate(c.criterion.id, value));
  return (
    <>
      <fieldset className="packet-rating">
        <legend className="visually-hidden">
          Assessment of criterion {number}: {c.criterion.text}
        </legend>
        {RATINGS.map((r) => (
          <label key={r.value} className="packet-rating-option">
            <input type="radio" name={`rating-${packetId}-${c.criterion.id}`} value={r.value} checked={rating === r.value} onChange={() => rate(r.value)} />{' '}
            {r.label}
          </label>
        ))}
      </fieldset>
      {rating ? <AssessmentNote packetId={packetId} number={number} criterionId={c.criterion.id} note={note} onNote={onNote} onClear={() => rate(null)} /> : null}
    </>
  );
}

/** The optional note beside an assessment: a link to add one, or the field once there is one. */
function AssessmentNote({ packetId, number, criterionId, note, onNote, onClear }: { packetId: string; number: number; criterionId: string; note: string; onNote: RowProps['onNote']; onClear: () => void }) {
  // A note typed just before a reload is kept locally until saved (renderer/state/unsaved-text.ts): open the field to put it back.
  const rescueKey = `${packetId}:note:${criterionId}`;
  const [open, setOpen] = useState(() => unsavedText(rescueKey, note) !== null);
  const actions = (
    <span className="packet-rating-actions">
      {open || note !== '' ? null : (
        <button type="button" className="button-link" onClick={() => setOpen(true)}>
          Add a note<span className="visually-hidden"> on criterion {number}</span>
        </button>
      )}
      <button type="button" className="button-link" onClick={onClear}>
        Clear<span className="visually-hidden"> the assessment of criterion {number}</span>
      </button>
    </span>
  );
  if (!open && note === '') return actions;
  return (
    <>
      <PacketTextField
        id={`note-${criterionId}`}
        className="packet-note"
        label={
          <>
            Note<span className="visually-hidden"> on criterion {number}</span>
          </>
        }
        value={note}
        readOnly={false}
        rows={2}
        rescueKey={rescueKey}
        autoFocus={open && note === ''}
        onSave={(text) => onNote(criterionId, text)}
      />
      {actions}
    </>
  );
}
