/**
 * Audit entries: an append-only, hash-chained log. One chain per device
 * (device id + sequence number + previous hash) so logs from several
 * machines merge and each chain still verifies on its own.
 */
import { z } from 'zod';
import { IdSchema, IsoTimestampSchema } from './ids';

export const AuditEntityTypeSchema = z.enum(['framework', 'cycle', 'candidate', 'evidence', 'packet', 'session', 'vote', 'decision']);

export const AuditEntrySchema = z.object({
  id: IdSchema,
  deviceId: IdSchema,
  seq: z.number().int().min(0),
  at: IsoTimestampSchema,
  actor: z.string(),
  entityType: AuditEntityTypeSchema,
  entityId: IdSchema,
  action: z.string().min(1),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /** Hex SHA-256 of the previous entry on this device's chain ("" for the first). */
  prevHash: z.string(),
  /** Hex SHA-256 over prevHash and this entry's canonical content. */
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
