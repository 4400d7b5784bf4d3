/** One candidate's page of the decision book: outcome, levels, readiness, rationale, cited criteria with their evidence, votes before and after the discussion (a corrected pre-vote as a correction), next steps and dissent. */
import { memo, type ReactNode } from 'react';
import type { CandidatePage, DecisionBook } from '../../../shared/export/decision-book';
import { readinessText } from '../../../shared/rules/readiness';

/** Memoised: the book's pages are drawn once; nothing about a page changes unless the book does. */
export const CandidateDecision = memo(function CandidateDecision({ page, book, first = false, index }: { page: CandidatePage; book: DecisionBook; first?: boolean; index: number }) {
  return (
    // `data-print-page`: its pages name the candidate at the top (page-style.ts).
    <section className={first ? 'print-candidate print-candidate-first' : 'print-candidate'} data-print-page={index}>
      <h2>{page.name}</h2>
      <p className="print-outcome">
        <strong>{page.outcome}</strong> · {page.levelLine}
        {page.decidedOn ? ` · decided ${page.decidedOn}` : ''}
      </p>
      {page.againstVotes ? <p className="print-changed">{page.againstVotes}</p> : null}
      {page.earlier.map((line, i) => (
        <p key={i} className="print-changed">
          {line}
        </p>
      ))}
      <dl className="print-facts">
        <dt>Target level</dt>
        <dd>{page.targetLevel}</dd>
        <dt>Manager, team</dt>
        <dd>
          {page.manager || '—'} · {page.team || '—'}
        </dd>
        <dt>Packet</dt>
        <dd>{page.packet}</dd>
        {page.decidedBy ? (
          <>
            <dt>Recorded by</dt>
            <dd>{page.decidedBy}</dd>
          </>
        ) : null}
        <dt>Readiness</dt>
        <dd>
          {readinessText(page.readiness)} — {page.readiness.rule}
        </dd>
      </dl>
      <Block title="Rationale">{page.rationale ? <p className="print-text">{page.rationale}</p> : <p className="print-muted">No decision recorded yet.</p>}</Block>
      <Block title="Criteria cited, with the manager’s rating" flow>
        {page.cited.length === 0 ? (
          <p className="print-muted">No criteria cited.</p>
        ) : (
          <ul>
            {page.cited.map((c) => (
              <li key={c.id}>
                {c.code ? <strong>{c.code} </strong> : null}
                {c.text}
                {c.rating ? <span className="print-rating"> — rated {c.rating}</span> : null}
                {c.evidence.length ? <span className="print-muted"> — evidence: {c.evidence.join('; ')}</span> : <span className="print-muted"> — no linked evidence</span>}
              </li>
            ))}
          </ul>
        )}
      </Block>
      <Block title="Votes">
        {page.voteRows.length > 0 ? (
          <table className="print-table">
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Before discussion</th>
                <th scope="col">After discussion</th>
              </tr>
            </thead>
            <tbody>
              {page.voteRows.map((row) => (
                <tr key={row.memberId}>
                  <td>{row.member}</td>
                  <td>{row.before}</td>
                  <td>{row.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="print-muted">No votes recorded.</p>
        )}
      </Block>
      {page.nextSteps.length ? (
        // Runs on from where it starts: kept whole, a long list left half a page blank before it.
        <Block title="Next steps" flow>
          <ul>
            {page.nextSteps.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </Block>
      ) : null}
      {page.dissent ? (
        <Block title="Dissent">
          <p className="print-text">{page.dissent}</p>
        </Block>
      ) : null}
      {first ? (
        // Kept with what comes before it: alone, the two closing lines made a second page of their own (a re-test).
        <div className="print-closing">
          <p className="print-muted">{book.finalized ? book.finalized.statement : 'Not finalized: this decision may still change.'}</p>
          {/* Printed alone, a decision has no cover: its trail head is here, so a copy can be checked against the trail months later. */}
          {book.trailHead ? (
            <p className="print-muted">
              {book.trailHead.short}; last entry <span className="print-hash">{book.trailHead.hash}</span>
            </p>
          ) : null}
          <p className="print-confidential">{book.confidentiality}</p>
        </div>
      ) : null}
    </section>
  );
});

/**
 * A titled part of a printed page, kept on one page when it fits there. A
 * `flow` block (a table as long as a ladder level's criteria) runs on from
 * where it starts, row by row, instead of leaving the rest of a page blank;
 * its title stays with its first lines either way.
 */
export function Block({ title, children, flow = false }: { title: string; children: ReactNode; flow?: boolean }) {
  return (
    <div className={flow ? 'print-block print-block-flow' : 'print-block'}>
      <h3>{title}</h3>
      {children}
    </div>
  );
}

