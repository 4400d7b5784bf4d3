/**
 * The rows a virtualised list renders (TanStack Virtual; VirtualTable and
 * the heatmap grid), with the one fallback both need: without a layout
 * (jsdom in unit tests, or a list inside a hidden panel) the scroll box
 * measures 0 px high and the virtualiser would render no row, so the first
 * FALLBACK_ROWS rows stand in at their estimated places until a real
 * measurement arrives.
 */
import type { Virtualizer } from '@tanstack/react-virtual';

/** Rows rendered when the scroll box has no height. */
export const FALLBACK_ROWS = 40;
/** Rows PageUp and PageDown move by. */
export const PAGE_ROWS = 10;

export interface RowsInView {
  /** Index, top and bottom (px, padding included) of each row to render. */
  items: readonly { index: number; start: number; end: number }[];
  /** The height of all rows, padding included. */
  total: number;
  /** No layout: the fallback rows are shown and there is nothing to scroll. */
  noLayout: boolean;
}

export function rowsInView(virtualizer: Virtualizer<HTMLDivElement, Element>, count: number, rowHeight: number, paddingStart = 0): RowsInView {
  const measured = virtualizer.getVirtualItems();
  if (measured.length > 0 || count === 0) return { items: measured, total: virtualizer.getTotalSize(), noLayout: false };
  const at = (index: number) => paddingStart + index * rowHeight;
  return {
    items: Array.from({ length: Math.min(FALLBACK_ROWS, count) }, (_, index) => ({ index, start: at(index), end: at(index + 1) })),
    total: at(count),
    noLayout: true,
  };
}
