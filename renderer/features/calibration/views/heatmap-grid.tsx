/**
 * The heatmap grid: candidates down, the level's criteria across, one cell
 * per (candidate, criterion) with the rating's glyph and word, the evidence
 * count and the sustained mark, on a sequential fill (UX: colour is never
 * the only signal).
 *
 * Only the rows in view are in the DOM (heatmap-rows-window.ts), and of a
 * level's many criteria only the columns in view (column-window.ts); rows
 * are memoised (heatmap-row.tsx), so moving the focus re-renders two rows,
 * not forty.
 *
 * Keyboard: one tab stop (roving tabindex); arrows move cell to cell,
 * Home/End to the row's ends, Ctrl+Home/End to the grid's corners,
 * PageUp/PageDown by ten rows (heatmap-cells.ts keyTarget). The header row
 * is row 0 and its buttons sort (heatmap-head.tsx). The line under the grid
 * says what the focused cell holds and why, so nothing is hover-only.
 */
import { useCallback, useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { HeatmapRow, HeatmapSort, SortDirection } from '../../../../shared/calibration/heatmap';
import type { BlindNames } from '../../../../shared/calibration/pseudonyms';
import { useColumnRange, type ColumnRange } from './column-window';
import { describeCell, keyTarget, type Cell, type GridColumn } from './heatmap-cells';
import { HeaderRow } from './heatmap-head';
import { BodyRow } from './heatmap-row';
import { useRowsWindow } from './heatmap-rows-window';

export type { GridColumn } from './heatmap-cells';

export interface HeatmapGridProps {
  labelledBy: string;
  columns: readonly GridColumn[];
  rows: readonly HeatmapRow[];
  sort: HeatmapSort;
  direction: SortDirection;
  onSort(sort: HeatmapSort): void;
  names: BlindNames;
  quartersOf(candidateId: string, criterionId: string): number | undefined;
}

/** Which criteria the grid shows when not all fit (a 1024-wide projector shows three of six), and how to reach the others. */
function ColumnsInView({ columns, inView }: { columns: readonly GridColumn[]; inView: ColumnRange }) {
  const first = columns[inView.first];
  const last = columns[inView.last];
  if (!first || !last) return null;
  return (
    <p className="cv-in-view">
      Showing {first.code === last.code ? first.code : `${first.code}–${last.code}`} of {columns.length} criteria. Scroll sideways, or move with the arrow keys in the grid, for the others.
    </p>
  );
}

export function HeatmapGrid(props: HeatmapGridProps) {
  const { labelledBy, columns, rows, sort, direction, onSort } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<Cell>({ row: 0, col: 0 });
  const pendingFocus = useRef(false);
  const rowWindow = useRowsWindow(scrollRef, rows);
  const cols = useColumnRange(scrollRef, columns.length);
  const { items } = rowWindow;

  // Rows or columns can shrink under the focus (a filter, another level): keep it inside the grid.
  const last: Cell = { row: rows.length, col: columns.length + 1 };
  const at: Cell = { row: Math.min(active.row, last.row), col: Math.min(active.col, last.col) };
  const colRendered = at.col < 2 || (at.col - 2 >= cols.range.first && at.col - 2 <= cols.range.last);
  const activeRendered = at.row === 0 || (colRendered && items.some((item) => item.index + 1 === at.row));
  // The one tab stop: the active cell, or its column's header while the active row is scrolled away.
  const tabRow = activeRendered ? at.row : 0;

  const onFocusCell = useCallback((row: number, col: number) => {
    setActive((prev) => (prev.row === row && prev.col === col ? prev : { row, col }));
  }, []);

  useEffect(() => {
    if (!pendingFocus.current) return;
    const cell = scrollRef.current?.querySelector<HTMLElement>(`[data-cell="${at.row}:${at.col}"]`);
    if (!cell) return; // Not rendered yet: the virtualiser is scrolling to it; the next render focuses it.
    pendingFocus.current = false;
    (at.row === 0 ? (cell.querySelector<HTMLElement>('button') ?? cell) : cell).focus();
  });

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const target = keyTarget(e.key, e.ctrlKey || e.metaKey, at, last);
    if (!target) return;
    e.preventDefault();
    const next = { row: Math.max(0, Math.min(target.row, last.row)), col: Math.max(0, Math.min(target.col, last.col)) };
    pendingFocus.current = true;
    setActive(next);
    if (next.row > 0) rowWindow.show(next.row - 1);
    if (next.col >= 2) cols.show(next.col - 2);
  }

  const style = { '--cv-cols': String(columns.length), height: rowWindow.totalHeight } as CSSProperties;
  return (
    <div className="cv-hm">
      {cols.inView ? <ColumnsInView columns={columns} inView={cols.inView} /> : null}
      <div
        ref={scrollRef}
        role="grid"
        aria-labelledby={labelledBy}
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length + 2}
        className="cv-hm-scroll"
        onKeyDown={onKeyDown}
        onScroll={cols.onScroll}
      >
        <div className="cv-hm-canvas" style={style}>
          <div role="rowgroup" className="cv-hm-head">
            <HeaderRow columns={columns} sort={sort} direction={direction} onSort={onSort} tabCol={tabRow === 0 ? at.col : -1} onFocusCell={onFocusCell} />
          </div>
          <div role="rowgroup" className="cv-hm-body">
            {items.map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              const number = item.index + 1;
              return (
                <BodyRow
                  key={row.candidateId}
                  row={row}
                  number={number}
                  start={item.start}
                  tabCol={tabRow === number ? at.col : -1}
                  shown={cols.range}
                  columns={columns}
                  names={props.names}
                  quartersOf={props.quartersOf}
                  onFocusCell={onFocusCell}
                />
              );
            })}
          </div>
        </div>
      </div>
      <p className="cv-hm-detail">{describeCell(at, props)}</p>
    </div>
  );
}
