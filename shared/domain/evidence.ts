/** One dated piece of evidence, linked to criteria of the target (or current) level. */
import { z } from 'zod';
import { labelText } from './label-text';
import { IdSchema, IsoDateSchema, TrackedSchema } from './ids';

export const EvidenceKindSchema = z.enum(['project', 'design', 'incident', 'mentoring', 'feedback', 'other']);
export type EvidenceKind = z.infer<typeof EvidenceKindSchema>;
export const EvidenceSourceSchema = z.enum(['self', 'manager', 'peer']);
export type EvidenceSource = z.infer<typeof EvidenceSourceSchema>;

/** The limits of an evidence item: the schema enforces them and the form's messages quote them. */
export const EVIDENCE_LIMITS = { title: 300, description: 20_000, link: 2_000, links: 50 } as const;

export const EvidenceSchema = TrackedSchema.extend({
  id: IdSchema,
  candidateId: IdSchema,
  cycleId: IdSchema,
  title: labelText().min(1, 'evidence needs a title').max(EVIDENCE_LIMITS.title),
  description: z.string().max(EVIDENCE_LIMITS.description).default(''),
  /** The date fixes the quarter the evidence counts in. */
  date: IsoDateSchema,
  kind: EvidenceKindSchema,
  links: z.array(z.string().max(EVIDENCE_LIMITS.link)).max(EVIDENCE_LIMITS.links).default([]),
  source: EvidenceSourceSchema,
  criterionIds: z.array(IdSchema).default([]),
});
export type Evidence = z.infer<typeof EvidenceSchema>;
