// @vitest-environment jsdom
/**
 * The heatmap's "Showing … of … criteria" line waits for the grid's own
 * width. Before it, the column window uses the window's width (an upper
 * bound, enough to choose the columns to render): a new user's check at
 * 1024×768 caught a first frame reading "IC3.1–IC3.5 of 6" where three fit.
 */
import { act, cleanup, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useColumnRange } from '../../../renderer/features/calibration/views/column-window';

let report: ((width: number) => void) | null = null;
class FakeResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe() {
    report = (width) => this.callback([{ contentRect: { width } } as ResizeObserverEntry], this as unknown as ResizeObserver);
  }
  unobserve() {}
  disconnect() {}
}

function Probe({ onRange }: { onRange: (inView: unknown) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  onRange(useColumnRange(ref, 6).inView);
  return <div ref={ref} />;
}

afterEach(() => {
  cleanup();
  report = null;
});

describe('the criteria in view', () => {
  it('are not named until the grid has been measured, then follow its width', () => {
    const original = globalThis.ResizeObserver;
    globalThis.ResizeObserver = FakeResizeObserver as unknown as typeof ResizeObserver;
    window.innerWidth = 1024;
    try {
      let inView: unknown = 'unset';
      render(<Probe onRange={(r) => (inView = r)} />);
      // Only the window's 1024 px so far: 324 + 5 × 132 = 984 would claim five criteria.
      expect(inView).toBeNull();
      act(() => report?.(760));
      // 16 px to the rem in jsdom: 324 px of sticky columns, then three criteria of 132 px in 760.
      expect(inView).toEqual({ first: 0, last: 2 });
    } finally {
      globalThis.ResizeObserver = original;
    }
  });
});
