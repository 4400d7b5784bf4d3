/**
 * The heatmap grid: candidates down, the level's criteria across, one cell
 * per (candidate, criterion) with the rating's glyph and word, the evidence
 * count and the sustained mark, on a sequential fill (UX: colour is never
 * the only signal).
 *
 * Virtualised with TanStack Virtual, since a cycle may put 1,000 candidates
 * on one screen (PERFORMANCE.md: ~117 ms virtualised against 1.65 s for the
 * full DOM). Only the rows in view (and a few either side) are in the DOM,
 * and of a level's many criteria only the columns in view (column-window.ts);
 * rows are memoised, so moving the focus re-renders two rows, not forty.
 *
 * Keyboard: one tab stop (roving tabindex); arrows move cell to cell,
 * Home/End to the row's ends, Ctrl+Home/End to the grid's corners,
 * PageUp/PageDown by ten rows. The header row is row 0 and its buttons sort.
 * The line under the grid says what the focused cell holds and why, so
 * nothing is hover-only.
 *
 * No layout (jsdom in unit tests, or the grid inside a hidden panel): the
 * scroll element measures 0 px high and the virtualiser would render no
 * row. Then the grid falls back to the first FALLBACK_ROWS rows at their
 * estimated positions; a real layout replaces them on the next measurement.
 */
