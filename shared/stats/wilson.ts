/**
 * The Wilson score interval for a proportion (successes of n), as
 * statsmodels' proportion_confint(method='wilson') computes it, term for
 * term, so the fixtures match to the last digits. Chosen over the plain
 * normal interval because it stays inside 0–1 and behaves at 0 of n and n of
 * n, which the committee's small groups hit often.
 */
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

export interface Interval {
  low: number;
  high: number;
}

/** The two-sided critical value of the standard normal for a confidence level (0.95 → 1.959964…). */
export function zFor(confidence: number): number {
  return normalQuantile(1 - (1 - confidence) / 2, 0, 1);
}

export function wilsonInterval(successes: number, n: number, confidence = 0.95): Interval | null {
  if (!(n > 0) || successes < 0 || successes > n) return null;
  const crit = zFor(confidence);
  const crit2 = crit * crit;
  const q = successes / n;
  const denom = 1 + crit2 / n;
  const center = (q + crit2 / (2 * n)) / denom;
  const dist = (crit * Math.sqrt((q * (1 - q)) / n + crit2 / (4 * n * n))) / denom;
  return { low: center - dist, high: center + dist };
}
