/**
 * Audit entries: an append-only, hash-chained log. One chain per device
 * (device id + sequence number + previous hash) so logs from several
 * machines merge and each chain still verifies on its own.
 */
import { z } from 'zod';
import { AUDITED_TABLES } from './audited-tables';
import { IdSchema, IsoTimestampSchema } from './ids';

export { AUDITED_TABLES };

/** What an entry is about; `profile`: the person using this copy changed the name or role every later entry is signed with. */
export const AuditEntityTypeSchema = z.enum(['framework', 'cycle', 'candidate', 'evidence', 'packet', 'session', 'vote', 'decision', 'database', 'profile']);

export const AuditedTableSchema = z.enum(AUDITED_TABLES);
export type AuditedTable = z.infer<typeof AuditedTableSchema>;

/** One row as a change left it: the whole row, or null when it was deleted. */
export const RowChangeSchema = z.object({ table: AuditedTableSchema, id: IdSchema, row: z.unknown().nullable() });
export type RowChange = z.infer<typeof RowChangeSchema>;

/**
 * What an entry did to the records, so the trail can be replayed: `rows`
 * are applied in order; with `reset` the records were first emptied (the
 * baseline adopted when the trail began, or a restore of a backup that
 * predates it).
 */
export const AuditChangesSchema = z.object({ reset: z.boolean().default(false), rows: z.array(RowChangeSchema).default([]) });
export type AuditChanges = z.infer<typeof AuditChangesSchema>;

/**
 * What an entry is about: one record's id, or several joined by ':' (reveal
 * pre-votes names `session:candidate`). Room for four ids of the longest
 * length, so every entry the write path makes for rows the record schemas
 * accept also passes here: a stricter limit once made every backup fail
 * after one long id was stored.
 */
export const EntityRefSchema = z.string().min(1).max(4 * 200 + 3);

export const AuditEntrySchema = z.object({
  id: IdSchema,
  deviceId: IdSchema,
  seq: z.number().int().min(0),
  at: IsoTimestampSchema,
  actor: z.string(),
  entityType: AuditEntityTypeSchema,
  entityId: EntityRefSchema,
  action: z.string().min(1),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /** The rows the change wrote, for replay. Absent on entries written before the trail recorded rows. */
  changes: AuditChangesSchema.optional(),
  /**
   * Set when one change's rows were recorded in several consecutive entries
   * (a large import: shared/audit/hash-chain.ts appendChangeEntries): this
   * is part `index` of `count`. Absent on a change recorded whole.
   */
  part: z.object({ index: z.number().int().min(1), count: z.number().int().min(2) }).refine((p) => p.index <= p.count, 'part index past the count').optional(),
  /** Hex SHA-256 of the previous entry on this device's chain ("" for the first). */
  prevHash: z.string(),
  /** Hex SHA-256 over prevHash and this entry's canonical content. */
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
