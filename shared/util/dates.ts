/**
 * Calendar dates and quarters. Dates are ISO `YYYY-MM-DD` strings in UTC;
 * quarters are labelled "2026 Q3" as committees say them.
 */
export interface Quarter {
  year: number;
  /** 1 to 4. */
  q: number;
}

const ISO_DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether a string is a real calendar date written `YYYY-MM-DD`: the single
 * home of date validity. "2026-02-29" and "2026-04-31" are not (no such
 * day), "2024-02-29" is (leap year), "2026-2-1" is not (not the ISO form).
 * Plausibility limits (how far back evidence may go) are validation rules of
 * the field that uses the date, not of what a date is.
 */
export function isRealDate(date: string): boolean {
  const m = ISO_DATE_SHAPE.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] as number;
  return d <= days;
}

/** The years Levelset plans for: every date a person types (evidence, cycles, brag documents) must fall in them. */
export const DATE_YEARS = { min: 1970, max: 2100 } as const;

/**
 * The one rule for a date a person enters, with the one message: null when
 * `date` is a real calendar date in DATE_YEARS, else a sentence saying what
 * to type. Evidence, cycles, the brag import and the quarter shown beside a
 * date field all ask this, so they agree on what a date is.
 */
export function dateProblem(date: string): string | null {
  if (!isRealDate(date)) return `“${date.length > 40 ? `${date.slice(0, 39)}…` : date}” is not a real calendar date. Type it as YYYY-MM-DD, for example 2026-03-14.`;
  const year = Number(date.slice(0, 4));
  if (year < DATE_YEARS.min || year > DATE_YEARS.max) return `${date} is outside the years Levelset accepts (${DATE_YEARS.min} to ${DATE_YEARS.max}). Check the year.`;
  return null;
}

const ISO_INSTANT_SHAPE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;

/** The first and the last instant Levelset accepts: the whole of DATE_YEARS, in UTC. */
export const INSTANT_RANGE = { min: Date.UTC(DATE_YEARS.min, 0, 1), max: Date.UTC(DATE_YEARS.max + 1, 0, 1) - 1 } as const;

/**
 * The one rule for a timestamp (createdAt, decidedAt, an audit entry's
 * `at`): null when `value` is an ISO 8601 instant (a real date, a real time
 * of day, `Z` or a `±hh:mm` offset) inside DATE_YEARS in UTC, else a short
 * phrase saying what is wrong. `2026-02-30T10:00:00Z` names no day and
 * `2101-01-01T00:00:00Z` lies past the range, so neither is one.
 */
export function timestampProblem(value: string): string | null {
  const m = ISO_INSTANT_SHAPE.exec(value);
  if (!m) return 'is not a timestamp (expected e.g. 2026-03-14T09:30:00.000Z)';
  const [, date, hh, mi, ss, zone, oh, om] = m;
  if (!isRealDate(date as string)) return 'is not a real date and time (no such day)';
  if (Number(hh) > 23 || Number(mi) > 59 || Number(ss) > 59) return 'is not a real date and time (no such time of day)';
  if (zone !== 'Z' && (Number(oh) > 23 || Number(om) > 59)) return 'has an impossible time-zone offset';
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) return 'is not a real date and time';
  if (ms < INSTANT_RANGE.min || ms > INSTANT_RANGE.max) return `is outside the years Levelset accepts (${DATE_YEARS.min} to ${DATE_YEARS.max})`;
  return null;
}

/** Whether `value` passes timestampProblem. */
export function isRealInstant(value: string): boolean {
  return timestampProblem(value) === null;
}

/** The accepted years as `min`/`max` attributes of a date input, so the browser's picker offers only them. */
export const DATE_INPUT_RANGE = { min: `${DATE_YEARS.min}-01-01`, max: `${DATE_YEARS.max}-12-31` } as const;

/** Whether `date` passes dateProblem. */
export function isAcceptedDate(date: string): boolean {
  return dateProblem(date) === null;
}

/**
 * A stored date that is not a real one, as every view shows it: the raw
 * text and a plain note. Data from an older import can hold such dates
 * (2026-02-30, 2026-00-15); showing them must never throw, or one bad row
 * blanks the page that lists it.
 */
export function notARealDate(raw: string): string {
  const text = raw.length > 40 ? `${raw.slice(0, 39)}…` : raw;
  return `${text} (not a real date)`;
}

/** Whether a stored date can be shown as a date: a real calendar date from year 1 (the quarter and locale formatters need a year). */
function isShowableDate(date: string): boolean {
  return typeof date === 'string' && isRealDate(date) && Number(date.slice(0, 4)) >= 1;
}

/** "2026 Q3" for a stored date, or the raw text marked "(not a real date)"; never throws. */
export function shownQuarter(date: string): string {
  return isShowableDate(date) ? quarterLabel(quarterOf(date)) : notARealDate(String(date));
}

/**
 * A stored date in a display format, or the raw text marked "(not a real
 * date)"; never throws. `format` gets a UTC-midnight Date of a real date.
 */
