/**
 * The record tables and the schema each row must pass: one list, used by the
 * write path (every row is parsed before it is stored), backups (every row is
 * parsed before it is restored) and the audit replay.
 */
import type { z } from 'zod';
import type { AuditedTable } from './audit';
import { CandidateSchema } from './candidate';
import { CycleSchema } from './cycle';
import { EvidenceSchema } from './evidence';
import { FrameworkSchema } from './framework';
import { PacketSchema } from './packet';
import { DecisionSchema, SessionSchema, VoteSchema } from './session';

export const RECORD_SCHEMAS = {
  frameworks: FrameworkSchema,
  cycles: CycleSchema,
  candidates: CandidateSchema,
  evidence: EvidenceSchema,
  packets: PacketSchema,
  sessions: SessionSchema,
  votes: VoteSchema,
  decisions: DecisionSchema,
} as const satisfies Record<AuditedTable, z.ZodType>;

export type RecordOf<T extends AuditedTable> = z.output<(typeof RECORD_SCHEMAS)[T]>;
