/**
 * The Candidates list: the active cycle's candidates with their levels and
 * evidence counts (stored figures, not counted from evidence here),
 * searchable by name, manager or team, sorted (shared/rules/candidate-sort.ts);
 * archived candidates hidden unless asked for. Built for a 3,000-candidate cycle (issue 13): each row's
 * search key is folded once per read, the query is deferred so typing stays
 * responsive, and the table is virtualised (candidates-table.tsx).
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { keyMatches, normalizeQuery, searchKey } from '../../../shared/util/search';
import { EmptyState } from '../../components/empty-state';
import { SearchField, ShowArchivedToggle, ShownCount, SortField } from '../../components/list-controls';
import { CANDIDATE_SORTS, sortCandidates } from '../../../shared/rules/candidate-sort';
import { levelOrderOf } from '../../../shared/packets/packet-list';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { hrefFor } from '../../app/routes';
import { useCandidateList } from '../../db/list-hooks';
import { useCycleContext } from '../../db/use-cycle-context';
import { useUiStore } from '../../state/ui-store';
import { NoCycle } from '../no-cycle';
import { CandidatesTable } from './candidates-table';

export function CandidateList() {
  const context = useCycleContext();
  const cycleId = context?.cycle.id;
  const data = useCandidateList(cycleId);
  const query = useUiStore((s) => s.candidateQuery);
  const setQuery = useUiStore((s) => s.setCandidateQuery);
  const sort = useUiStore((s) => s.candidateSort);
  const setSort = useUiStore((s) => s.setCandidateSort);
  const [showArchived, setShowArchived] = useState(false);
  const deferredQuery = useDeferredValue(query);
  // Folded once per read of the list, not once per keystroke.
  const keyOf = useMemo(() => new Map((data?.candidates ?? []).map((c) => [c.id, searchKey([c.name, c.manager, c.team])])), [data]);
  const levelOrder = useMemo(() => (context?.framework ? levelOrderOf(context.framework) : new Map<string, number>()), [context]);
  const listed = useMemo(
    () => (data ? sortCandidates(data.candidates.filter((c) => showArchived || !c.archived), sort, { levelOrder, counts: data.counts }) : []),
    [data, showArchived, sort, levelOrder],
  );
  const visible = useMemo(() => {
    const q = normalizeQuery(deferredQuery);
    return listed.filter((c) => keyMatches(keyOf.get(c.id) ?? '', q));
  }, [listed, keyOf, deferredQuery]);

  if (context === undefined || (context && data === undefined)) return <Loading what="candidates" />;
  if (context === null || !data) return <NoCycle what="candidates" />;
  const archivedCount = data.candidates.filter((c) => c.archived).length;
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
        <SortField value={sort} options={CANDIDATE_SORTS} onChange={setSort} />
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
        <p className="muted">
          No candidate matches “{query}”.{' '}
          <button type="button" className="button-link" onClick={() => setQuery('')}>
            Clear the search
          </button>
        </p>
      ) : (
        <CandidatesTable caption={`Candidates in ${context.cycle.name}`} candidates={visible} counts={data.counts} levelById={context.levelById} />
      )}
    </>
  );
}
