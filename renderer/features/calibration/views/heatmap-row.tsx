/** One candidate's row of the heatmap grid: name, readiness, and the criteria columns in view (memoised: moving the focus re-renders two rows). */
import { memo } from 'react';
import type { HeatmapRow } from '../../../../shared/calibration/heatmap';
import type { BlindNames } from '../../../../shared/calibration/pseudonyms';
import type { ColumnRange } from './column-window';
import { readinessText } from './format';
import { quartersWord, type CellContext, type GridColumn } from './heatmap-cells';
import { coverageStep } from './palette';
import { EvidenceCount, RATING_TEXT, RatingMark, SustainedMark, ratingKey } from './rating';

interface RowProps {
  row: HeatmapRow;
  /** Body row number, from 1. */
  number: number;
  start: number;
  /** The column holding the tab stop in this row, or -1. */
  tabCol: number;
  /** The criteria columns rendered; each cell keeps its place in the grid (grid-column). */
  shown: ColumnRange;
  columns: readonly GridColumn[];
  names: BlindNames;
  quartersOf: CellContext['quartersOf'];
  onFocusCell(row: number, col: number): void;
}

export const BodyRow = memo(function BodyRow({ row, number, start, tabCol, shown, columns, names, quartersOf, onFocusCell }: RowProps) {
  const manager = names.manager(row.manager);
  const team = row.team ? names.team(row.team) : '';
  return (
    <div role="row" aria-rowindex={number + 1} className="cv-hm-row" style={{ transform: `translateY(${start}px)` }}>
      <div
        role="rowheader"
        aria-colindex={1}
        className="cv-hm-cell cv-hm-name"
        tabIndex={tabCol === 0 ? 0 : -1}
        data-cell={`${number}:0`}
        onFocus={() => onFocusCell(number, 0)}
      >
        <span className="cv-hm-candidate">
          {row.name}
          {row.hasPacket ? null : <span className="tag">no packet</span>}
        </span>
        <span className="cv-hm-sub">
          {manager}
          {team ? ` · ${team}` : ''}
        </span>
      </div>
      <div
        role="gridcell"
        aria-colindex={2}
        className="cv-hm-cell cv-hm-ready"
        tabIndex={tabCol === 1 ? 0 : -1}
        data-cell={`${number}:1`}
        title={row.readiness.rule}
        onFocus={() => onFocusCell(number, 1)}
      >
        {readinessText(row.readiness)}
      </div>
      {row.cells.slice(shown.first, shown.last + 1).map((cell, j) => {
        const i = shown.first + j;
        const column = columns[i];
        const q = quartersOf(row.candidateId, cell.criterionId);
        const step = coverageStep(cell.rating, cell.sustained);
        return (
          <div
            key={cell.criterionId}
            role="gridcell"
            aria-colindex={i + 3}
            className={`cv-hm-cell cv-hm-rating cv-fill-${step}`}
            style={{ gridColumnStart: i + 3 }}
            tabIndex={tabCol === i + 2 ? 0 : -1}
            data-cell={`${number}:${i + 2}`}
            title={`${column ? `${column.code}: ${column.text}\n` : ''}${RATING_TEXT[ratingKey(cell.rating)].long}; ${cell.evidenceCount} evidence; ${cell.sustained ? 'sustained' : 'not sustained'}${quartersWord(q)}`}
            onFocus={() => onFocusCell(number, i + 2)}
          >
            <RatingMark rating={cell.rating} />
            <span className="cv-hm-meta">
              <EvidenceCount count={cell.evidenceCount} /> <SustainedMark sustained={cell.sustained} quarters={q} />
            </span>
          </div>
        );
      })}
    </div>
  );
});
