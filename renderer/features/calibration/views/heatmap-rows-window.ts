/**
 * The heatmap's rows in view, virtualised with TanStack Virtual, since a
 * cycle may put 1,000 candidates on one screen (PERFORMANCE.md: ~117 ms
 * virtualised against 1.65 s for the full DOM). Only the rows in view (and a
 * few either side) are rendered.
 * Without a layout the first rows stand in (components/virtual-rows.ts).
 */
import { elementScroll, observeElementRect, useVirtualizer, type Rect, type Virtualizer } from '@tanstack/react-virtual';
import { useRef, type RefObject } from 'react';
import type { HeatmapRow } from '../../../../shared/calibration/heatmap';
import { rowsInView } from '../../../components/virtual-rows';

const ROW_HEIGHT = 56;
const HEADER_HEIGHT = 64;

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

/** The rows to render (index and top), the canvas's height, and a way to bring a row into view. */
export function useRowsWindow(scrollRef: RefObject<HTMLDivElement | null>, rows: readonly HeatmapRow[]) {
  const mountWritten = useRef(false);
  // The React Compiler is not used in this build, and nothing memoised receives the virtualiser's functions.
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
  const { items, total, noLayout } = rowsInView(virtualizer, rows.length, ROW_HEIGHT, HEADER_HEIGHT);
  return {
    items,
    totalHeight: total,
    /** Scrolls body row `index` (from 0) into view; without a layout there is nothing to scroll. */
    show: (index: number) => {
      if (!noLayout) virtualizer.scrollToIndex(index, { align: 'auto' });
    },
  };
}
