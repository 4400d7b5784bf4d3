/**
 * The heatmap grid's cells in words and its keyboard moves: what the focused
 * cell holds (the line under the grid, so nothing is hover-only), and where
 * each key takes the focus. Row 0 is the header row; column 0 the name,
 * 1 the readiness, 2… the criteria.
 */
import type { HeatmapRow, HeatmapSort, SortDirection } from '../../../../shared/calibration/heatmap';
import { withRole, type BlindNames } from '../../../../shared/calibration/pseudonyms';
import { READINESS_RULE } from '../../../../shared/rules/readiness';
import { PAGE_ROWS } from '../../../components/virtual-rows';
import { readinessText } from './format';
import { RATING_TEXT, ratingKey } from './rating';

export interface GridColumn {
  criterionId: string;
  /** "C1", "C2", … in the level's order. */
  code: string;
  text: string;
}

export interface Cell {
  /** 0 is the header row; body rows from 1. */
  row: number;
  /** 0 name, 1 readiness, 2… criteria. */
  col: number;
}

export function sortKey(sort: HeatmapSort): string {
  return sort.by === 'criterion' ? `c:${sort.criterionId}` : sort.by;
}

export function ariaSort(active: boolean, direction: SortDirection): 'ascending' | 'descending' | undefined {
  if (!active) return undefined;
  return direction === 'asc' ? 'ascending' : 'descending';
}

export function quartersWord(q: number | undefined): string {
  return q === undefined ? '' : ` (evidence in ${q} distinct ${q === 1 ? 'quarter' : 'quarters'})`;
}

export interface CellContext {
  rows: readonly HeatmapRow[];
  columns: readonly GridColumn[];
  names: BlindNames;
  quartersOf(candidateId: string, criterionId: string): number | undefined;
}

/** What the focused cell holds, in words. */
export function describeCell(at: Cell, { rows, columns, names, quartersOf }: CellContext): string {
  const column = at.col >= 2 ? columns[at.col - 2] : undefined;
  if (at.row === 0) {
    if (at.col === 0) return 'Candidate: press Enter to sort by name.';
    if (at.col === 1) return `${READINESS_RULE}. Press Enter to sort by it.`;
    return column ? `${column.code}: ${column.text} Press Enter to sort by this criterion.` : '';
  }
  const row = rows[at.row - 1];
  if (!row) return '';
  if (at.col === 0) {
    return `${row.name}: ${withRole('manager', names.manager(row.manager))}${row.team ? `, ${withRole('team', names.team(row.team))}` : ''}${row.hasPacket ? '.' : '; no packet for this level yet.'}`;
  }
  if (at.col === 1) return `${row.name}: readiness ${readinessText(row.readiness)}. ${row.readiness.rule}.`;
  const cell = row.cells[at.col - 2];
  if (!cell || !column) return '';
  const q = quartersOf(row.candidateId, cell.criterionId);
  return (
    `${row.name} on ${column.code} “${column.text}”: ${RATING_TEXT[ratingKey(cell.rating)].long}; ` +
    `${cell.evidenceCount} evidence ${cell.evidenceCount === 1 ? 'item' : 'items'}; ${cell.sustained ? 'sustained' : 'not sustained'}${quartersWord(q)}.`
  );
}

/**
 * Where a key moves the focus from `at` (not yet clamped to the grid), or null for a key the grid leaves alone:
 * arrows cell to cell, Home/End to the row's ends, Ctrl+Home/End to the grid's corners, PageUp/PageDown by ten rows.
 */
export function keyTarget(key: string, ctrl: boolean, at: Cell, last: Cell): Cell | null {
  switch (key) {
    case 'ArrowDown':
      return { row: at.row + 1, col: at.col };
    case 'ArrowUp':
      return { row: at.row - 1, col: at.col };
    case 'ArrowRight':
      return { row: at.row, col: at.col + 1 };
    case 'ArrowLeft':
      return { row: at.row, col: at.col - 1 };
    case 'Home':
      return { row: ctrl ? 0 : at.row, col: 0 };
    case 'End':
      return { row: ctrl ? last.row : at.row, col: last.col };
    case 'PageDown':
      return { row: at.row + PAGE_ROWS, col: at.col };
    case 'PageUp':
      return { row: at.row - PAGE_ROWS, col: at.col };
    default:
      return null;
  }
}
