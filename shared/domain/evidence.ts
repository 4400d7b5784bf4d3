/** One dated piece of evidence, linked to criteria of the target (or current) level. */
import { z } from 'zod';
import { IdSchema, IsoDateSchema, TrackedSchema } from './ids';

export const EvidenceKindSchema = z.enum(['project', 'design', 'incident', 'mentoring', 'feedback', 'other']);
export type EvidenceKind = z.infer<typeof EvidenceKindSchema>;
export const EvidenceSourceSchema = z.enum(['self', 'manager', 'peer']);
export type EvidenceSource = z.infer<typeof EvidenceSourceSchema>;

export const EvidenceSchema = TrackedSchema.extend({
  id: IdSchema,
  candidateId: IdSchema,
  cycleId: IdSchema,
  title: z.string().min(1, 'evidence needs a title').max(300),
  description: z.string().max(20_000).default(''),
  /** The date fixes the quarter the evidence counts in. */
  date: IsoDateSchema,
  kind: EvidenceKindSchema,
  links: z.array(z.string().max(2_000)).default([]),
  source: EvidenceSourceSchema,
  criterionIds: z.array(IdSchema).default([]),
});
export type Evidence = z.infer<typeof EvidenceSchema>;
