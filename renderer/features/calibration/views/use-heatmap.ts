/**
 * The heatmap's state: the picked level and its heatmap, the manager and
 * team filters (in display names, so blind pickers list pseudonyms), and the
 * sort. A filter or a criterion sort left over from another level keeps
 * nothing out and sorts by readiness, rather than emptying the view.
 */
import { useCallback, useMemo, useState } from 'react';
import { compareNames } from '../../../../shared/calibration/common';
import { buildHeatmap, heatmapFacets, heatmapSortRule, heatmapView, type HeatmapSort, type SortDirection } from '../../../../shared/calibration/heatmap';
import type { BlindNames } from '../../../../shared/calibration/pseudonyms';
import type { FilterOption } from '../../../components/filter-options';
import type { SessionData } from '../use-session-data';
import { criterionCodes } from '../../../../shared/domain/framework';
import { sortKey, type GridColumn } from './heatmap-cells';
import { usePickedLevel } from './level-picker';
import { quartersIndex } from './rating';

function directionText(sort: HeatmapSort, direction: SortDirection): string {
  if (sort.by === 'name') return direction === 'asc' ? 'A to Z.' : 'Z to A.';
  return direction === 'desc' ? 'Strongest first.' : 'Weakest first.';
}

function options(values: readonly string[], label: (v: string) => string): FilterOption[] {
  return values.map((value) => ({ value, label: label(value) })).sort((a, b) => compareNames(a.label, b.label));
}

export function useHeatmap(data: SessionData, names: BlindNames) {
  const { levels, levelId, pick } = usePickedLevel(data);
  const [order, setOrder] = useState<{ sort: HeatmapSort; direction: SortDirection }>({ sort: { by: 'readiness' }, direction: 'desc' });
  const [manager, setManager] = useState('');
  const [team, setTeam] = useState('');

  const heatmap = useMemo(
    () =>
      levelId === null
        ? null
        : buildHeatmap({ framework: data.framework, levelId, candidates: data.candidates, coverage: data.coverage, displayName: (c) => names.candidate(c.id) }),
    [data.framework, data.candidates, data.coverage, levelId, names],
  );
  const quartersOf = useMemo(() => quartersIndex(data.coverage), [data.coverage]);
  // The codes the review, the decision and the CSV use ("IC3.2"), so the committee names a criterion one way.
  const codes = useMemo(() => criterionCodes(data.framework), [data.framework]);
  const columns = useMemo<GridColumn[]>(() => (heatmap ? heatmap.columns.map((c) => ({ criterionId: c.criterionId, code: codes.get(c.criterionId) ?? '?', text: c.text })) : []), [heatmap, codes]);
  const facets = useMemo(() => (heatmap ? heatmapFacets(heatmap.rows) : { managers: [], teams: [] }), [heatmap]);
  const managerOptions = useMemo(() => options(facets.managers, names.manager), [facets, names]);
  const teamOptions = useMemo(() => options(facets.teams.filter((t) => t !== ''), names.team), [facets, names]);
  // A filter left over from another level that has no such manager or team keeps nothing out.
  const managerFilter = facets.managers.includes(manager) ? manager : '';
  const teamFilter = facets.teams.includes(team) ? team : '';
  // A sort by a criterion of another level falls back to readiness.
  const { sort, direction } = useMemo(
    () => (order.sort.by === 'criterion' && !heatmap?.columnIndex.has(order.sort.criterionId) ? { sort: { by: 'readiness' } as HeatmapSort, direction: 'desc' as SortDirection } : order),
    [order, heatmap],
  );
  const rows = useMemo(
    () => (heatmap ? heatmapView(heatmap, { sort, direction, filter: { managers: managerFilter ? [managerFilter] : [], teams: teamFilter ? [teamFilter] : [] } }) : []),
    [heatmap, sort, direction, managerFilter, teamFilter],
  );

  const onSort = useCallback((next: HeatmapSort) => {
    setOrder((prev) => (sortKey(prev.sort) === sortKey(next) ? { sort: prev.sort, direction: prev.direction === 'desc' ? 'asc' : 'desc' } : { sort: next, direction: next.by === 'name' ? 'asc' : 'desc' }));
  }, []);

  const sortedColumn = sort.by === 'criterion' ? columns.find((c) => c.criterionId === sort.criterionId) : undefined;
  const sortRule = `${heatmapSortRule(sort)}${sortedColumn ? ` (${sortedColumn.code})` : ''} ${directionText(sort, direction)}`;

  return {
    levels,
    levelId,
    pick,
    heatmap,
    columns,
    rows,
    quartersOf,
    sort,
    direction,
    onSort,
    sortRule,
    manager: { value: managerFilter, set: setManager, options: managerOptions },
    team: { value: teamFilter, set: setTeam, options: teamOptions },
  };
}
