/**
 * Candidates: for a manager or the chair, the people considered in the
 * active cycle, with their current and target levels and how much evidence
 * has been logged. Searchable by name, manager or team; archived candidates
 * are hidden unless asked for.
 *
 * Routes: `#/candidates` the list, `#/candidates/new` the form for a new
 * candidate, `#/candidates/<id>` the candidate's page with their evidence
 * log, `#/candidates/<id>/edit` the form for an existing candidate.
 */
import { useDeferredValue, useState } from 'react';
import { matchesQuery } from '../../../shared/util/search';
import { EmptyState } from '../../components/empty-state';
import { SearchField, ShowArchivedToggle, ShownCount } from '../../components/list-controls';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { hrefFor } from '../../app/routes';
import { useCandidateList } from '../../db/candidate-hooks';
import { levelLabel, useCycleContext } from '../../db/use-cycle-context';
import { useUiStore } from '../../state/ui-store';
import { NoCycle } from '../no-cycle';
import { CandidatePage } from './candidate-page';
import { EditCandidateForm, NewCandidateForm } from './candidate-form';
import './candidates.css';

export function CandidatesView({ params = [] }: { params?: string[] }) {
  const [first, second] = params;
  if (first === 'new') return <NewCandidateForm />;
  if (first && second === 'edit') return <EditCandidateForm key={first} id={first} />;
  if (first) return <CandidatePage key={first} id={first} />;
  return <CandidateList />;
}

function CandidateList() {
  const context = useCycleContext();
  const cycleId = context?.cycle.id;
  const data = useCandidateList(cycleId);
  const query = useUiStore((s) => s.candidateQuery);
  const setQuery = useUiStore((s) => s.setCandidateQuery);
  const [showArchived, setShowArchived] = useState(false);
  const deferredQuery = useDeferredValue(query);

  if (context === undefined || (context && data === undefined)) return <Loading what="candidates" />;
  if (context === null || !data) return <NoCycle what="candidates" />;
  const archivedCount = data.candidates.filter((c) => c.archived).length;
  const listed = data.candidates.filter((c) => showArchived || !c.archived);
  const visible = listed.filter((c) => matchesQuery([c.name, c.manager, c.team], deferredQuery));
  const active = data.candidates.length - archivedCount;
  const addButton = (
    <a className="button button-primary" href={hrefFor('candidates', 'new')}>
      Add candidate
    </a>
  );
  return (
    <>
      <PageHeader
        title="Candidates"
        subtitle={`${context.cycle.name} · ${active} ${active === 1 ? 'candidate' : 'candidates'}${archivedCount > 0 ? ` · ${archivedCount} archived` : ''}`}
        actions={addButton}
      />
      <div className="toolbar">
        <SearchField label="Search candidates" placeholder="Search by name, manager or team" value={query} onChange={setQuery} />
        <ShowArchivedToggle checked={showArchived} count={archivedCount} onChange={setShowArchived} />
        <ShownCount shown={visible.length} of={listed.length} />
      </div>
      {data.candidates.length === 0 ? (
        <EmptyState title="No candidates in this cycle" action={addButton}>
          <p>Candidates are added by their managers. Each has a current level, a target level and evidence linked to the target level's criteria.</p>
        </EmptyState>
      ) : listed.length === 0 ? (
        <p className="muted">
          Every candidate in this cycle is archived. Tick “Show archived” to see them; archiving is reversible from each candidate’s page.
        </p>
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
              <th scope="col" className="num">
                Evidence
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.map((c) => (
              <tr key={c.id} className={c.archived ? 'candidate-row-archived' : undefined}>
                <td>
                  <a href={hrefFor('candidates', c.id)}>{c.name}</a>
                  {c.archived ? <span className="tag">Archived</span> : null}
                </td>
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
