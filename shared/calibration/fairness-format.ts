/**
 * How the fairness figures are written, in one place: the table, the rule
 * sentence beside it, the printed book and the chart all call these, so a
 * figure never reads "0.80" in one place and "0.79" in another.
 *
 * The impact ratio and p-values are truncated, not rounded, because they are
 * compared with thresholds that have no more decimals than are shown (0.8
 * and 0.05): truncated, the shown figure is below the threshold exactly when
 * the figure itself is (0.799 shows as 0.79, never 0.80 beside "below 0.8").
 */
import { formatPercent } from './common';

export { formatPercent };

/** A ratio of two integer fractions to 2 decimals, truncated, computed from integers so 0.29 is never shown as 0.28. */
export function formatImpactRatio(numerator: number, denominator: number): string {
  const hundredths = Math.floor((numerator * 100) / denominator);
  return (hundredths / 100).toFixed(2);
}

/** A p-value to 3 decimals, truncated; below 0.001 as "< 0.001". */
export function formatP(p: number): string {
  if (p < 0.001) return '< 0.001';
  return (Math.floor(p * 1000) / 1000).toFixed(3);
}

/** "p = 0.123" or "p < 0.001". */
export function pSentence(p: number): string {
  const text = formatP(p);
  return text.startsWith('<') ? `p ${text}` : `p = ${text}`;
}

/** An interval of rates: "13.8%–60.9%". */
export function formatRateInterval(low: number, high: number): string {
  return `${formatPercent(Math.max(0, low))}–${formatPercent(Math.min(1, high))}`;
}

/** An interval of ratios, rounded to 2 decimals: "0.41–1.02" (bounds are not compared with a threshold). */
export function formatRatioInterval(low: number, high: number): string {
  return `${low.toFixed(2)}–${high.toFixed(2)}`;
}
