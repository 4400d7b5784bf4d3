/**
 * The heatmap's criteria columns in view (issue 13). A level of 40 criteria
 * put 40 cells in every rendered row, some 8,000 elements for the browser
 * to lay out on each cold navigation, of which about eight columns are
 * seen. Columns have one width (--cv-crit-w), or stretch to fill when they
 * all fit, so which are in view is arithmetic: the scroll position, the
 * scroll element's width and the column width; no cell is measured.
 */
import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';

/** Columns rendered either side of those in view, so an arrow key lands on a rendered cell. */
export const COLUMN_OVERSCAN = 3;
/** From the stylesheet (views.css .cv-hm): the name and readiness columns, then each criterion, in rem. */
const LEAD_REM = 13.5 + 6.75;
const COLUMN_REM = 8.25;

/** First and last criterion column (from 0) to render, inclusive. */
export interface ColumnRange {
  first: number;
  last: number;
}

/** The columns in view plus the overscan; all of them while the width is unknown (no layout, as in jsdom). */
export function columnRange(count: number, scrollLeft: number, width: number, remPx: number): ColumnRange {
  if (width <= 0 || count === 0) return { first: 0, last: count - 1 };
  const lead = LEAD_REM * remPx;
  const column = COLUMN_REM * remPx;
  return {
    first: Math.max(0, Math.floor((scrollLeft - lead) / column) - COLUMN_OVERSCAN),
    last: Math.min(count - 1, Math.ceil((scrollLeft + width - lead) / column) - 1 + COLUMN_OVERSCAN),
  };
}

/**
 * The criterion columns wholly in view beside the sticky name and readiness
 * columns, or null when every column is (or the width is unknown). What the
 * line above the grid says, so a projector showing three criteria of six
 * says there are more (a chair's trial saw no sign of them).
 */
export function columnsInView(count: number, scrollLeft: number, width: number, remPx: number): ColumnRange | null {
  const lead = LEAD_REM * remPx;
  const column = COLUMN_REM * remPx;
  if (width <= 0 || count === 0 || lead + count * column <= width + 1) return null;
  // Criterion i spans [lead + i·column, lead + (i + 1)·column]; the criteria's part of the view is [scrollLeft + lead, scrollLeft + width].
  const first = Math.min(count - 1, Math.max(0, Math.ceil(scrollLeft / column - 0.01)));
  const last = Math.max(first, Math.min(count - 1, Math.floor((scrollLeft + width - lead) / column + 0.01) - 1));
  return first === 0 && last === count - 1 ? null : { first, last };
}

/** The scroll position that brings criterion column `index` into view beside the sticky name and readiness columns. */
function scrollLeftShowing(index: number, scrollLeft: number, width: number, remPx: number): number {
  const left = LEAD_REM * remPx + index * COLUMN_REM * remPx;
  const right = left + COLUMN_REM * remPx;
  if (left - LEAD_REM * remPx < scrollLeft) return Math.max(0, left - LEAD_REM * remPx);
  if (right > scrollLeft + width) return right - width;
  return scrollLeft;
}

function rootFontPx(): number {
  // Read once per grid, while it renders (the styles are settled then), not during its commit.
  const size = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(size) && size > 0 ? size : 16;
}

/**
 * The range to render, following the scroll element's horizontal scroll and
 * its width (a ResizeObserver's, reported after layout; the window's until
 * then, an upper bound; none without a ResizeObserver, as in jsdom, so all
 * columns), and a way to bring a column into view before focusing a cell in it.
 */
export function useColumnRange(scrollRef: RefObject<HTMLElement | null>, count: number) {
  const [remPx] = useState(rootFontPx);
  const [width, setWidth] = useState(() => (typeof ResizeObserver === 'undefined' ? 0 : window.innerWidth));
  // The window's width is enough to choose the columns to render, not to say which are in view: that waits for the grid's own.
  const [measured, setMeasured] = useState(false);
  const [scrollLeft, setScrollLeft] = useState(0);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (box && box.width > 0) {
        setWidth(Math.round(box.width));
        setMeasured(true);
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [scrollRef]);
  const { first, last } = columnRange(count, scrollLeft, width, remPx);
  // One object per range, so the memoised rows re-render only when it moves.
  const range = useMemo(() => ({ first, last }), [first, last]);
  const inView = measured ? columnsInView(count, scrollLeft, width, remPx) : null;
  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const left = el.scrollLeft;
    // A new state only when the range rendered or the range in view moves, not on every scroll event (the row virtualiser has its own).
    setScrollLeft((prev) => {
      const a = columnRange(count, prev, width, remPx);
      const b = columnRange(count, left, width, remPx);
      const c = columnsInView(count, prev, width, remPx);
      const d = columnsInView(count, left, width, remPx);
      return a.first === b.first && a.last === b.last && c?.first === d?.first && c?.last === d?.last ? prev : left;
    });
  }, [scrollRef, count, width, remPx]);
  const show = useCallback(
    (index: number) => {
      const el = scrollRef.current;
      if (!el || width <= 0) return;
      const target = scrollLeftShowing(index, el.scrollLeft, width, remPx);
      if (target !== el.scrollLeft) el.scrollLeft = target;
      setScrollLeft(el.scrollLeft);
    },
    [scrollRef, width, remPx],
  );
  return { range, inView, onScroll, show };
}
