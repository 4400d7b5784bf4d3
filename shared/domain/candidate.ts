/** A person considered for promotion in a cycle. */
import { z } from 'zod';
import { IdSchema, TrackedSchema } from './ids';
import { labelText } from './label-text';

/** The limits of a candidate row: the schema enforces them and the form's messages quote them. */
export const CANDIDATE_LIMITS = { name: 200, monthsInLevel: 600, groupName: 60, groupValue: 120, formerNames: 50 } as const;

export const CandidateSchema = TrackedSchema.extend({
  id: IdSchema,
  cycleId: IdSchema,
  name: labelText().min(1, 'a candidate needs a name').max(CANDIDATE_LIMITS.name),
  role: labelText().default(''),
  team: labelText().default(''),
  manager: labelText().min(1, 'a candidate needs a manager'),
  currentLevelId: IdSchema,
  /** May sit on another track (a switch from IC to manager is allowed). */
  targetLevelId: IdSchema.nullable(),
  /**
   * Months in the current level, as the manager gave it; null when not given
   * (shown as "not given", never as 0 months: a committee reads 0 as new in
   * the level). Rows written before it could be null hold 0 for "not given".
   */
  timeInLevelMonths: z.number().int().min(0).max(CANDIDATE_LIMITS.monthsInLevel).nullable().default(null),
  /**
   * Optional group attributes (e.g. gender, location). Used only for aggregate
   * fairness checks with small groups suppressed; never shown in a packet.
   */
  groups: z.record(labelText().max(CANDIDATE_LIMITS.groupName), labelText().max(CANDIDATE_LIMITS.groupValue)).default({}),
  archived: z.boolean().default(false),
  /**
   * The names, managers and teams this candidate had before an edit changed them (candidate-names.ts keeps it on
   * every save). Text written before the edit still says them (a submitted packet's summary, its evidence), and a
   * blind session withholds them as it withholds the current ones. Absent on a candidate never renamed.
   */
  formerly: z
    .object({
      name: z.array(labelText().max(CANDIDATE_LIMITS.name)).max(CANDIDATE_LIMITS.formerNames).default([]),
      manager: z.array(labelText()).max(CANDIDATE_LIMITS.formerNames).default([]),
      team: z.array(labelText()).max(CANDIDATE_LIMITS.formerNames).default([]),
    })
    .optional(),
});
export type Candidate = z.infer<typeof CandidateSchema>;
export type FormerNames = NonNullable<Candidate['formerly']>;
