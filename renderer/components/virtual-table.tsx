/**
 * A long list as a real `<table>` (caption, header cells, aria-rowcount and
 * aria-rowindex, so screen readers hear "row 2,040 of 3,001") whose body
 * holds only the rows in view and a few either side (TanStack Virtual, as
 * the heatmap): a 3,000-row list puts ~40 rows in the DOM, not 3,000
 * (issue 13). Spacer rows above and below keep the scroll height; the
 * header row sticks to the top of the scroll box.
 *
 * Keyboard: Tab moves through the links and boxes of the rows as before
 * (the row a focused element is in is scrolled into view, so the next row
 * is rendered). From inside a row, ArrowUp/ArrowDown move to the row
 * above/below, PageUp/PageDown by ten rows, Home/End to the first and last
 * row, focusing the same control of that row.
 *
 * No layout (jsdom, or a hidden panel): the first rows stand in
 * (virtual-rows.ts).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ComponentType, type KeyboardEvent, type ReactNode } from 'react';
import { PAGE_ROWS, rowsInView } from './virtual-rows';
import './virtual-table.css';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled])';

interface Props<R, X> {
  caption: string;
  rows: readonly R[];
  rowKey: (row: R) => string;
  /** The header row's cells (`<th scope="col">`). */
  head: ReactNode;
  columnCount: number;
  /** The cells of one row; memoise it so rows whose data did not change are not rendered again. */
  Row: ComponentType<{ row: R; extra: X }>;
  /** What every row shares (selection, callbacks): keep it stable between renders. */
  extra: X;
  rowClassName?: (row: R) => string | undefined;
  /** A typical row's height in pixels, before rows are measured. */
  estimateRowHeight?: number;
}

export function VirtualTable<R, X>({ caption, rows, rowKey, head, columnCount, Row, extra, rowClassName, estimateRowHeight = 42 }: Props<R, X>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  /** The row index and control position to focus once that row is rendered. */
  const pending = useRef<{ index: number; control: number } | null>(null);
  // The React Compiler is not used in this build, and nothing memoised below receives the virtualiser's functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateRowHeight,
    getItemKey: (i) => (rows[i] ? rowKey(rows[i]) : i),
    overscan: 8,
    useFlushSync: false,
    // scrollToIndex keeps a row clear of the sticky header.
    scrollPaddingStart: estimateRowHeight,
  });
  const { items, total, noLayout } = rowsInView(virtualizer, rows.length, estimateRowHeight);
  const padTop = items[0]?.start ?? 0;
  const padBottom = Math.max(0, total - (items[items.length - 1]?.end ?? 0));

  function focusPending() {
    const want = pending.current;
    if (!want) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${want.index}"]`);
    if (!row) return; // Not rendered yet: the virtualiser is scrolling to it; the next render focuses it.
    pending.current = null;
    const controls = row.querySelectorAll<HTMLElement>(FOCUSABLE);
    (controls[Math.min(want.control, controls.length - 1)] ?? row).focus();
  }

  useEffect(focusPending);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.altKey || e.shiftKey) return;
    const target = e.target as HTMLElement;
    const tr = target.closest<HTMLElement>('tr[data-index]');
    if (!tr) return;
    const index = Number(tr.dataset.index);
    const last = rows.length - 1;
    const next: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + PAGE_ROWS, PageUp: index - PAGE_ROWS, Home: 0, End: last };
    if (!(e.key in next)) return;
    e.preventDefault();
    const to = Math.max(0, Math.min(last, next[e.key] as number));
    pending.current = { index: to, control: Math.max(0, [...tr.querySelectorAll(FOCUSABLE)].indexOf(target)) };
    if (!noLayout) virtualizer.scrollToIndex(to, { align: 'auto' });
    // Focus now if the row is already rendered; otherwise the effect does once it is.
    focusPending();
  }

  return (
    <div ref={scrollRef} className="virtual-table-scroll" onKeyDown={onKeyDown}>
      <table className="data-table" aria-rowcount={rows.length + 1}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr aria-rowindex={1}>{head}</tr>
        </thead>
        <tbody>
          {padTop > 0 ? (
            <tr aria-hidden="true" className="virtual-table-spacer" style={{ height: padTop }}>
              <td colSpan={columnCount} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;
            return (
              <tr key={rowKey(row)} data-index={item.index} ref={noLayout ? undefined : virtualizer.measureElement} aria-rowindex={item.index + 2} className={rowClassName?.(row)}>
                <Row row={row} extra={extra} />
              </tr>
            );
          })}
          {padBottom > 0 ? (
            <tr aria-hidden="true" className="virtual-table-spacer" style={{ height: padBottom }}>
              <td colSpan={columnCount} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
