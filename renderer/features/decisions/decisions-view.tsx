/**
 * Decisions: for the chair and HR, every decision recorded in the active
 * cycle's sessions, grouped by session, with the exports that outlive the
 * session: the decision book PDF, a PDF per candidate, and CSV for the HR
 * system. Blind sessions stay blind in every export: their rows come in
 * their blind form (renderer/db/session-hooks.ts loadCycleDecisions).
 */
import { plural } from '../../../shared/util/plural';
import type { Candidate, Decision } from '../../../shared/domain';
import { finalizedBy } from '../../../shared/calibration/session-record';
import { changedAfterReopenTag } from '../../../shared/calibration/decision-helpers';
import { decisionsCsv } from '../../../shared/export/decisions-csv';
import { OUTCOME_LABELS } from '../../../shared/calibration/common';
import { latestDecisionByCandidate } from '../../../shared/rules/latest-decision';
import { levelAfterDecision } from '../../../shared/rules/level-after-decision';
import { hrefFor } from '../../app/routes';
import { EmptyState } from '../../components/empty-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { useCycleDecisions, type SessionDecisions as SessionRows } from '../../db/session-hooks';
import { useTallies, VotesDepartureTag } from './votes-departure';
import { levelLabel, useCycleContext } from '../../db/use-cycle-context';
import { getPlatform } from '../../platform/bridge';
import { useUiStore } from '../../state/ui-store';
import { NoCycle } from '../no-cycle';
import { formatDate, formatInstant } from '../../components/dates';
import { couldNot } from '../../../shared/util/error-message';
import { savedText, type SavedFile } from '../../platform/saved-text';
import { decidedInSeveralSessions } from '../../../shared/rules/session-candidates';
import { alsoDecidedIn, DecidedTwiceNotice, DecidedTwiceTag } from './decided-twice';
import { decisionsCsvFileName, fileNameSlug } from '../../../shared/util/file-name';

const STATUS = { planned: 'Planned', live: 'In progress', finalized: 'Finalized' } as const;

const slug = (text: string) => fileNameSlug(text, 'session');

export function DecisionsView() {
  const context = useCycleContext();
  const cycleId = context?.cycle.id;
  // Each session's rows: its frozen record once finalized, else live (shared/calibration/session-record.ts).
  const sessions = useCycleDecisions(cycleId);
  if (context === undefined || (context && sessions === undefined)) return <Loading what="decisions" />;
  if (context === null || !sessions) return <NoCycle what="decisions" />;
  const withDecisions = sessions.filter((s) => s.decisions.length > 0);
  const recorded = sessions.reduce((n, s) => n + s.decisions.length, 0);
  const twice = decidedInSeveralSessions(sessions.flatMap((s) => s.decisions));
  const sessionById = new Map(sessions.map((s) => [s.session.id, s.session]));
  const note = (candidateId: string, session: SessionRows['session']) => alsoDecidedIn(twice, sessionById, candidateId, session);
  return (
    <>
      <PageHeader title="Decisions" subtitle={`${context.cycle.name} · ${recorded} recorded`} />
      {withDecisions.length === 0 ? (
        <EmptyState title="No decisions recorded yet">
          <p>
            Decisions are made in calibration sessions: Promote, Not yet, Defer or Promote to another level, each with its rationale and the
            criteria it cites. {sessions.length > 0 ? `This cycle has ${plural(sessions.length, 'session')} under Calibration.` : ''}
          </p>
          <p>
            <a href={hrefFor('calibration')}>Go to Calibration</a>
          </p>
        </EmptyState>
      ) : (
        <>
          <DecidedTwiceNotice count={twice.size} />
          {withDecisions.map((rows) => (
            <SessionDecisions key={rows.session.id} rows={rows} note={note} />
          ))}
        </>
      )}
    </>
  );
}

/** Changed after the session was reopened (Decision.earlier): the book and the review say from what. */
function ChangedTag({ text }: { text: string | null }) {
  return text ? <span className="tag">{text}</span> : null;
}

/** A session whose framework version is missing still lists its decisions; a level then reads as its id. */
const NO_LEVELS = { levels: [] };

