/**
 * The criteria of the target level, one row each: the criterion, the
 * evidence linked to it (with its quarter, and whether it falls inside the
 * window), whether it is sustained, why it is a gap, whether it counts
 * toward readiness, and the manager's assessment. Every state is said in
 * words and a glyph, never by colour alone.
 */
import { useState } from 'react';
import type { AssessmentRating } from '../../../shared/domain/packet';
import { isInWindow, type CriterionCoverage, type EvidenceWindow, type GapReason } from '../../../shared/packets/coverage';
import { isReadyCriterion, SUSTAINED_MIN_QUARTERS } from '../../../shared/rules/readiness';
import { shownQuarter } from '../../../shared/util/dates';
import { unsavedText } from '../../state/unsaved-text';
import { PacketTextField } from './packet-text-field';

export const RATINGS: ReadonlyArray<{ value: AssessmentRating; label: string }> = [
  { value: 'not-yet', label: 'Not yet' },
  { value: 'partially', label: 'Partially' },
  { value: 'consistently', label: 'Consistently' },
];

export function ratingLabel(rating: AssessmentRating | null): string {
  return RATINGS.find((r) => r.value === rating)?.label ?? 'Not assessed';
}

/** The id of a criterion's row header, which packet checks link to. */
export function criterionAnchorId(criterionId: string): string {
  return `criterion-${criterionId}`;
}

const GAP_TEXT: Record<GapReason, string> = {
  'no-evidence': 'No evidence linked',
  'no-evidence-in-window': 'Evidence only from outside the window',
  'not-sustained': `Evidence from fewer than ${SUSTAINED_MIN_QUARTERS} quarters`,
  'not-yet': 'Assessed “not yet”',
  partially: 'Assessed “partially”',
  unassessed: 'Not assessed yet',
};


function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

/** Why a criterion does not count toward readiness: the inputs of the rule it is missing (the rating itself is shown beside it). */
function notCountedBecause(c: CriterionCoverage): string {
  const missing: string[] = [];
  if (c.rating !== 'consistently') missing.push('“consistently”');
  if (!c.sustained) missing.push(`evidence in ${SUSTAINED_MIN_QUARTERS} quarters`);
  return `Not counted: needs ${missing.join(' and ')}`;
}

export interface CriteriaTableProps {
  packetId: string;
  levelName: string;
  coverage: readonly CriterionCoverage[];
  competencyNames: ReadonlyMap<string, string>;
  window: EvidenceWindow;
  readOnly: boolean;
  candidateHref: string;
  /** Stores the rating; rejects (after reporting) when it could not be stored. */
  onRate: (criterionId: string, rating: AssessmentRating | null) => Promise<unknown>;
  onNote: (criterionId: string, note: string) => Promise<unknown>;
  /** The notes beside the assessments, by criterion id. */
  notes: Readonly<Record<string, string>>;
}

export function CriteriaTable({ packetId, levelName, coverage, notes, competencyNames, window, readOnly, candidateHref, onRate, onNote }: CriteriaTableProps) {
  return (
    <table className="data-table packet-criteria">
      <caption className="visually-hidden">Criteria of {levelName}: evidence, coverage and the manager’s assessment</caption>
      <thead>
        <tr>
          <th scope="col" className="packet-col-criterion">
            Criterion
          </th>
          <th scope="col" className="packet-col-evidence">
            Linked evidence
          </th>
          <th scope="col" className="packet-col-coverage">
            Sustained and gaps
          </th>
          <th scope="col" className="packet-col-assessment">
            Assessment
          </th>
        </tr>
      </thead>
      <tbody>
        {coverage.map((c, i) => (
          <CriterionRow
            key={c.criterion.id}
            number={i + 1}
            coverage={c}
            note={notes[c.criterion.id] ?? ''}
            competency={c.criterion.competencyId ? competencyNames.get(c.criterion.competencyId) : undefined}
            window={window}
            packetId={packetId}
            readOnly={readOnly}
            candidateHref={candidateHref}
            onRate={onRate}
            onNote={onNote}
          />
        ))}
      </tbody>
    </table>
  );
}

interface RowProps {
  number: number;
  coverage: CriterionCoverage;
  note: string;
  competency: string | undefined;
  window: EvidenceWindow;
  packetId: string;
  readOnly: boolean;
  candidateHref: string;
  onRate: CriteriaTableProps['onRate'];
  onNote: CriteriaTableProps['onNote'];
}

function CriterionRow({ number, coverage: c, note, competency, window, packetId, readOnly, candidateHref, onRate, onNote }: RowProps) {
  const counts = isReadyCriterion(c);
  const n = c.quarters.length;
  return (
    <tr className={counts ? 'packet-row-ready' : c.gap ? 'packet-row-gap' : undefined}>
      <th scope="row" id={criterionAnchorId(c.criterion.id)} tabIndex={-1} className="packet-criterion">
        <span className="packet-criterion-number" aria-hidden="true">
          {number}
        </span>
        <span className="visually-hidden">Criterion {number}: </span>
        <span className="packet-criterion-text">{c.criterion.text}</span>
        {competency ? <span className="packet-competency">Competency: {competency}</span> : null}
      </th>
      <td>
        {c.evidence.length === 0 ? (
          <p className="packet-none">
            No evidence linked. <a href={candidateHref}>Link evidence on the candidate page</a>
          </p>
        ) : (
          <ul className="packet-evidence">
            {c.evidence.map((e) => {
              const inside = isInWindow(e.date, window);
              return (
                <li key={e.id} className={inside ? undefined : 'packet-evidence-outside'}>
                  <span className="packet-evidence-title">{e.title}</span>{' '}
                  <span className="packet-evidence-when">
                    <time dateTime={e.date}>{shownQuarter(e.date)}</time>
                    {inside ? null : <strong> · ⚠ outside window ({e.date})</strong>}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </td>
      <td>
        <p className={`packet-sustained ${c.sustained ? 'packet-sustained-yes' : 'packet-sustained-no'}`}>
          {c.sustained ? (
            <>
              <span aria-hidden="true">✓ </span>Sustained · {plural(n, 'quarter')}
            </>
          ) : n === 0 ? (
            <>
              <span aria-hidden="true">✕ </span>No evidence in the window
            </>
          ) : (
            <>
              <span aria-hidden="true">◔ </span>
              {plural(n, 'quarter')} — needs {SUSTAINED_MIN_QUARTERS}
            </>
          )}
        </p>
        {n > 0 ? <p className="packet-quarters">{c.quarters.map((k) => k.replace('-', ' ')).join(', ')}</p> : null}
        {c.gapReasons.length > 0 ? (
          <ul className="packet-gaps" aria-label={`Gaps in criterion ${number}`}>
            {c.gapReasons.map((reason) => (
              <li key={reason}>
                <span aria-hidden="true">△ </span>Gap: {GAP_TEXT[reason]}
              </li>
            ))}
          </ul>
        ) : null}
        <p className={counts ? 'packet-counts packet-counts-yes' : 'packet-counts'}>
          {counts ? (
            <>
              <span aria-hidden="true">★ </span>Counts toward readiness
            </>
          ) : (
            notCountedBecause(c)
          )}
        </p>
      </td>
      <td>
        <Assessment number={number} coverage={c} note={note} packetId={packetId} readOnly={readOnly} onRate={onRate} onNote={onNote} />
      </td>
    </tr>
  );
}

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

function Assessment({ number, coverage: c, note, packetId, readOnly, onRate, onNote }: Pick<RowProps, 'number' | 'coverage' | 'note' | 'packetId' | 'readOnly' | 'onRate' | 'onNote'>) {
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
