/**
 * Identifiers. Everything that can travel between machines has a stable
 * string id (a UUID for user-created rows, a readable slug for built-ins),
 * never an auto-increment key, so bundles from several laptops merge by id.
 */
import { z } from 'zod';
import { DATE_YEARS, isAcceptedDate, isRealDate, timestampProblem } from '../util/dates';

export const IdSchema = z.string().min(1).max(200);
export type Id = z.infer<typeof IdSchema>;

/** A value quoted in a message: short enough that a refusal stays one readable sentence. */
export function quoted(value: string, max = 40): string {
  return `“${value.length > max ? `${value.slice(0, max - 1)}…` : value}”`;
}

/**
 * Values that passed the date or timestamp rule, remembered so the same
 * text is not checked again: the rules are pure (the text alone decides),
 * and a bundle repeats the same values thousands of times (each packet's
 * snapshot copies its evidence whole; createdAt often equals updatedAt).
 * Checking them was about a third of validating a bundle's records (issue
 * 13). Only good values are kept, so every refusal is still found and
 * worded as before; the set starts over when it grows large.
 */
class PassedValues {
  private readonly values = new Set<string>();
  constructor(private readonly limit: number) {}
  has(value: string): boolean {
    return this.values.has(value);
  }
  add(value: string): void {
    if (this.values.size >= this.limit) this.values.clear();
    this.values.add(value);
  }
}
const goodDates = new PassedValues(20_000);
const goodTimestamps = new PassedValues(100_000);

/**
 * ISO 8601 calendar date, `YYYY-MM-DD`, that exists (no 30 February) in the
 * accepted years: the shared rule in util/dates.ts. One issue per bad value,
 * naming it, so a refusal says "“2026-02-30” is not a real calendar date".
 */
export const IsoDateSchema = z.string().superRefine((value, ctx) => {
  if (goodDates.has(value)) return;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) ctx.addIssue({ code: 'custom', message: `${quoted(value)} is not a date written YYYY-MM-DD` });
  else if (!isRealDate(value)) ctx.addIssue({ code: 'custom', message: `${quoted(value)} is not a real calendar date` });
  else if (!isAcceptedDate(value)) ctx.addIssue({ code: 'custom', message: `${quoted(value)} is outside the years ${DATE_YEARS.min} to ${DATE_YEARS.max}` });
  else goodDates.add(value);
});

/**
 * ISO 8601 timestamp as produced by `Date.prototype.toISOString`: a real
 * instant (util/dates.ts timestampProblem) in the accepted years, stored in
 * UTC (`Z`) so that stored timestamps compare as text. An offset such as
 * `+02:00` is a real instant but not the stored form, and is refused here.
 */
export const IsoTimestampSchema = z.string().superRefine((value, ctx) => {
  if (goodTimestamps.has(value)) return;
  const problem = timestampProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: `${quoted(value)} ${problem}` });
  else if (!value.endsWith('Z')) ctx.addIssue({ code: 'custom', message: `${quoted(value)} is not in UTC (expected it to end in Z)` });
  else goodTimestamps.add(value);
});

/** Whether `later` is not before `earlier`; compared as instants (".000Z" and "Z" forms of one instant are equal). */
export function notBefore(later: string, earlier: string): boolean {
  return Date.parse(later) >= Date.parse(earlier);
}

/** Fields every mergeable row carries. */
export const TrackedSchema = z.object({
  createdAt: IsoTimestampSchema,
  updatedAt: IsoTimestampSchema,
});

/** A random UUID; uses WebCrypto, available in browsers, Electron and Node 20. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}
