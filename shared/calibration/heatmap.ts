/**
 * The candidates × criteria heatmap of one target level: a row per candidate
 * aiming at the level, a column per criterion of the level in the
 * framework's order, and in each cell the manager's rating, the number of
 * linked evidence items and whether the evidence is sustained.
 *
 * Built for a cycle of 1,000 candidates × 40 criteria: the coverage rows are
 * indexed once by candidate and criterion (a map lookup per cell, no scan per
 * cell), each row's cells are an array aligned with the columns, and sorting
 * by a criterion reads one array slot per row through `columnIndex`.
 *
 * Rows come from the candidate list (every non-archived candidate whose
 * target level is this level), not from the coverage rows, so a candidate
 * without a packet yet still shows, with empty cells and `hasPacket: false`.
 * Coverage rows for another target level or an unknown candidate are ignored.
 *
 * Names: in blind mode pass `displayName` (e.g. from pseudonyms.ts); rows
 * then carry the pseudonym and sort by it, so the order never betrays the
 * real names.
 */
import type { Framework } from '../domain/framework';
import type { AssessmentRating } from '../domain/packet';
import type { CriterionCoverageRow } from '../packets/coverage';
import { readinessOver, type ReadinessFigure } from '../rules/readiness';
import { compareNames, ratingRank, type CandidateRef } from './common';

export interface HeatmapColumn {
  criterionId: string;
  text: string;
  competencyId: string | null;
}

export interface HeatmapCell {
  criterionId: string;
  /** The manager's rating; null when not assessed or there is no packet. */
  rating: AssessmentRating | null;
  evidenceCount: number;
  sustained: boolean;
}

export interface HeatmapRow {
  candidateId: string;
  /** The real name, or the pseudonym when `displayName` was given. */
  name: string;
  manager: string;
  team: string;
  readiness: ReadinessFigure & { rule: string };
  /** False when no coverage row exists for the candidate at this level (no packet yet). */
  hasPacket: boolean;
  /** Aligned with `Heatmap.columns`. */
  cells: HeatmapCell[];
}

export interface Heatmap {
  levelId: string;
  columns: HeatmapColumn[];
  /** Criterion id → position in `columns` and in every row's `cells`. */
  columnIndex: ReadonlyMap<string, number>;
  /** In candidate-list order; use `sortHeatmapRows` for a view order. */
  rows: HeatmapRow[];
}

export interface HeatmapInput {
  framework: Pick<Framework, 'criteria'>;
  levelId: string;
  candidates: readonly CandidateRef[];
  coverage: readonly Pick<CriterionCoverageRow, 'candidateId' | 'targetLevelId' | 'criterionId' | 'rating' | 'evidenceCount' | 'sustained'>[];
  /** Shown name per candidate (blind mode); defaults to the candidate's name. */
  displayName?: (candidate: CandidateRef) => string;
}

export function buildHeatmap(input: HeatmapInput): Heatmap {
  const { levelId } = input;
  const columns: HeatmapColumn[] = [];
  const columnIndex = new Map<string, number>();
  for (const c of input.framework.criteria) {
    if (c.levelId !== levelId || columnIndex.has(c.id)) continue;
    columnIndex.set(c.id, columns.length);
    columns.push({ criterionId: c.id, text: c.text, competencyId: c.competencyId });
  }

  const members = input.candidates.filter((c) => c.targetLevelId === levelId && c.archived !== true);
  // Index once: candidate id → their coverage row per column, in one pass over the rows. Each cell is then made
  // once (a session of 1,000 candidates at 40 criteria makes 40,000 of them before its first paint; making a blank
  // cell for each and replacing it doubled that).
  const inSession = new Set<string>();
  for (const candidate of members) inSession.add(candidate.id);
  const rowsByCandidate = new Map<string, (HeatmapInput['coverage'][number] | undefined)[]>();
  for (const row of input.coverage) {
    if (row.targetLevelId !== levelId || !inSession.has(row.candidateId)) continue;
    const at = columnIndex.get(row.criterionId);
    if (at === undefined) continue;
    let mine = rowsByCandidate.get(row.candidateId);
    if (!mine) rowsByCandidate.set(row.candidateId, (mine = new Array(columns.length)));
    // A duplicate row for the same cell replaces the earlier one (last wins).
    mine[at] = row;
  }

  const criterionIds = columns.map((c) => c.criterionId);
  const rows = members.map((candidate): HeatmapRow => {
    const mine = rowsByCandidate.get(candidate.id);
    const cells = columns.map((col, at): HeatmapCell => {
      const row = mine?.[at];
      return row
        ? { criterionId: col.criterionId, rating: row.rating, evidenceCount: row.evidenceCount, sustained: row.sustained }
        : { criterionId: col.criterionId, rating: null, evidenceCount: 0, sustained: false };
    });
    // Cells are aligned with the columns, which are the level's criteria: the readiness rule over them.
    return {
      candidateId: candidate.id,
      name: input.displayName ? input.displayName(candidate) : (candidate.name ?? candidate.id),
      manager: candidate.manager,
      team: candidate.team ?? '',
      readiness: readinessOver(criterionIds, (id) => cells[columnIndex.get(id) ?? -1]),
      hasPacket: mine !== undefined,
      cells,
    };
  });
  return { levelId, columns, columnIndex, rows };
}

