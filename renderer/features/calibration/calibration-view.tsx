/**
 * Calibration: for the committee chair, the sessions of the active cycle,
 * with who sits on each and how many candidates it reviews.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { EmptyState } from '../../components/empty-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { repos } from '../../db/hooks';
import { useCycleContext } from '../../db/use-cycle-context';
import { NoCycle } from '../no-cycle';

const STATUS_LABEL = { planned: 'Planned', live: 'In progress', finalized: 'Finalized' } as const;

export function CalibrationView() {
  const context = useCycleContext();
  const cycleId = context?.cycle.id;
  const sessions = useLiveQuery(async () => (cycleId ? repos.sessions.byCycle(cycleId) : null), [cycleId]);
  if (context === undefined || (context && sessions === undefined)) return <Loading what="sessions" />;
  if (context === null || !sessions) return <NoCycle what="calibration sessions" />;
  return (
    <>
      <PageHeader title="Calibration" subtitle={`${context.cycle.name} · ${sessions.length} ${sessions.length === 1 ? 'session' : 'sessions'}`} />
      {sessions.length === 0 ? (
        <EmptyState title="No calibration sessions yet">
          <p>A session is where the committee reviews candidates against the level criteria, votes and decides. Sessions review submitted packets.</p>
        </EmptyState>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">Calibration sessions</caption>
          <thead>
            <tr>
              <th scope="col">Session</th>
              <th scope="col">Committee</th>
              <th scope="col" className="num">Candidates</th>
              <th scope="col" className="num">Timebox</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>
                  {s.name}
                  {s.blind ? <span className="tag">Blind</span> : null}
                </td>
                <td>{s.members.map((m) => m.name).join(', ') || '—'}</td>
                <td className="num">{s.candidateIds.length}</td>
                <td className="num">{s.timeboxMinutes} min</td>
                <td>
                  <span className={`status status-${s.status}`}>{STATUS_LABEL[s.status]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
