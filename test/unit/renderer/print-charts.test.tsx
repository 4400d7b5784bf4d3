// @vitest-environment jsdom
/**
 * The decision book's charts, drawn as plain SVG: for a fixed input, the
 * bars stand in the proportions of their numbers, carry the series' colours
 * (a flagged group's in the warning colour), and the labels, ticks and legend
 * say what the Recharts version said.
 */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { GroupFairness } from '../../../shared/calibration/fairness';
import type { LevelPoint } from '../../../shared/calibration/levels';
import { LevelChart, RateChart } from '../../../renderer/features/export/print-charts';
import { niceTicks } from '../../../renderer/features/export/svg-bars';

afterEach(cleanup);

const point = (code: string, before: number, after: number) => ({ levelId: code, code, track: 'IC', trackId: 'ic', before, after }) as LevelPoint;
const texts = (root: Element, selector: string) => [...root.querySelectorAll(selector)].map((e) => e.textContent);
const num = (e: Element, attr: string) => Number(e.getAttribute(attr));

describe('the headcount chart', () => {
  it('draws one bar per level and phase, heights in proportion, with levels, whole-number ticks and a legend', () => {
    const { container } = render(<LevelChart series={[point('L3', 4, 2), point('L4', 1, 3)]} />);
    const bars = [...container.querySelectorAll('rect[data-series]')];
    expect(bars.map((b) => b.getAttribute('data-series'))).toEqual(['Before', 'After', 'Before', 'After']);
    expect(bars.map((b) => b.getAttribute('fill'))).toEqual(['#999999', '#0072B2', '#999999', '#0072B2']);
    const heights = bars.map((b) => num(b, 'height'));
    // 4, 2, 1, 3 on an axis to 4: the tallest fills the plot, the others a half, a quarter and three quarters of it.
    expect(heights.map((h) => h / heights[0]!)).toEqual([1, 0.5, 0.25, 0.75]);
    // Bars stand on the same baseline.
    expect(new Set(bars.map((b) => num(b, 'y') + num(b, 'height'))).size).toBe(1);
    expect(texts(container, 'svg > g > text')).toEqual(['0', '1', '2', '3', '4', 'L3', 'L4']);
    expect(texts(container, '.print-legend text')).toEqual(['Before', 'After']);
    expect(texts(container, 'rect title')).toContain('L4 · After: 3');
  });

  it('rounds the axis up to a whole step', () => {
    expect(niceTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(37)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(120)).toEqual([0, 50, 100, 150]);
    expect(niceTicks(0)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('the promotion-rate chart', () => {
  const group = (name: string, rate: number | null, n: number, adverse = false) =>
    ({ group: name, rate, counts: rate === null ? null : { n }, status: adverse ? 'adverse' : 'no-indication' }) as unknown as GroupFairness;

  it('draws each shown group’s rate as a share of 100%, a flagged group marked ⚑ and in the warning colour', () => {
    const { container } = render(<RateChart groups={[group('Woman', 0.25, 8, true), group('Man', 0.5, 10), group('Hidden', null, 2)]} />);
    const bars = [...container.querySelectorAll('rect[data-series]')];
    expect(bars).toHaveLength(2);
    expect(num(bars[1]!, 'width') / num(bars[0]!, 'width')).toBe(2);
    expect(bars.map((b) => b.getAttribute('fill'))).toEqual(['#D55E00', '#009E73']);
    const labels = texts(container, 'g > text');
    expect(labels).toEqual(expect.arrayContaining(['0%', '25%', '50%', '75%', '100%', 'Woman ⚑ (n=8)', 'Man (n=10)']));
    expect(labels.join(' ')).not.toContain('Hidden');
  });

  it('says there is no chart when no rate is shown', () => {
    const { container } = render(<RateChart groups={[group('Hidden', null, 2)]} />);
    expect(container.textContent).toBe('No group has a rate shown, so there is no chart.');
  });
});
