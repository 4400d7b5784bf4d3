/**
 * The decision book's fairness section: the same figures, intervals,
 * statuses and sentences as the fairness view's session scope, from the same
 * model; on paper the "why" sentences are printed under each table instead
 * of behind a button. Hidden groups are hidden here too. Then, as on the
 * screen, the nomination section (book-nomination.tsx) and the track
 * section; the tables are the screen's own components (group-table.tsx,
 * track-section.tsx) in their print layout.
 */
import type { AttributeFairness } from '../../../shared/calibration/fairness';
import type { DecisionBook } from '../../../shared/export/decision-book';
import { BookNomination } from './book-nomination';
import { GroupTable } from '../calibration/views/group-table';
import { TrackReportSection } from '../calibration/views/track-section';
import { RateChart } from './print-charts';

function Attribute({ a }: { a: AttributeFairness }) {
  return <GroupTable kind="promotion" title={`Promotion rate by ${a.attribute}`} fairness={a.promotion} chart={<RateChart groups={a.promotion.groups} />} print />;
}

export function BookFairness({ book }: { book: DecisionBook }) {
  if (book.fairnessWithheld !== null) return <p className="print-muted">{book.fairnessWithheld}</p>;
  const r = book.fairnessRules;
  return (
    <>
      {book.fairness.length === 0 ? (
        <p className="print-muted">No candidate in this session has optional group attributes, so there is no fairness chart.</p>
      ) : (
        <>
          {book.fairness.map((a) => (
            <Attribute key={a.attribute} a={a} />
          ))}
          <p className="print-rule">
            {r.caveat} {r.promotion} {r.tests} {r.statuses} {r.suppression}
          </p>
        </>
      )}
      <BookNomination report={book.nomination} note={book.nominationNote} />
      {book.tracks ? <TrackReportSection report={book.tracks} print /> : null}
    </>
  );
}
