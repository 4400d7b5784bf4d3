/** Small display helpers shared by the calibration views (display only; figures come from shared/calibration). */
import type { ReadinessFigure } from '../../../../shared/rules/readiness';
import { isRealDate, notARealDate } from '../../../../shared/util/dates';

/** "45% (5/11)": the share rounded to a whole percent, then the counts it came from. */
export function readinessText(r: ReadinessFigure): string {
  return `${Math.round(r.share * 100)}% (${r.ready}/${r.total})`;
}

const DATE = new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });

/** An ISO date (YYYY-MM-DD, or a timestamp's day) in the user's locale; the stored text marked "(not a real date)" if it is not one. */
export function formatDay(iso: string): string {
  const day = iso.slice(0, 10);
  return isRealDate(day) ? DATE.format(new Date(`${day}T00:00:00Z`)) : notARealDate(iso);
}

/** Signed whole number: 2 → "+2", -1 → "−1", 0 → "0". */
export function signedCount(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0';
}