import { withRole } from '../../../../shared/calibration/pseudonyms';
import { elementScroll, observeElementRect, useVirtualizer, type Rect, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { HeatmapRow, HeatmapSort, SortDirection } from '../../../../shared/calibration/heatmap';
import type { BlindNames } from '../../../../shared/calibration/pseudonyms';
import { READINESS_RULE } from '../../../../shared/rules/readiness';
import { useColumnRange, type ColumnRange } from './column-window';
import { readinessText } from './format';
import { coverageStep } from './palette';
import { EvidenceCount, RATING_TEXT, RatingMark, SustainedMark, ratingKey } from './rating';

export const ROW_HEIGHT = 56;
export const HEADER_HEIGHT = 64;
/** Rows rendered when the scroll element has no height (see the block comment above). */
export const FALLBACK_ROWS = 40;
const PAGE_ROWS = 10;

export interface GridColumn {
  criterionId: string;
  /** "C1", "C2", … in the level's order. */
  code: string;
  text: string;
}

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

interface Cell {
  /** 0 is the header row; body rows from 1. */
  row: number;
  /** 0 name, 1 readiness, 2… criteria. */
  col: number;
}

function sortKey(sort: HeatmapSort): string {
  return sort.by === 'criterion' ? `c:${sort.criterionId}` : sort.by;
}

function ariaSort(active: boolean, direction: SortDirection): 'ascending' | 'descending' | undefined {
  if (!active) return undefined;
  return direction === 'asc' ? 'ascending' : 'descending';
}

function SortGlyph({ active, direction }: { active: boolean; direction: SortDirection }) {
  return (
    <span className="cv-sort-glyph" aria-hidden="true">
      {active ? (direction === 'asc' ? '▲' : '▼') : '↕'}
    </span>
  );
}

function quartersWord(q: number | undefined): string {
  return q === undefined ? '' : ` (evidence in ${q} distinct ${q === 1 ? 'quarter' : 'quarters'})`;
}

/** What the focused cell holds, in words. */
function describeCell(at: Cell, props: HeatmapGridProps): string {
  const { rows, columns, names, quartersOf } = props;
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
  quartersOf: HeatmapGridProps['quartersOf'];
  onFocusCell(row: number, col: number): void;
}

const BodyRow = memo(function BodyRow({ row, number, start, tabCol, shown, columns, names, quartersOf, onFocusCell }: RowProps) {
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

/**
 * The scroll element's size from a ResizeObserver alone, whose first report
 * comes after the browser's own layout: TanStack's default also reads
 * clientWidth/clientHeight when the grid mounts, which forced a layout of the
 * whole page in the middle of React's commit (80-240 ms of the heatmap's
 * cold navigation; issue 13). Until the report, `initialRect` stands in.
 * Without a ResizeObserver (jsdom), the default.
 */
export function observeRectAfterLayout(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: Rect) => void): (() => void) | undefined {
  const element = instance.scrollElement;
  const view = instance.targetWindow;
  if (!element || !view?.ResizeObserver) return observeElementRect(instance, cb);
  const observer = new view.ResizeObserver((entries) => {
    const box = entries[entries.length - 1]?.contentRect;
    if (box) cb({ width: Math.round(box.width), height: Math.round(box.height) });
  });
  observer.observe(element, { box: 'content-box' });
  return () => observer.disconnect();
}

export function HeatmapGrid(props: HeatmapGridProps) {
  const { labelledBy, columns, rows, sort, direction, onSort } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<Cell>({ row: 0, col: 0 });
  const pendingFocus = useRef(false);
  const mountWritten = useRef(false);

  // The React Compiler is not used in this build, and nothing memoised below receives the virtualiser's functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (i) => rows[i]?.candidateId ?? i,
    overscan: 6,
    // Let React batch the re-render a scroll causes rather than forcing it inside the scroll event.
    useFlushSync: false,
    paddingStart: HEADER_HEIGHT,
    // scrollToIndex keeps a row clear of the sticky header.
    scrollPaddingStart: HEADER_HEIGHT,
    initialRect: { width: 1200, height: 640 },
    observeElementRect: observeRectAfterLayout,
    // On mounting, the virtualiser writes its initial offset (0) to the scroll element, which forces a layout of the
    // page mid-commit as reading its size did; a grid just created is at 0 already, so that first write is skipped.
    scrollToFn: (offset, options, instance) => {
      const first = !mountWritten.current;
      mountWritten.current = true;
      if (first && offset === 0 && !options.adjustments) return;
      elementScroll(offset, options, instance);
    },
  });
  const cols = useColumnRange(scrollRef, columns.length);
  const measured = virtualizer.getVirtualItems();
  const noLayout = measured.length === 0 && rows.length > 0;
  const items = noLayout
    ? Array.from({ length: Math.min(FALLBACK_ROWS, rows.length) }, (_, index) => ({ index, start: HEADER_HEIGHT + index * ROW_HEIGHT }))
    : measured;
  const totalHeight = noLayout ? HEADER_HEIGHT + rows.length * ROW_HEIGHT : virtualizer.getTotalSize();

  // Rows or columns can shrink under the focus (a filter, another level): keep it inside the grid.
  const maxRow = rows.length;
  const maxCol = columns.length + 1;
  const at: Cell = { row: Math.min(active.row, maxRow), col: Math.min(active.col, maxCol) };
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

  function move(row: number, col: number) {
    const next = { row: Math.max(0, Math.min(row, maxRow)), col: Math.max(0, Math.min(col, maxCol)) };
    pendingFocus.current = true;
    setActive(next);
    if (next.row > 0 && !noLayout) virtualizer.scrollToIndex(next.row - 1, { align: 'auto' });
    if (next.col >= 2) cols.show(next.col - 2);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const ctrl = e.ctrlKey || e.metaKey;
    switch (e.key) {
      case 'ArrowDown':
        move(at.row + 1, at.col);
        break;
      case 'ArrowUp':
        move(at.row - 1, at.col);
        break;
      case 'ArrowRight':
        move(at.row, at.col + 1);
        break;
      case 'ArrowLeft':
        move(at.row, at.col - 1);
        break;
      case 'Home':
        move(ctrl ? 0 : at.row, 0);
        break;
      case 'End':
        move(ctrl ? maxRow : at.row, maxCol);
        break;
      case 'PageDown':
        move(at.row + PAGE_ROWS, at.col);
        break;
      case 'PageUp':
        move(at.row - PAGE_ROWS, at.col);
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  const key = sortKey(sort);
  const headTab = (col: number) => (tabRow === 0 && at.col === col ? 0 : -1);
  const style = { '--cv-cols': String(columns.length), height: totalHeight } as CSSProperties;

  return (
    <div className="cv-hm">
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
            <div role="row" aria-rowindex={1} className="cv-hm-row cv-hm-headrow">
              <div role="columnheader" aria-colindex={1} aria-sort={ariaSort(key === 'name', direction)} className="cv-hm-cell cv-hm-name" data-cell="0:0">
                <button type="button" className="cv-hm-sort" tabIndex={headTab(0)} onFocus={() => onFocusCell(0, 0)} onClick={() => onSort({ by: 'name' })}>
                  Candidate <SortGlyph active={key === 'name'} direction={direction} />
                </button>
              </div>
              <div role="columnheader" aria-colindex={2} aria-sort={ariaSort(key === 'readiness', direction)} className="cv-hm-cell cv-hm-ready" data-cell="0:1">
                <button
                  type="button"
                  className="cv-hm-sort"
                  tabIndex={headTab(1)}
                  title={READINESS_RULE}
                  onFocus={() => onFocusCell(0, 1)}
                  onClick={() => onSort({ by: 'readiness' })}
                >
                  Readiness <SortGlyph active={key === 'readiness'} direction={direction} />
                </button>
              </div>
              {columns.map((c, i) => {
                const on = key === `c:${c.criterionId}`;
                return (
                  <div key={c.criterionId} role="columnheader" aria-colindex={i + 3} aria-sort={ariaSort(on, direction)} className="cv-hm-cell cv-hm-crit" data-cell={`0:${i + 2}`}>
                    <button
                      type="button"
                      className="cv-hm-sort"
                      tabIndex={headTab(i + 2)}
                      title={`${c.code}: ${c.text}`}
                      aria-label={`${c.code}: ${c.text}`}
                      onFocus={() => onFocusCell(0, i + 2)}
                      onClick={() => onSort({ by: 'criterion', criterionId: c.criterionId })}
                    >
                      <span className="cv-hm-code">
                        {c.code} <SortGlyph active={on} direction={direction} />
                      </span>
                      <span className="cv-hm-crit-text" aria-hidden="true">
                        {c.text}
                      </span>
                    </button>
                  </div>
                );
              })}
            </div>
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
      <p className="cv-hm-detail">
        {describeCell(at, props)}
      </p>
    </div>
  );
}
