/**
 * The statistics primitives on hand-computed values (the fixtures in
 * fairness-fixtures.test.ts check them against scipy/statsmodels too).
 */
import { describe, expect, it } from 'vitest';
import { chiSquareIndependence } from '../../../shared/stats/chi-square';
import { fisherExactTwoSided } from '../../../shared/stats/fisher';
import { holmAdjust } from '../../../shared/stats/holm';
import { katzRatioInterval } from '../../../shared/stats/ratio';
import { wilsonInterval, zFor } from '../../../shared/stats/wilson';

describe('statistics primitives', () => {
  it('Fisher: [[6, 2], [1, 4]] two-sided = 0.1026 (tables at most as likely as the observed one: 4/39 in total)', () => {
    // Margins 8/5 rows, 7/6 columns, 13 in all: P(x) = C(8,x)·C(5,7−x)/C(13,7); the observed x = 6 has 28·5/1716;
    // the tables no more likely: x = 2 (28·1), 6 (28·5), 7 (8·1), total 176/1716 = 0.10256…
    expect(fisherExactTwoSided(6, 2, 1, 4)).toBeCloseTo(176 / 1716, 12);
    expect(fisherExactTwoSided(3, 3, 0, 0)).toBe(1);
    expect(fisherExactTwoSided(0, 5, 0, 7)).toBe(1);
  });

  it('Fisher counts equally likely tables despite floating-point noise (symmetric table: p = 1)', () => {
    expect(fisherExactTwoSided(5, 5, 5, 5)).toBe(1);
    expect(fisherExactTwoSided(3, 7, 7, 3)).toBeCloseTo(fisherExactTwoSided(7, 3, 3, 7), 12);
  });

  it('Fisher: when every possible table counts, p is 1 exactly, so it is never shown as 0.999', () => {
    // [[1, 2], [1, 0]]: margins 3/1 rows, 2/2 columns; x = 1 and x = 2 each have probability 2/4, both counted.
    expect(fisherExactTwoSided(1, 2, 1, 0)).toBe(1);
  });

  it('Holm: [0.01, 0.04, 0.03] → [0.03, 0.06, 0.06]; capped at 1', () => {
    const [a, b, c] = holmAdjust([0.01, 0.04, 0.03]);
    expect(a).toBeCloseTo(0.03, 12);
    expect(b).toBeCloseTo(0.06, 12);
    expect(c).toBeCloseTo(0.06, 12);
    expect(holmAdjust([0.5, 0.6])).toEqual([1, 1]);
    expect(holmAdjust([])).toEqual([]);
  });

  it('Wilson: 0 of 10 → 0 to z²/10 ÷ (1 + z²/10) = 0.2775', () => {
    const z2 = zFor(0.95) ** 2;
    expect(zFor(0.95)).toBeCloseTo(1.959964, 6);
    const i = wilsonInterval(0, 10)!;
    expect(i.low).toBeCloseTo(0, 12);
    expect(i.high).toBeCloseTo(z2 / 10 / (1 + z2 / 10), 12);
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('chi-square: [[10, 10], [5, 15]] → χ² = 8/3 on 1 df, p = 0.1025', () => {
    // Expected 7.5 and 12.5 in each row: 2·(2.5²/7.5 + 2.5²/12.5) = 8/3.
    const r = chiSquareIndependence([
      [10, 10],
      [5, 15],
    ])!;
    expect(r.statistic).toBeCloseTo(8 / 3, 12);
    expect(r.df).toBe(1);
    expect(r.p).toBeCloseTo(0.10247, 4);
    expect(r.minExpected).toBe(7.5);
    expect(chiSquareIndependence([[3, 4]])).toBeNull();
    expect(chiSquareIndependence([[0, 4], [0, 5]])).toBeNull();
  });

  it('Katz: 5/30 against 18/30 → 0.278 × exp(∓1.96·√(1/5 − 1/30 + 1/18 − 1/30)) = 0.119 to 0.651', () => {
    const i = katzRatioInterval(5, 30, 18, 30)!;
    const d = zFor(0.95) * Math.sqrt(1 / 5 - 1 / 30 + 1 / 18 - 1 / 30);
    expect(i.low).toBeCloseTo((5 / 18) * Math.exp(-d), 12);
    expect(i.high).toBeCloseTo((5 / 18) * Math.exp(d), 12);
    expect(i.low).toBeCloseTo(0.1185, 3);
    expect(katzRatioInterval(0, 30, 18, 30)).toBeNull();
  });
});
