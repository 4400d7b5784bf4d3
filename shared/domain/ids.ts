/**
 * Identifiers. Everything that can travel between machines has a stable
 * string id (a UUID for user-created rows, a readable slug for built-ins),
 * never an auto-increment key, so bundles from several laptops merge by id.
 */
import { z } from 'zod';
import { DATE_YEARS, isAcceptedDate, isRealDate } from '../util/dates';

export const IdSchema = z.string().min(1).max(200);
export type Id = z.infer<typeof IdSchema>;

/** ISO 8601 calendar date, `YYYY-MM-DD`, that exists (no 30 February) in the accepted years: the shared rule in util/dates.ts. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isRealDate, 'expected a real calendar date')
  .refine(isAcceptedDate, `expected a year from ${DATE_YEARS.min} to ${DATE_YEARS.max}`);
/** ISO 8601 timestamp as produced by `Date.prototype.toISOString`. */
export const IsoTimestampSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'expected an ISO timestamp');

/** Fields every mergeable row carries. */
export const TrackedSchema = z.object({
  createdAt: IsoTimestampSchema,
  updatedAt: IsoTimestampSchema,
});

/** A random UUID; uses WebCrypto, available in browsers, Electron and Node 20. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}