export function shownDate(date: string, format: (utcMidnight: Date) => string): string {
  return isShowableDate(date) ? format(new Date(`${date}T00:00:00Z`)) : notARealDate(String(date));
}

/**
 * A stored timestamp in a display format, or the raw text marked "(not a
 * real date)" when it is no real instant (Date.parse rolls 2026-02-30 over
 * to March, so the calendar part is checked too); never throws.
 */
export function shownInstant(at: string, format: (instant: Date) => string): string {
  const ms = typeof at === 'string' && isShowableDate(at.slice(0, 10)) ? Date.parse(at) : Number.NaN;
  return Number.isNaN(ms) ? notARealDate(String(at)) : format(new Date(ms));
}

/**
 * The time zone whose calendar the user lives on (an IANA name such as
 * "America/New_York"), as this machine reports it; "UTC" when it reports none.
 */
export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The one rule for the day a stored moment happened on: its calendar day
 * (`YYYY-MM-DD`) in `timeZone`, the user's own (userTimeZone) wherever a
 * screen, a PDF or a CSV gives a decision, a submission or a print its day.
 * Its UTC day is tomorrow for an evening in the Americas: a decision taken at
 * 7 PM in New York on 3 Dec read "4 Dec". When it is no moment, its day as
 * stored ("2026-02-30") marked "(not a real date)", or the raw text marked
 * when it has no day; never throws.
 */
export function dayOf(at: string, timeZone: string): string {
  if (typeof at === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(at) && !isShowableDate(at.slice(0, 10))) return notARealDate(at.slice(0, 10));
  return shownInstant(at, (instant) => {
    let format = dayFormats.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
      dayFormats.set(timeZone, format);
    }
    const parts = format.formatToParts(instant);
    const value = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
    return `${value('year').padStart(4, '0')}-${value('month')}-${value('day')}`;
  });
}

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  // Year 0 is a calendar year (ISO 8601's 1 BC); what callers cannot use is a missing part or month/day 0.
  if (y === undefined || !Number.isInteger(y) || !m || !d) throw new Error(`not a date: ${date}`);
  return [y, m, d];
}

export function quarterOf(date: string): Quarter {
  const [year, month] = parts(date);
  return { year, q: Math.floor((month - 1) / 3) + 1 };
}

export function quarterLabel(quarter: Quarter): string {
  return `${quarter.year} Q${quarter.q}`;
}

/**
 * A sortable key, e.g. "2026-Q3"; null for a date that is not a real calendar
 * date (an old import may hold 2026-00-15), which counts in no quarter. Never
 * throws, like the shown* helpers, so rebuilding coverage cannot crash on one.
 */
export function quarterKey(date: string): string | null {
  if (typeof date !== 'string' || !isRealDate(date)) return null;
  const { year, q } = quarterOf(date);
  return `${year}-Q${q}`;
}

const QUARTER_KEY_SHAPE = /^(\d+)-Q([1-4])$/;

/**
 * A quarter key (quarterKey's "2026-Q3") as committees say it, by the one
 * label rule (quarterLabel): "2026 Q3". Coverage keeps quarters as keys, so
 * every view and message that names one asks this. A text that is no key is
 * returned as it is; never throws.
 */
export function quarterKeyLabel(key: string): string {
  const m = QUARTER_KEY_SHAPE.exec(key);
  return m ? quarterLabel({ year: Number(m[1]), q: Number(m[2]) }) : key;
}

export function addQuarters(quarter: Quarter, n: number): Quarter {
  const index = quarter.year * 4 + (quarter.q - 1) + n;
  return { year: Math.floor(index / 4), q: (index % 4) + 1 };
}

export function quarterStart(quarter: Quarter): string {
  return `${quarter.year}-${String((quarter.q - 1) * 3 + 1).padStart(2, '0')}-01`;
}

export function quarterEnd(quarter: Quarter): string {
  const month = quarter.q * 3;
  const lastDay = new Date(Date.UTC(quarter.year, month, 0)).getUTCDate();
  return `${quarter.year}-${String(month).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
}

/**
 * The default evidence window: from the start of the four full quarters
 * before the quarter the cycle closes in, up to the day it closes. It ends
 * at the close, not before the cycle opens, so evidence logged during the
 * cycle (a new item defaults to today) counts.
 */
export function defaultEvidenceWindow(closesOn: string): { from: string; to: string } {
  const closing = quarterOf(closesOn);
  return { from: quarterStart(addQuarters(closing, -4)), to: closesOn };
}

/**
 * The window a new cycle's form fills in as its closing date is typed: null
 * while the date is not one Levelset accepts. A date field reports a year
 * half typed as a real date ("0002-06-30"), and the window followed it to
 * years no date field can show (a trial, session 35).
 */
export function evidenceWindowFollowing(closesOn: string): { from: string; to: string } | null {
  return isAcceptedDate(closesOn) ? defaultEvidenceWindow(closesOn) : null;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}
