/** A person considered for promotion in a cycle. */
import { z } from 'zod';
import { IdSchema, TrackedSchema } from './ids';

export const CandidateSchema = TrackedSchema.extend({
  id: IdSchema,
  cycleId: IdSchema,
  name: z.string().min(1, 'a candidate needs a name'),
  role: z.string().default(''),
  team: z.string().default(''),
  manager: z.string().min(1, 'a candidate needs a manager'),
  currentLevelId: IdSchema,
  /** May sit on another track (a switch from IC to manager is allowed). */
  targetLevelId: IdSchema.nullable(),
  timeInLevelMonths: z.number().int().min(0).max(600).default(0),
  /**
   * Optional group attributes (e.g. gender, location). Used only for aggregate
   * fairness checks with small groups suppressed; never shown in a packet.
   */
  groups: z.record(z.string(), z.string()).default({}),
  archived: z.boolean().default(false),
});
export type Candidate = z.infer<typeof CandidateSchema>;