export type HeatmapSort = { by: 'readiness' } | { by: 'criterion'; criterionId: string } | { by: 'name' };
export type SortDirection = 'desc' | 'asc';

/**
 * The rule each sort follows, for the column header's tooltip.
 */
export function heatmapSortRule(sort: HeatmapSort): string {
  switch (sort.by) {
    case 'readiness':
      return 'Sorted by readiness share, then by criteria ready, then by name.';
    case 'criterion':
      return 'Sorted by the rating on this criterion (consistently > partially > not yet > not assessed), then by evidence count, then by name.';
    case 'name':
      return 'Sorted by name.';
  }
}

/**
 * A new array in view order. Descending (the default) puts the strongest
 * first; the direction applies to the rating/readiness and to the evidence
 * count, while the final tie-break is always name A→Z, then candidate id, so
 * equal rows keep one fixed order. An unknown criterion id sorts by name.
 */
export function sortHeatmapRows(heatmap: Pick<Heatmap, 'columnIndex'>, rows: readonly HeatmapRow[], sort: HeatmapSort, direction: SortDirection = 'desc'): HeatmapRow[] {
  const sign = direction === 'desc' ? -1 : 1;
  const byName = (a: HeatmapRow, b: HeatmapRow): number => compareNames(a.name, b.name) || (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0);
  // For names, ascending is A→Z and descending Z→A.
  if (sort.by === 'name') return [...rows].sort((a, b) => sign * byName(a, b));
  if (sort.by === 'readiness') {
    return [...rows].sort((a, b) => sign * (a.readiness.share - b.readiness.share) || sign * (a.readiness.ready - b.readiness.ready) || byName(a, b));
  }
  const at = heatmap.columnIndex.get(sort.criterionId);
  if (at === undefined) return [...rows].sort(byName);
  // Precompute one key pair per row so the comparator does no lookups.
  const keyed = rows.map((row) => {
    const cell = row.cells[at];
    return { row, rank: ratingRank(cell?.rating ?? null), evidence: cell?.evidenceCount ?? 0 };
  });
  keyed.sort((a, b) => sign * (a.rank - b.rank) || sign * (a.evidence - b.evidence) || byName(a.row, b.row));
  return keyed.map((k) => k.row);
}

export interface HeatmapFilter {
  /** Keep rows whose manager is one of these; empty or absent keeps all. */
  managers?: readonly string[];
  /** Keep rows whose team is one of these; empty or absent keeps all. */
  teams?: readonly string[];
}

/** Rows matching every given facet (manager AND team), in their given order. */
export function filterHeatmapRows(rows: readonly HeatmapRow[], filter: HeatmapFilter): HeatmapRow[] {
  const managers = filter.managers && filter.managers.length > 0 ? new Set(filter.managers) : null;
  const teams = filter.teams && filter.teams.length > 0 ? new Set(filter.teams) : null;
  return rows.filter((r) => (!managers || managers.has(r.manager)) && (!teams || teams.has(r.team)));
}

/** The distinct managers and teams among the rows, sorted, for the filter controls. */
export function heatmapFacets(rows: readonly HeatmapRow[]): { managers: string[]; teams: string[] } {
  const managers = new Set<string>();
  const teams = new Set<string>();
  for (const r of rows) {
    managers.add(r.manager);
    teams.add(r.team);
  }
  return { managers: [...managers].sort(compareNames), teams: [...teams].sort(compareNames) };
}

/** Filter, then sort: what a heatmap view shows. */
export function heatmapView(heatmap: Heatmap, options: { sort?: HeatmapSort; direction?: SortDirection; filter?: HeatmapFilter } = {}): HeatmapRow[] {
  const filtered = filterHeatmapRows(heatmap.rows, options.filter ?? {});
  return sortHeatmapRows(heatmap, filtered, options.sort ?? { by: 'readiness' }, options.direction ?? 'desc');
}
