/**
 * Candidates: for a manager or the chair, the people considered in the
 * active cycle, with their current and target levels and how much evidence
 * has been logged. Searchable by name, manager or team.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue } from 'react';
import { EmptyState } from '../../components/empty-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { repos } from '../../db/hooks';
import { levelLabel, useCycleContext } from '../../db/use-cycle-context';
import { useUiStore } from '../../state/ui-store';
import { NoCycle } from '../no-cycle';

export function CandidatesView({ params = [] }: { params?: string[] }) {
  void params;
  const context = useCycleContext();
  const cycleId = context?.cycle.id;
  const data = useLiveQuery(
    async () => (cycleId ? { candidates: await repos.candidates.byCycle(cycleId), counts: await repos.evidence.countsByCandidate(cycleId) } : null),
    [cycleId],
  );
  const query = useUiStore((s) => s.candidateQuery);
  const setQuery = useUiStore((s) => s.setCandidateQuery);
  const deferredQuery = useDeferredValue(query.trim().toLowerCase());

  if (context === undefined || (context && data === undefined)) return <Loading what="candidates" />;
  if (context === null || !data) return <NoCycle what="candidates" />;
  const visible = data.candidates.filter(
    (c) => !c.archived && (deferredQuery === '' || [c.name, c.manager, c.team].some((v) => v.toLowerCase().includes(deferredQuery))),
  );
  return (
    <>
      <PageHeader title="Candidates" subtitle={`${context.cycle.name} · ${data.candidates.length} candidates`} />
      <div className="toolbar">
        <label className="search">
          <span className="visually-hidden">Search candidates</span>
          <input type="search" placeholder="Search by name, manager or team" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <span className="muted" aria-live="polite">
          {visible.length === data.candidates.length ? `${visible.length} shown` : `${visible.length} of ${data.candidates.length} shown`}
        </span>
      </div>
      {data.candidates.length === 0 ? (
        <EmptyState title="No candidates in this cycle">
          <p>Candidates are added by their managers. Each has a current level, a target level and evidence linked to the target level's criteria.</p>
        </EmptyState>
      ) : visible.length === 0 ? (
        <p className="muted">No candidate matches “{query}”.</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">Candidates in {context.cycle.name}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Manager</th>
              <th scope="col">Team</th>
              <th scope="col">Current level</th>
              <th scope="col">Target level</th>
              <th scope="col" className="num">Evidence</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>{c.manager}</td>
                <td>{c.team}</td>
                <td>{levelLabel(context.levelById, c.currentLevelId)}</td>
                <td>{levelLabel(context.levelById, c.targetLevelId)}</td>
                <td className="num">{data.counts.get(c.id) ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
