/**
 * The print view: the page that becomes a PDF. Electron's main process loads
 * it in a hidden window and calls printToPDF; in a browser the user prints
 * it; the browser tests print it with page.pdf(). It renders the decision
 * book of a session, one candidate's decision, or one packet, with no
 * controls, charts as SVG, a page break before each candidate, and marks
 * itself ready (data-print-ready) once everything is drawn.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { buildDecisionBook, CONFIDENTIALITY, type CandidatePage, type DecisionBook } from '../../../shared/export/decision-book';
import { criterionCoverage } from '../../../shared/packets/coverage';
import { readiness, readinessText } from '../../../shared/rules/readiness';
import { quarterLabel, quarterOf } from '../../../shared/util/dates';
import { usePacketWorkspace, useSessionBookData } from '../../db/session-hooks';
import { useDisplayNames } from '../calibration/use-session-data';
import { applyPageRules, pageRules } from './page-style';
import { LevelChart, RateChart } from './print-charts';
import './print.css';

const OUTCOME_ORDER = ['Promote', 'Promote to another level', 'Not yet', 'Defer', 'Not decided'];

/** Marks the document ready for printing two frames after `ready` turns true (charts laid out). */
function usePrintReady(ready: boolean, header: string, footer: string, title: string) {
  useEffect(() => {
    if (!ready) return;
    document.title = title;
    const remove = applyPageRules(pageRules(header, footer));
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => document.documentElement.setAttribute('data-print-ready', 'true'));
    });
    return () => {
      cancelAnimationFrame(frame);
      remove();
      document.documentElement.removeAttribute('data-print-ready');
    };
  }, [ready, header, footer, title]);
}

function useAutoPrint(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const observer = new MutationObserver(() => {
      if (document.documentElement.getAttribute('data-print-ready') === 'true') {
        observer.disconnect();
        window.print();
      }
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-print-ready'] });
    return () => observer.disconnect();
  }, [enabled]);
}

export function PrintView({ params: all }: { params: string[] }) {
  // A trailing "auto" (the browser's Print button) opens the print dialog once the document is ready.
  const auto = all[all.length - 1] === 'auto';
  const params = auto ? all.slice(0, -1) : all;
  useAutoPrint(auto);
  const [kind, first, second] = params;
  if (kind === 'session' && first) return <SessionPrint sessionId={first} />;
  if (kind === 'decision' && first && second) return <SessionPrint sessionId={first} candidateId={second} />;
  if (kind === 'packet' && first) return <PacketPrint candidateId={first} />;
  return <p className="print-missing">Nothing to print: the address names no session, decision or packet.</p>;
}

function SessionPrint({ sessionId, candidateId }: { sessionId: string; candidateId?: string }) {
  // A finalized session's rows come frozen from its record; buildDecisionBook reads them through sessionView as well.
  const data = useSessionBookData(sessionId);
  const names = useDisplayNames(data);
  const [printedAt] = useState(() => new Date().toISOString());
  const book: DecisionBook | null = data ? buildDecisionBook({ ...data, names, printedAt }, candidateId ? { candidateIds: [candidateId] } : {}) : null;
  const header = book ? `${book.cycleName} · ${book.sessionName}` : '';
  const footer = book ? `Confidential · printed ${book.printedOn}` : '';
  const title = book ? (candidateId ? `Decision · ${book.pages[0]?.name ?? ''} · ${book.sessionName}` : book.title) : 'Levelset';
  usePrintReady(!!book, header, footer, title);
  if (data === null) return <p className="print-missing">That session no longer exists.</p>;
  if (!book) return <p className="print-loading">Preparing the document…</p>;
  if (candidateId) {
    const page = book.pages[0];
    return <article className="print-doc">{page ? <CandidateDecision page={page} book={book} first /> : <p>That candidate is not in this session.</p>}</article>;
  }
  return (
    <article className="print-doc">
      <Cover book={book} />
      <Summary book={book} />
      {book.pages.map((page) => (
        <CandidateDecision key={page.candidateId} page={page} book={book} />
      ))}
    </article>
  );
}

