/** The evidence form's date: the quarter it counts in beside it, and a warning when it is after today or outside the cycle's evidence window. */
import { useState, type ReactNode } from 'react';
import { evidenceDateNotes } from '../../../shared/packets/evidence-dates';
import type { FieldProblems } from '../../components/field-problems';
import type { Cycle } from '../../../shared/domain';
import { DATE_INPUT_RANGE } from '../../../shared/util/dates';
import { formatDate, localToday, quarterText } from '../../components/dates';


/** What the form says under a date outside the cycle's evidence window. */
export function outsideWindowMessage(cycle: Pick<Cycle, 'evidenceFrom' | 'evidenceTo'>): string {
  return `This date is outside the cycle’s evidence window (from ${formatDate(cycle.evidenceFrom)} to ${formatDate(cycle.evidenceTo)}): it will not count towards readiness.`;
}

/** What the form says under a date after today: evidence is work already done, so a later date is almost always a slip of the year or month. */
export function futureDateMessage(today: string): string {
  return `This date is after today (${formatDate(today)}): evidence records work already done. Check the year and the month.`;
}

/** A warning under the date: the date is kept, and the field is described by it. */
function DateWarning({ id, children }: { id: string; children: ReactNode }) {
  return (
    <span className="field-hint evidence-outside" id={id}>
      <span aria-hidden="true">⚠ </span>
      {children}
    </span>
  );
}

interface Props {
  formId: string;
  date: string;
  cycle: Cycle | null;
  /** The field's props and its problem (renderer/components/field-problems.tsx). */
  field: FieldProblems<'date'>['field'];
  error: FieldProblems<'date'>['error'];
  onChange: (date: string) => void;
}

/**
 * What the form says while the field shows a date that does not exist or is not complete (02/31/2026): the browser
 * gives the form no date then, and the save said "Choose the date it happened" under a date plainly chosen (a trial).
 */
export const NOT_A_DATE = 'That is not a date that exists, or it is not complete: check the day, the month and the year (February has 28 or 29 days).';

export function DateField({ formId, date, cycle, field, error, onChange }: Props) {
  // The input's own verdict (validity.badInput), read as it changes and when it is left: its value is empty then.
  const [bad, setBad] = useState(false);
  const quarter = quarterText(date);
  const today = localToday();
  const notes = evidenceDateNotes(date, cycle ? { from: cycle.evidenceFrom, to: cycle.evidenceTo } : null, today);
  const future = notes.includes('after-today');
  const outside = cycle && notes.includes('outside-window');
  const described = [bad ? `${formId}-bad` : '', `${formId}-quarter`, future ? `${formId}-future` : '', outside ? `${formId}-outside` : ''].filter(Boolean).join(' ');
  const props = field('date', described);
  return (
    <div className="evidence-field">
      <label htmlFor={`${formId}-date`}>Date</label>
      <div className="date-with-quarter">
        <input
          type="date"
          {...DATE_INPUT_RANGE}
          {...props}
          aria-invalid={bad || props['aria-invalid']}
          value={date}
          onChange={(e) => {
            setBad(e.target.validity.badInput);
            onChange(e.target.value);
          }}
          onBlur={(e) => setBad(e.currentTarget.validity.badInput)}
          required
        />
        <span className="quarter-badge" id={`${formId}-quarter`}>
          {quarter ? (
            <>
              {/* Read with the field: "Counts in 2025 Q4" above a warning that the date does not count contradicted it (a trial). */}
              <span className="visually-hidden">{outside ? 'Dated in ' : 'Counts in '}</span>
              {quarter}
            </>
          ) : (
            'No quarter yet'
          )}
        </span>
      </div>
      {future ? <DateWarning id={`${formId}-future`}>{futureDateMessage(today)}</DateWarning> : null}
      {outside ? <DateWarning id={`${formId}-outside`}>{outsideWindowMessage(cycle)}</DateWarning> : null}
      {bad ? (
        <span className="field-error" id={`${formId}-bad`}>
          {NOT_A_DATE}
        </span>
      ) : (
        error('date')
      )}
    </div>
  );
}