function SessionDecisions({ rows, note }: { rows: SessionRows; note: (candidateId: string, session: SessionRows['session']) => string | null }) {
  const { session, framework, decisions, candidates, votes } = rows;
  const announce = useUiStore((s) => s.announce);
  const done = finalizedBy(session);
  const levelById = new Map((framework?.levels ?? []).map((l) => [l.id, l]));
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const latest = latestDecisionByCandidate(decisions);
  const ordered = session.candidateIds.map((id) => ({ candidate: byId.get(id), decision: latest.get(id) })).filter((r) => r.candidate && r.decision) as Array<{ candidate: Candidate; decision: Decision }>;
  const tallies = useTallies(votes, session.candidateIds);

  async function run(action: () => Promise<{ canceled: true } | ({ canceled: false } & SavedFile)>, what: string) {
    try {
      const result = await action();
      if (!result.canceled) announce(`${what}: ${savedText(result)}.`);
    } catch (error) {
      announce(couldNot('export', error), 'error');
    }
  }
  const platform = getPlatform();
  const book = () => platform.printToPdf({ view: 'session', ids: [session.id], suggestedName: `decision-book-${slug(session.name)}.pdf` });
  const csv = async () => {
    if (!framework) throw new Error('The framework version of this session is missing.');
    const text = decisionsCsv({
      decisions,
      candidates: ordered.map((r) => r.candidate),
      framework,
      sessions: [session],
      votes,
      bom: true,
      blind: session.blind,
    });
    return platform.saveFile({ suggestedName: decisionsCsvFileName(session.name, session.status === 'finalized', session.blind), content: text, filters: [{ name: 'CSV', extensions: ['csv'] }] });
  };

  return (
    <section className="decision-session" aria-labelledby={`ds-${session.id}`}>
      <div className="decision-session-head">
        <h2 id={`ds-${session.id}`}>
          <a href={hrefFor('calibration', session.id)}>{session.name}</a> <span className={`status status-${session.status}`}>{STATUS[session.status]}</span>
          {session.blind ? <span className="tag">Blind</span> : null}
        </h2>
        {done ? (
          <p className="muted decision-session-finalized">
            Finalized on {formatInstant(done.at)}
            {done.by ? ` by ${done.by}` : ''}
            {session.record ? '; shown and exported as it was finalized.' : '.'}
          </p>
        ) : null}
        <div className="detail-actions">
          <button type="button" className="button button-primary" onClick={() => void run(book, 'Decision book')}>
            Decision book (PDF) <span className="visually-hidden">of {session.name}</span>
          </button>
          {/* Named with the session: one pair per session, and a screen reader heard the same names for each (a re-test). */}
          <button type="button" className="button button-secondary" onClick={() => void run(csv, 'Saved CSV')}>
            Export CSV <span className="visually-hidden">of {session.name}</span>
          </button>
        </div>
      </div>
      <table className="data-table">
        <caption className="visually-hidden">Decisions in {session.name}</caption>
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Outcome</th>
            <th scope="col">Current level</th>
            <th scope="col">New level</th>
            <th scope="col">Decided</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {ordered.map(({ candidate, decision }) => (
            <tr key={decision.id}>
              <td>
                {candidate.name}
                <DecidedTwiceTag text={note(candidate.id, session)} />
              </td>
              <td>
                {OUTCOME_LABELS[decision.outcome]}
                <ChangedTag text={changedAfterReopenTag(decision.earlier)} />
                <VotesDepartureTag decision={decision} tally={tallies.get(candidate.id)} framework={framework ?? NO_LEVELS} />
              </td>
              {/* Words, not letters: at 1024 px "Engineering Manager" broke as "Engineerin / g Manager" (a trial). */}
              <td className="words">{levelLabel(levelById, candidate.currentLevelId)}</td>
              <td className="words">{levelLabel(levelById, levelAfterDecision(candidate, decision))}</td>
              <td className="date">
                {formatDate(decision.decidedAt)}
                {decision.decidedBy ? <span className="muted decided-by">by {decision.decidedBy}</span> : null}
              </td>
              <td>
                <button
                  type="button"
                  className="button button-link"
                  onClick={() => void run(() => platform.printToPdf({ view: 'decision', ids: [session.id, candidate.id], suggestedName: `decision-${slug(candidate.name)}.pdf` }), 'Decision PDF')}
                >
                  PDF<span className="visually-hidden"> of the decision for {candidate.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
