/**
 * Dates and times as every screen shows them: dates stored as ISO
 * `YYYY-MM-DD`, shown in the user's locale, with the quarter they count in
 * ("2026 Q2"); moments (stored ISO timestamps) with their local time.
 */
import { dayOf, isAcceptedDate, isRealDate, quarterLabel, quarterOf, shownDate, shownInstant, userTimeZone } from '../../shared/util/dates';

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
 * shows the day it fell on in the user's time zone (dayOf), the day the
 * decision book and the CSV give it; `timeZone` is for tests.
 */
export function formatDate(date: string, timeZone: string = userTimeZone()): string {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(date)) return formatDay(date);
  const day = dayOf(date, timeZone);
  return isRealDate(day) ? formatDay(day) : day;
}

function formatDay(day: string): string {
  return shownDate(day, (d) => d.toLocaleDateString(undefined, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }));
}

/**
 * A moment (a stored ISO timestamp) as every screen shows one: the date as
 * `formatDate` writes it, and the local time with its zone, e.g. "Dec 3,
 * 2026, 5:23 PM PST": a manager and a chair in different zones read one
 * submission as different days, and a screenshot or a copied line must say
 * which. With `seconds` where events a moment apart are told apart (the
 * audit trail); `timeZone` is for tests. The stored text marked "(not a real
 * date)" when it is no moment.
 */
export function formatInstant(at: string, { seconds = false, timeZone }: { seconds?: boolean; timeZone?: string } = {}): string {
  return shownInstant(at, (d) =>
    d.toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}), timeZoneName: 'short', ...(timeZone ? { timeZone } : {}) }),
  );
}
