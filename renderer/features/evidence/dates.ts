/**
 * Dates as the evidence views show them: stored as ISO `YYYY-MM-DD`, shown
 * in the user's locale, with the quarter they count in ("2026 Q2").
 */
import { isAcceptedDate, isRealDate, quarterLabel, quarterOf, shownDate } from '../../../shared/util/dates';

/** Today on the user's calendar (not UTC's, which is tomorrow for an evening in the Americas). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A real calendar date as `YYYY-MM-DD` (the shared date validity rule, isRealDate). */
export function isIsoDate(value: string): boolean {
  return isRealDate(value);
}

/** "2026 Q2", or '' for what the date rule refuses (a half-typed field, 9999-12-31): no quarter beside a date the form calls wrong. */
export function quarterText(date: string): string {
  return isAcceptedDate(date) ? quarterLabel(quarterOf(date)) : '';
}

/**
 * A date as every screen shows one, in the user's locale, e.g. "12 Mar 2026";
 * the stored text marked "(not a real date)" when it is not one. A timestamp
 * shows its UTC day, the day the decision book and the CSV give it.
 */
export function formatDate(date: string): string {
  const day = /^\d{4}-\d{2}-\d{2}T/.test(date) ? date.slice(0, 10) : date;
  return shownDate(day, (d) => d.toLocaleDateString(undefined, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }));
}
