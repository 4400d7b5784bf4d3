/** Calibration sessions, votes and decisions. */
import { z } from 'zod';
import { IdSchema, IsoTimestampSchema, TrackedSchema } from './ids';

export const MemberRoleSchema = z.enum(['chair', 'member', 'hr-partner']);
export const CommitteeMemberSchema = z.object({
  id: IdSchema,
  name: z.string().min(1, 'a member needs a name'),
  role: MemberRoleSchema,
});
export type CommitteeMember = z.infer<typeof CommitteeMemberSchema>;

export const SessionStatusSchema = z.enum(['planned', 'live', 'finalized']);

export const SessionSchema = TrackedSchema.extend({
  id: IdSchema,
  cycleId: IdSchema,
  name: z.string().min(1, 'a session needs a name'),
  members: z.array(CommitteeMemberSchema).default([]),
  /** Candidates in review order. */
  candidateIds: z.array(IdSchema).default([]),
  orderMode: z.enum(['by-level', 'shuffled', 'manual']).default('by-level'),
  timeboxMinutes: z.number().int().min(1).max(240).default(10),
  blind: z.boolean().default(false),
  status: SessionStatusSchema.default('planned'),
  finalizedAt: IsoTimestampSchema.nullable().default(null),
  reopenReason: z.string().default(''),
});
export type Session = z.infer<typeof SessionSchema>;

export const OutcomeSchema = z.enum(['promote', 'not-yet', 'defer', 'promote-other']);
export type Outcome = z.infer<typeof OutcomeSchema>;

export const VoteSchema = TrackedSchema.extend({
  id: IdSchema,
  sessionId: IdSchema,
  candidateId: IdSchema,
  memberId: IdSchema,
  /** Silent pre-vote before discussion, final vote after. */
  phase: z.enum(['pre', 'post']),
  outcome: OutcomeSchema,
  levelId: IdSchema.nullable().default(null),
});
export type Vote = z.infer<typeof VoteSchema>;

export const DecisionSchema = TrackedSchema.extend({
  id: IdSchema,
  sessionId: IdSchema,
  candidateId: IdSchema,
  outcome: OutcomeSchema,
  /** The level granted: the target for Promote, another for Promote-other. */
  newLevelId: IdSchema.nullable().default(null),
  rationale: z.string().min(1, 'a decision needs a rationale'),
  citedCriterionIds: z.array(IdSchema).default([]),
  nextSteps: z.array(z.string()).default([]),
  dissent: z.string().default(''),
  locked: z.boolean().default(false),
  decidedAt: IsoTimestampSchema,
});
export type Decision = z.infer<typeof DecisionSchema>;
