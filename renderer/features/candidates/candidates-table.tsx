/**
 * The Candidates list's table, virtualised (components/virtual-table.tsx):
 * only the rows in view are in the DOM, rows memoised.
 */
import { memo, useMemo } from 'react';
import type { Candidate } from '../../../shared/domain/candidate';
import type { Level } from '../../../shared/domain';
import { hrefFor } from '../../app/routes';
import { VirtualTable } from '../../components/virtual-table';
import { levelLabel } from '../../db/use-cycle-context';

interface Shared {
  counts: ReadonlyMap<string, number>;
  levelById: Map<string, Level>;
}

const CandidateRow = memo(function CandidateRow({ row: c, extra }: { row: Candidate; extra: Shared }) {
  return (
    <>
      <td>
        <a href={hrefFor('candidates', c.id)}>{c.name}</a>
        {c.archived ? <span className="tag">Archived</span> : null}
      </td>
      <td className="words">{c.manager}</td>
      <td className="words">{c.team}</td>
      <td className="words">{levelLabel(extra.levelById, c.currentLevelId)}</td>
      <td className="words">{levelLabel(extra.levelById, c.targetLevelId)}</td>
      <td className="num">{extra.counts.get(c.id) ?? 0}</td>
    </>
  );
});

const HEAD = (
  <>
    <th scope="col">Name</th>
    <th scope="col">Manager</th>
    <th scope="col">Team</th>
    <th scope="col">Current level</th>
    <th scope="col">Target level</th>
    <th scope="col" className="num">
      Evidence
    </th>
  </>
);

const keyOf = (c: Candidate) => c.id;
const classOf = (c: Candidate) => (c.archived ? 'candidate-row-archived' : undefined);

export function CandidatesTable({ caption, candidates, counts, levelById }: { caption: string; candidates: readonly Candidate[] } & Shared) {
  const extra = useMemo(() => ({ counts, levelById }), [counts, levelById]);
  return <VirtualTable caption={caption} rows={candidates} rowKey={keyOf} head={HEAD} columnCount={6} Row={CandidateRow} extra={extra} rowClassName={classOf} />;
}
