/**
 * The 95% interval of a ratio of two proportions (the impact ratio) by the
 * Katz log method: log(p1/p2) ± z·√(1/x1 − 1/n1 + 1/x2 − 1/n2), as
 * statsmodels' confint_proportions_2indep(compare='ratio', method='log')
 * computes it. Undefined when either group has no selections (the log of 0).
 */
import { zFor, type Interval } from './wilson';

export function katzRatioInterval(x1: number, n1: number, x2: number, n2: number, confidence = 0.95): Interval | null {
  if (x1 <= 0 || x2 <= 0 || n1 <= 0 || n2 <= 0) return null;
  const ratio = x1 / n1 / (x2 / n2);
  const d = zFor(confidence) * Math.sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2);
  return { low: Math.exp(Math.log(ratio) - d), high: Math.exp(Math.log(ratio) + d) };
}
