/**
 * Decisions: for the chair and HR, every decision recorded in the active
 * cycle's sessions, grouped by session, with the exports that outlive the
 * session: the decision book PDF, a PDF per candidate, and CSV for the HR
 * system. Blind sessions stay blind in every export.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { blindNames } from '../../../shared/calibration/pseudonyms';
import type { Candidate, Decision, Session } from '../../../shared/domain';
import { decisionsCsv, OUTCOME_LABELS } from '../../../shared/export/decisions-csv';
import { latestDecisionByCandidate } from '../../../shared/rules/latest-decision';
import { levelAfterDecision } from '../../../shared/rules/level-after-decision';
import { hrefFor } from '../../app/routes';
import { EmptyState } from '../../components/empty-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { repos } from '../../db/hooks';
import { levelLabel, useCycleContext, type CycleContext } from '../../db/use-cycle-context';
import { getPlatform } from '../../platform/bridge';
import { useUiStore } from '../../state/ui-store';
import { NoCycle } from '../no-cycle';

const STATUS = { planned: 'Planned', live: 'In progress', finalized: 'Finalized' } as const;

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'session';
}

function sessionNames(session: Session) {
  if (!session.blind) return (c: Candidate) => c.name;
  const names = blindNames(session.id, { candidateIds: session.candidateIds });
  return (c: Candidate) => names.candidate(c.id);
}

export function DecisionsView() {
  const context = useCycleContext();
  const cycleId = context?.cycle.id;
  const data = useLiveQuery(async () => {
    if (!cycleId) return null;
    const sessions = await repos.sessions.byCycle(cycleId);
    const decisions = await repos.sessions.decisions(sessions.map((s) => s.id));
    const candidates = await repos.candidates.byCycle(cycleId);
    return { sessions, decisions, candidates };
  }, [cycleId]);
  if (context === undefined || (context && data === undefined)) return <Loading what="decisions" />;
  if (context === null || !data) return <NoCycle what="decisions" />;
  const withDecisions = data.sessions.filter((s) => data.decisions.some((d) => d.sessionId === s.id));
  return (
    <>
      <PageHeader title="Decisions" subtitle={`${context.cycle.name} · ${data.decisions.length} recorded`} />
      {withDecisions.length === 0 ? (
        <EmptyState title="No decisions recorded yet">
          <p>
            Decisions are made in calibration sessions: Promote, Not yet, Defer or Promote to another level, each with its rationale and the
            criteria it cites. {data.sessions.length > 0 ? `This cycle has ${data.sessions.length} session(s) under Calibration.` : ''}
          </p>
          <p>
            <a href={hrefFor('calibration')}>Go to Calibration</a>
          </p>
        </EmptyState>
      ) : (
        withDecisions.map((session) => (
          <SessionDecisions key={session.id} session={session} context={context} decisions={data.decisions.filter((d) => d.sessionId === session.id)} candidates={data.candidates} />
        ))
      )}
    </>
  );
}

function SessionDecisions({ session, context, decisions, candidates }: { session: Session; context: CycleContext; decisions: Decision[]; candidates: Candidate[] }) {
  const announce = useUiStore((s) => s.announce);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const nameOf = sessionNames(session);
  const latest = latestDecisionByCandidate(decisions);
  const ordered = session.candidateIds.map((id) => ({ candidate: byId.get(id), decision: latest.get(id) })).filter((r) => r.candidate && r.decision) as Array<{ candidate: Candidate; decision: Decision }>;

  async function run(action: () => Promise<{ canceled: boolean; fileName?: string }>, what: string) {
    try {
      const result = await action();
      if (!result.canceled) announce(`${what}: ${result.fileName ?? 'done'}.`);
    } catch (error) {
      announce(`Could not export: ${error instanceof Error ? error.message : String(error)}`, 'error');
    }
  }
  const platform = getPlatform();
  const book = () => platform.printToPdf({ view: 'session', ids: [session.id], suggestedName: `decision-book-${slug(session.name)}.pdf` });
  const csv = () => {
    if (!context.framework) throw new Error('The framework version of this cycle is missing.');
    const text = decisionsCsv({
      decisions,
      candidates: ordered.map((r) => r.candidate),
      framework: context.framework,
      sessions: [session],
      bom: true,
      ...(session.blind ? { blind: nameOf } : {}),
    });
    return platform.saveFile({ suggestedName: `decisions-${slug(session.name)}.csv`, content: text, filters: [{ name: 'CSV', extensions: ['csv'] }] });
  };

  return (
    <section className="decision-session" aria-labelledby={`ds-${session.id}`}>
      <div className="decision-session-head">
        <h2 id={`ds-${session.id}`}>
          <a href={hrefFor('calibration', session.id)}>{session.name}</a> <span className={`status status-${session.status}`}>{STATUS[session.status]}</span>
          {session.blind ? <span className="tag">Blind</span> : null}
        </h2>
        <div className="detail-actions">
          <button type="button" className="button button-primary" onClick={() => void run(book, 'Decision book')}>
            Decision book (PDF)
          </button>
          <button type="button" className="button button-secondary" onClick={() => void run(csv, 'Saved CSV')}>
            Export CSV
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
              <td>{nameOf(candidate)}</td>
              <td>{OUTCOME_LABELS[decision.outcome]}</td>
              <td>{levelLabel(context.levelById, candidate.currentLevelId)}</td>
              <td>{levelLabel(context.levelById, levelAfterDecision(candidate, decision))}</td>
              <td>{new Date(decision.decidedAt).toLocaleDateString()}</td>
              <td>
                <button
                  type="button"
                  className="button button-link"
                  onClick={() => void run(() => platform.printToPdf({ view: 'decision', ids: [session.id, candidate.id], suggestedName: `decision-${slug(nameOf(candidate))}.pdf` }), 'Decision PDF')}
                >
                  PDF<span className="visually-hidden"> of the decision for {nameOf(candidate)}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
