/** Small display helpers shared by the calibration views (display only; figures come from shared/calibration). */
import type { ReadinessFigure } from '../../../../shared/rules/readiness';

/** "45% (5/11)": the share rounded to a whole percent, then the counts it came from. */
export function readinessText(r: ReadinessFigure): string {
  return `${Math.round(r.share * 100)}% (${r.ready}/${r.total})`;
}

/** Signed whole number: 2 → "+2", -1 → "−1", 0 → "0". */
export function signedCount(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0';
}
