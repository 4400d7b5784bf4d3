/**
 * Pearson's chi-square test of independence on an r×2 table (groups ×
 * selected / not selected), without continuity correction, as
 * scipy.stats.chi2_contingency(table, correction=False) computes it. The
 * p-value comes from the chi-square distribution of @stdlib; it is an
 * approximation that is poor when expected counts are small (below 5),
 * which the caller must say beside it.
 */
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';

export interface ChiSquareResult {
  statistic: number;
  df: number;
  p: number;
  /** The smallest expected count: below 5 the approximation is rough. */
  minExpected: number;
}

/** Null when the test is undefined: fewer than two rows, or a column or row with no one. */
export function chiSquareIndependence(rows: readonly (readonly [number, number])[]): ChiSquareResult | null {
  if (rows.length < 2) return null;
  const rowTotals = rows.map(([x, y]) => x + y);
  const colTotals = [0, 1].map((j) => rows.reduce((s, r) => s + (r[j] as number), 0));
  const total = rowTotals.reduce((s, v) => s + v, 0);
  if (total === 0 || rowTotals.some((t) => t === 0) || colTotals.some((t) => t === 0)) return null;
  let statistic = 0;
  let minExpected = Infinity;
  rows.forEach((row, i) => {
    for (let j = 0; j < 2; j++) {
      const expected = ((rowTotals[i] as number) * (colTotals[j] as number)) / total;
      minExpected = Math.min(minExpected, expected);
      const diff = (row[j] as number) - expected;
      statistic += (diff * diff) / expected;
    }
  });
  const df = rows.length - 1;
  return { statistic, df, p: 1 - chisquareCdf(statistic, df), minExpected };
}
