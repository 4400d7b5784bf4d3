/**
 * Which of a sideways-scrolling table's columns are not wholly on screen,
 * beside its sticky first column: measured from the header cells (a few, so
 * measuring on each scroll and resize is cheap). Side by side with four
 * candidates on a 1024-wide projector shows two; the line this feeds names
 * the others (a chair's trial saw no sign of them). Empty while the table
 * fits, or cannot be measured (no layout, as in jsdom).
 */
import { useCallback, useEffect, useState, type RefObject } from 'react';

/** Indexes (from 0, after the sticky column) of the header cells outside [left + sticky width, right] of the scroller. */
function hiddenColumns(scroller: HTMLElement): number[] {
  const heads = [...scroller.querySelectorAll<HTMLElement>('thead > tr > th')];
  const box = scroller.getBoundingClientRect();
  const sticky = heads[0]?.getBoundingClientRect();
  if (!sticky || box.width <= 0 || scroller.scrollWidth <= scroller.clientWidth + 1) return [];
  const from = sticky.right;
  const to = box.left + scroller.clientWidth;
  const hidden: number[] = [];
  heads.slice(1).forEach((th, i) => {
    const r = th.getBoundingClientRect();
    if (r.left < from - 1 || r.right > to + 1) hidden.push(i);
  });
  return hidden;
}

const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The columns out of view, kept up to date on scroll and resize; `onScroll` goes on the scroller. */
export function useColumnsOutOfView(scrollRef: RefObject<HTMLElement | null>, columns: number): { hidden: number[]; onScroll: () => void } {
  const [hidden, setHidden] = useState<number[]>([]);
  const measure = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const now = hiddenColumns(el);
    setHidden((prev) => (same(prev, now) ? prev : now));
  }, [scrollRef]);
  useEffect(() => {
    const el = scrollRef.current;
    measure();
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    const table = el.querySelector('table');
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, [scrollRef, measure, columns]);
  return { hidden, onScroll: measure };
}
