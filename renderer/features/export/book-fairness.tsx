/**
 * The decision book's fairness section: the same figures, intervals,
 * statuses and sentences as the fairness view's session scope, from the same
 * model; on paper the "why" sentences are printed under each table instead
 * of behind a button. Hidden groups are hidden here too. Then, as on the
 * screen, the nomination section (book-nomination.tsx) and the track
 * section (book-tracks.tsx).
 */
import type { AttributeFairness } from '../../../shared/calibration/fairness';
import type { DecisionBook } from '../../../shared/export/decision-book';
import { BookNomination } from './book-nomination';
import { statusText } from './book-status';
import { BookTracks } from './book-tracks';
import { RateChart } from './print-charts';

function Attribute({ a }: { a: AttributeFairness }) {
  const p = a.promotion;
  return (
    <figure>
      <figcaption>Promotion rate by {a.attribute}</figcaption>
      <RateChart groups={p.groups} />
      <table className="print-table">
        <thead>
          <tr>
            <th>Group</th>
            <th>Promoted of n</th>
            <th>Deferred</th>
            <th>Undecided</th>
            <th>Rate (95% interval)</th>
            <th>Impact ratio (95% interval)</th>
            <th>p (Holm)</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {p.groups.map((g) =>
            g.counts === null ? (
              <tr key={g.group}>
                <td>{g.group}</td>
                <td colSpan={7}>{g.hiddenLabel}: not shown</td>
              </tr>
            ) : (
              <tr key={g.group}>
                <td>{g.group}</td>
                <td>
                  {g.counts.promoted} of {g.counts.n}
                </td>
                <td>{g.text.deferred}</td>
                <td>{g.text.undecided}</td>
                <td>{g.rate === null ? '—' : `${g.text.rate} (${g.text.rateInterval})`}</td>
                <td>{g.impactRatio === null ? '—' : g.reference ? g.text.impactRatio : `${g.text.impactRatio} (${g.text.ratioInterval})`}</td>
                <td>{g.p === null ? '—' : `${g.text.p} (${g.text.pAdjusted})`}</td>
                <td>{statusText(g)}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      <ul className="print-rule">
        {p.groups.map((g) => (
          <li key={g.group}>{g.rule}</li>
        ))}
      </ul>
      <p className="print-rule">
        {p.noReference ?? `Reference: ${p.reference ?? '—'}.`} {p.omnibusNote}
      </p>
    </figure>
  );
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
      {book.tracks ? <BookTracks report={book.tracks} /> : null}
    </>
  );
}
