/**
 * The print view: the page that becomes a PDF. Electron's main process loads
 * it in a hidden window and calls printToPDF; in a browser the user prints
 * it; the browser tests print it with page.pdf(). It renders the decision
 * book of a session, one candidate's decision, or one packet, with no
 * controls, charts as SVG, a page break before each candidate, and marks
 * itself ready (data-print-ready) once everything is drawn.
 */
import { useMemo, useState } from 'react';
import { buildDecisionBook, type DecisionBook } from '../../../shared/export/decision-book';
import { useDecisionBookData } from '../../db/book-hooks';
import { useDisplayNames } from '../calibration/use-session-data';
import { Cover, Summary } from './book-pages';
import { CandidateDecision } from './candidate-page';
import { PacketPrint } from './packet-print';
import { useAutoPrint, usePrintReady } from './print-ready';
import './print.css';

export function PrintView({ params: all }: { params: string[] }) {
  // A trailing "auto" (the browser's Print button) opens the print dialog once the document is ready.
  const auto = all[all.length - 1] === 'auto';
  const params = auto ? all.slice(0, -1) : all;
  useAutoPrint(auto);
  const [kind, first, second] = params;
  const printed =
    kind === 'session' && first ? (
      <SessionPrint sessionId={first} />
    ) : kind === 'decision' && first && second ? (
      <SessionPrint sessionId={first} candidateId={second} />
    ) : kind === 'packet' && first ? (
      <PacketPrint candidateId={first} packetId={second} />
    ) : null;
  if (!printed) return <p className="print-missing">Nothing to print: the address names no session, decision or packet.</p>;
  return (
    <>
      {auto ? <PrintToolbar /> : null}
      {/* The document is the page's main content (axe: landmark-one-main, region; a keyboard trial). */}
      <main className="print-main">{printed}</main>
    </>
  );
}

/**
 * In a browser the document opens in a tab of its own with the print dialog: once that is closed, these say how to
 * print again or go back (a keyboard user who cancelled it found no control on the page). Never printed.
 */
function PrintToolbar() {
  return (
    <nav className="print-toolbar" aria-label="Print">
      <button type="button" className="button button-primary" onClick={() => window.print()}>
        Print or save as PDF…
      </button>
      <button type="button" className="button button-secondary" onClick={() => window.close()}>
        Close
      </button>
    </nav>
  );
}

function SessionPrint({ sessionId, candidateId }: { sessionId: string; candidateId?: string }) {
  // A finalized session's rows come frozen from its record; buildDecisionBook reads them through sessionView as well.
  const data = useDecisionBookData(sessionId);
  const displayNames = useDisplayNames(data);
  const [printedAt] = useState(() => new Date().toISOString());
  // Built once per read: a re-render (e.g. the live query answering again with the same rows) does not rebuild 600 pages.
  const book: DecisionBook | null = useMemo(() => (data ? buildDecisionBook({ ...data, names: displayNames, printedAt }, candidateId ? { candidateIds: [candidateId] } : {}) : null), [data, displayNames, printedAt, candidateId]);
  const header = book ? `${book.cycleName} · ${book.sessionName}` : '';
  const footer = book ? `Confidential · printed ${book.printedOn}` : '';
  const title = book ? (candidateId ? `Decision · ${book.pages[0]?.name ?? ''} · ${book.sessionName}` : book.title) : 'Levelset';
  const names = useMemo(() => book?.pages.map((p) => p.name) ?? [], [book]);
  usePrintReady(!!book, header, footer, title, names);
  if (data === null) return <p className="print-missing">That session no longer exists.</p>;
  if (!book) return <p className="print-loading">Preparing the document…</p>;
  if (candidateId) {
    const page = book.pages[0];
    return <article className="print-doc">{page ? <CandidateDecision page={page} book={book} first index={0} /> : <p>That candidate is not in this session.</p>}</article>;
  }
  return (
    <article className="print-doc">
      <Cover book={book} />
      <Summary book={book} />
      {book.pages.map((page, i) => (
        <CandidateDecision key={page.candidateId} page={page} book={book} index={i} />
      ))}
    </article>
  );
}
