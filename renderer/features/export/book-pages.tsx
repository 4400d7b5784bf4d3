/**
 * The pages of the decision book as laid out for print: the cover (with
 * whether and by whom the session was finalized, and its history), the
 * summary with its charts; each candidate's page is in candidate-page.tsx. Everything they say
 * comes from the book model (shared/export/decision-book.ts).
 */
import type { DecisionBook } from '../../../shared/export/decision-book';
import { BookFairness } from './book-fairness';
import { LevelChart } from './print-charts';

const OUTCOME_ORDER = ['Promote', 'Promote to another level', 'Not yet', 'Defer', 'Not decided'];

export function Cover({ book }: { book: DecisionBook }) {
  return (
    <section className="print-cover">
      <p className="print-kicker">Levelset decision book</p>
      <h1>{book.sessionName}</h1>
      <dl className="print-facts">
        <dt>Cycle</dt>
        <dd>{book.cycleName}</dd>
        <dt>Session</dt>
        <dd>{book.sessionName}</dd>
        <dt>Printed</dt>
        <dd>{book.printedOn}</dd>
        <dt>Dates</dt>
        <dd>Days in {book.timeZone}, where it was printed</dd>
        <dt>Candidates</dt>
        <dd>{book.pages.length}</dd>
        <dt>Status</dt>
        <dd>{book.finalized ? book.finalized.statement : 'Not finalized: decisions may still change.'}</dd>
        {book.trailHead ? (
          <>
            <dt>Audit trail</dt>
            <dd>
              {book.trailHead.summary}; last entry <span className="print-hash">{book.trailHead.hash}</span>
            </dd>
          </>
        ) : null}
        {book.names ? (
          <>
            <dt>Names</dt>
            <dd>{book.names}</dd>
          </>
        ) : null}
      </dl>
      <h2>Committee</h2>
      <ul className="print-committee">
        {book.committee.map((m, i) => (
          <li key={i}>
            {m.name} <span className="print-muted">({m.role})</span>
          </li>
        ))}
      </ul>
      <BookHistory book={book} />
      <p className="print-confidential">{book.confidentiality}</p>
    </section>
  );
}

/** Finalizations, reopens with their reasons, and name reveals: who, when, why. */
function BookHistory({ book }: { book: DecisionBook }) {
  if (book.history.length === 0) return null;
  return (
    <>
      <h2>History of the session</h2>
      <ul className="print-history">
        {book.history.map((e, i) => (
          <li key={i}>
            {e.action} {e.on} by {e.by}
            {e.reason ? `: ${e.reason}` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

export function Summary({ book }: { book: DecisionBook }) {
  return (
    <section className="print-summary">
      <h2>Decisions</h2>
      <p>
        {OUTCOME_ORDER.filter((o) => book.counts[o])
          .map((o) => `${o}: ${book.counts[o]}`)
          .join(' · ')}
      </p>
      <table className="print-table">
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Current level</th>
            <th scope="col">New level</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {book.summary.map((row) => (
            <tr key={row.candidateId}>
              <td>{row.name}</td>
              <td>{row.currentLevel}</td>
              <td>{row.newLevel}</td>
              <td>{row.outcome}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="print-charts">
        <figure>
          <figcaption>Headcount per level, before and after these decisions</figcaption>
          <LevelChart series={book.levels} />
          <p className="print-rule">{book.levelsRule}</p>
        </figure>
        <BookFairness book={book} />
      </div>
    </section>
  );
}