function Cover({ book }: { book: DecisionBook }) {
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
        <dt>Candidates</dt>
        <dd>{book.pages.length}</dd>
        <dt>Status</dt>
        <dd>{book.finalized ? book.finalized.statement : 'Not finalized: decisions may still change.'}</dd>
        {book.blind ? (
          <>
            <dt>Names</dt>
            <dd>Blind: candidates, managers, teams and groups appear as pseudonyms</dd>
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

function Summary({ book }: { book: DecisionBook }) {
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
        {book.fairness.map((a) => (
          <figure key={a.attribute}>
            <figcaption>Promotion rate by {a.attribute}</figcaption>
            <RateChart series={a.promotion.series} />
            <p className="print-rule">
              {a.promotion.flaggedGroups.length ? `Below four-fifths of the highest rate: ${a.promotion.flaggedGroups.join(', ')}. ` : 'No group below four-fifths of the highest rate. '}
              {a.promotion.rule}
            </p>
          </figure>
        ))}
        {book.fairness.length === 0 ? <p className="print-muted">No candidate in this session has optional group attributes, so there is no fairness chart.</p> : null}
      </div>
    </section>
  );
}

function CandidateDecision({ page, book, first = false }: { page: CandidatePage; book: DecisionBook; first?: boolean }) {
  return (
    <section className={first ? 'print-candidate print-candidate-first' : 'print-candidate'}>
      <h2>{page.name}</h2>
      <p className="print-outcome">
        <strong>{page.outcome}</strong> · {page.currentLevel} → {page.newLevel}
        {page.decidedOn ? ` · decided ${page.decidedOn}` : ''}
      </p>
      <dl className="print-facts">
        <dt>Target level</dt>
        <dd>{page.targetLevel}</dd>
        <dt>Manager</dt>
        <dd>{page.manager || '—'}</dd>
        <dt>Team</dt>
        <dd>{page.team || '—'}</dd>
        <dt>Readiness</dt>
        <dd>
          {readinessText(page.readiness)} — {page.readiness.rule}
        </dd>
      </dl>
      <Block title="Rationale">{page.rationale ? <p className="print-text">{page.rationale}</p> : <p className="print-muted">No decision recorded yet.</p>}</Block>
      <Block title="Criteria cited">
        {page.cited.length === 0 ? (
          <p className="print-muted">No criteria cited.</p>
        ) : (
          <ul>
            {page.cited.map((c) => (
              <li key={c.id}>
                {c.text}
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
        <Block title="Next steps">
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
      {first ? <p className="print-muted">{book.finalized ? book.finalized.statement : 'Not finalized: this decision may still change.'}</p> : null}
      {first ? <p className="print-confidential">{book.confidentiality}</p> : null}
    </section>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="print-block">
      <h3>{title}</h3>
      {children}
    </div>
  );
}

const RATING = { consistently: 'Consistently', partially: 'Partially', 'not-yet': 'Not yet' } as const;

function PacketPrint({ candidateId }: { candidateId: string }) {
  const ws = usePacketWorkspace(candidateId);
  const [printedAt] = useState(() => new Date().toISOString());
  const ready = !!ws?.current && !!ws.cycle && !!ws.framework;
  usePrintReady(ready, ws?.cycle ? `${ws.cycle.name} · Packet` : '', `Confidential · printed ${printedAt.slice(0, 10)}`, ws ? `Packet · ${ws.candidate.name}` : 'Levelset');
  if (ws === undefined) return <p className="print-loading">Preparing the document…</p>;
  if (!ws || !ws.current || !ws.cycle || !ws.framework) return <p className="print-missing">There is no packet to print for this candidate.</p>;
  const { candidate, current, framework, cycle, evidence } = ws;
  const window = { from: cycle.evidenceFrom, to: cycle.evidenceTo };
  const coverage = criterionCoverage(framework, current, evidence, window);
  const r = readiness(coverage);
  const level = (id: string | null) => framework.levels.find((l) => l.id === id);
  return (
    <article className="print-doc">
      <section className="print-candidate print-candidate-first">
        <p className="print-kicker">Promotion packet · revision {current.revision} · {current.status === 'submitted' ? `submitted ${current.submittedAt?.slice(0, 10) ?? ''}` : current.status}</p>
        <h1>{candidate.name}</h1>
        <p className="print-outcome">
          {level(candidate.currentLevelId)?.code} {level(candidate.currentLevelId)?.title} → {level(current.targetLevelId)?.code} {level(current.targetLevelId)?.title}
        </p>
        <dl className="print-facts">
          <dt>Manager</dt>
          <dd>{candidate.manager}</dd>
          <dt>Team</dt>
          <dd>{candidate.team || '—'}</dd>
          <dt>Readiness</dt>
          <dd>
            {readinessText(r)} — {r.rule}
          </dd>
          <dt>Evidence window</dt>
          <dd>
            {cycle.evidenceFrom} to {cycle.evidenceTo}
          </dd>
        </dl>
        <Block title="Summary">{current.summary ? <p className="print-text">{current.summary}</p> : <p className="print-muted">No summary written.</p>}</Block>
        <Block title="Not yet doing">{current.notYetDoing ? <p className="print-text">{current.notYetDoing}</p> : <p className="print-muted">Nothing noted.</p>}</Block>
        <Block title="Criteria">
          <table className="print-table">
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                <th scope="col">Assessment</th>
                <th scope="col">Evidence</th>
              </tr>
            </thead>
            <tbody>
              {coverage.map((c) => (
                <tr key={c.criterion.id}>
                  <td>{c.criterion.text}</td>
                  <td>
                    {c.rating ? RATING[c.rating] : 'Not assessed'}
                    {c.sustained ? ' · sustained' : ''}
                  </td>
                  <td>{c.evidence.length ? c.evidence.map((e) => `${e.title} (${quarterLabel(quarterOf(e.date))})`).join('; ') : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Block>
        <p className="print-confidential">{CONFIDENTIALITY}</p>
      </section>
    </article>
  );
}
