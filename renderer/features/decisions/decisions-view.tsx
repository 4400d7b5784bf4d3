/**
 * Decisions: for the chair and HR, every decision recorded in the active
 * cycle's sessions, with the outcome and the level it grants.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { EmptyState } from '../../components/empty-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { repos } from '../../db/hooks';
import { levelLabel, useCycleContext } from '../../db/use-cycle-context';
import { NoCycle } from '../no-cycle';

const OUTCOME_LABEL = { promote: 'Promote', 'not-yet': 'Not yet', defer: 'Defer', 'promote-other': 'Promote to another level' } as const;

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
  const candidateById = new Map(data.candidates.map((c) => [c.id, c]));
  return (
    <>
      <PageHeader title="Decisions" subtitle={`${context.cycle.name} · ${data.decisions.length} recorded`} />
      {data.decisions.length === 0 ? (
        <EmptyState title="No decisions recorded yet">
          <p>
            Decisions are made in calibration sessions: Promote, Not yet, Defer or Promote to another level, each with its rationale and the
            criteria it cites. {data.sessions.length > 0 ? `This cycle has ${data.sessions.length} session(s) planned under Calibration.` : ''}
          </p>
          <p>
            <a href="#/calibration">Go to Calibration</a>
          </p>
        </EmptyState>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">Decisions</caption>
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              <th scope="col">Outcome</th>
              <th scope="col">New level</th>
              <th scope="col">Decided</th>
            </tr>
          </thead>
          <tbody>
            {data.decisions.map((d) => (
              <tr key={d.id}>
                <td>{candidateById.get(d.candidateId)?.name ?? 'Unknown candidate'}</td>
                <td>{OUTCOME_LABEL[d.outcome]}</td>
                <td>{levelLabel(context.levelById, d.newLevelId)}</td>
                <td>{new Date(d.decidedAt).toLocaleDateString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
