/** Calibration sessions, votes and decisions. */
import { z } from 'zod';
import { labelText } from './label-text';
import { CandidateSchema } from './candidate';
import { EvidenceSchema } from './evidence';
import { IdSchema, IsoTimestampSchema, notBefore, TrackedSchema } from './ids';
import { AssessmentRatingSchema, PacketSchema } from './packet';

export const MemberRoleSchema = z.enum(['chair', 'member', 'hr-partner']);
export const CommitteeMemberSchema = z.object({
  id: IdSchema,
  name: labelText().min(1, 'a member needs a name'),
  role: MemberRoleSchema,
});
export type CommitteeMember = z.infer<typeof CommitteeMemberSchema>;

export const SessionStatusSchema = z.enum(['planned', 'live', 'finalized']);

export const OutcomeSchema = z.enum(['promote', 'not-yet', 'defer', 'promote-other']);
export type Outcome = z.infer<typeof OutcomeSchema>;

/** An explicit correction of a pre-vote after it was locked: what it was, why it changed, who changed it. */
export const VoteCorrectionSchema = z.object({
  at: IsoTimestampSchema,
  by: z.string().min(1),
  from: z.object({ outcome: OutcomeSchema, levelId: IdSchema.nullable() }),
  reason: z.string().min(1, 'a correction needs a reason').max(2_000),
});
export type VoteCorrection = z.infer<typeof VoteCorrectionSchema>;

/** Which packet revision a vote or a decision was made on (the one the session reviewed then: reviewedPacket). */
export const PacketRefSchema = z.object({
  id: IdSchema,
  revision: z.number().int().min(1),
  /**
   * The level that revision was submitted for: a vote kept from an earlier revision whose target level was changed
   * at the reopen says so (votedOnNote). Absent on votes and decisions recorded before it was kept.
   */
  levelId: IdSchema.nullable().optional(),
});
export type PacketRef = z.infer<typeof PacketRefSchema>;

export { packetRef } from './packet-ref';

export const VoteSchema = TrackedSchema.extend({
  id: IdSchema,
  sessionId: IdSchema,
  candidateId: IdSchema,
  memberId: IdSchema,
  /** Silent pre-vote before discussion, final vote after. */
  phase: z.enum(['pre', 'post']),
  outcome: OutcomeSchema,
  levelId: IdSchema.nullable().default(null),
  /**
   * Corrections of a locked pre-vote, oldest first; the first one's `from` is
   * the vote as cast. Absent on a vote never corrected, so rows stored before
   * it existed stay valid as they are.
   */
  corrections: z.array(VoteCorrectionSchema).optional(),
  /**
   * The packet revision the vote was cast on: the one the session reviewed then (reviewedPacket); a correction keeps
   * it. Absent for a candidate without a packet, and on votes cast before it was recorded.
   */
  packet: PacketRefSchema.optional(),
});
export type Vote = z.infer<typeof VoteSchema>;

/**
 * An outcome a decision had in a finalized record, before the session was
 * reopened and the decision changed: kept on the decision, so the book, the
 * decision PDF and the CSV say what was decided first and why it changed.
 */
/** What a change after a reopen can change, in the order a line names them. */
export const EARLIER_CHANGES = ['outcome', 'rationale', 'dissent'] as const;

export const EarlierDecisionSchema = z.object({
  outcome: OutcomeSchema,
  newLevelId: IdSchema.nullable(),
  decidedAt: IsoTimestampSchema,
  /** When it was replaced (after the reopen; the reason is in the session's history). */
  changedAt: IsoTimestampSchema,
  /**
   * What the change after the reopen changed: the outcome (with its level), the rationale, the dissent. Absent on
   * entries stored before it was kept, which were all outcome changes. A rationale rewritten after finalizing is
   * marked like an outcome changed (session 35's trial found it read as the text first recorded); the earlier text
   * is in the audit trail's "change decision" entry, not here.
   */
  changed: z.array(z.enum(EARLIER_CHANGES)).optional(),
});
export type EarlierDecision = z.infer<typeof EarlierDecisionSchema>;
export type EarlierChange = NonNullable<EarlierDecision['changed']>[number];

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
  /**
   * Who recorded it, as the audit trail names them ("Dana Whitfield (Committee chair)"; in a connected session the
   * chair, from the chair's event). Absent on decisions saved before it was recorded.
   */
  decidedBy: z.string().min(1).max(300).optional(),
  /** Outcomes it had in a finalized record before a reopen changed it, oldest first. */
  earlier: z.array(EarlierDecisionSchema).optional(),
  /**
   * The packet revision the decision was made on: the one the session reviewed when it was saved (reviewedPacket).
   * Absent for a candidate without a packet, and on decisions saved before it was recorded.
   */
  packet: PacketRefSchema.optional(),
}).superRefine((decision, ctx) => {
  if (!notBefore(decision.decidedAt, decision.createdAt)) {
    ctx.addIssue({ code: 'custom', path: ['decidedAt'], message: `decided (${decision.decidedAt}) before it was created (${decision.createdAt})` });
  }
});
export type Decision = z.infer<typeof DecisionSchema>;

/** One stored coverage row (shared/packets/coverage.ts CriterionCoverageRow), as frozen in a session record. */
export const CoverageRowSchema = z.object({
  id: z.string(),
  packetId: IdSchema,
  candidateId: IdSchema,
  cycleId: IdSchema,
  targetLevelId: IdSchema,
  manager: z.string(),
  criterionId: IdSchema,
  rating: AssessmentRatingSchema.nullable(),
  evidenceCount: z.number().int().min(0),
  evidenceInWindow: z.number().int().min(0),
  quarters: z.array(z.string()),
  sustained: z.boolean(),
  gap: z.boolean(),
  gapReasons: z.array(z.enum(['no-evidence', 'no-evidence-in-window', 'not-sustained', 'not-yet', 'partially', 'unassessed'])),
  lastEvidenceDate: z.string().nullable(),
});

/**
 * What a finalized session decided on, frozen at finalization: the candidate
 * rows, the current packet of each (a draft gets a snapshot taken then), the
 * evidence those packets cite, the coverage the committee saw, the votes and
 * the decisions. Everything a finalized session shows or prints reads this
 * (shared/calibration/session-record.ts), so later edits never reach it.
 */
export const SessionRecordSchema = z.object({
  finalizedAt: IsoTimestampSchema,
  finalizedBy: z.string().min(1),
  /** The framework version the cycle pinned when the session was finalized. */
  frameworkVersionId: IdSchema,
  candidates: z.array(CandidateSchema).default([]),
  packets: z.array(PacketSchema).default([]),
  evidence: z.array(EvidenceSchema).default([]),
  coverage: z.array(CoverageRowSchema).default([]),
  votes: z.array(VoteSchema).default([]),
  decisions: z.array(DecisionSchema).default([]),
});
export type SessionRecord = z.infer<typeof SessionRecordSchema>;

/** Who finalized, reopened or revealed names, when, and why (a reopen always has a reason). */
export const SessionEventSchema = z.object({
  action: z.enum(['finalized', 'reopened', 'names-revealed', 'names-hidden']),
  at: IsoTimestampSchema,
  by: z.string().min(1),
  reason: z.string().max(2_000).default(''),
});
export type SessionEvent = z.infer<typeof SessionEventSchema>;

export const SessionSchema = TrackedSchema.extend({
  id: IdSchema,
  cycleId: IdSchema,
  name: labelText().min(1, 'a session needs a name'),
  members: z.array(CommitteeMemberSchema).default([]),
  /** Candidates in review order. */
  candidateIds: z.array(IdSchema).default([]),
  orderMode: z.enum(['by-level', 'shuffled', 'manual']).default('by-level'),
  timeboxMinutes: z.number().int().min(1).max(240).default(10),
  blind: z.boolean().default(false),
  status: SessionStatusSchema.default('planned'),
  finalizedAt: IsoTimestampSchema.nullable().default(null),
  reopenReason: z.string().default(''),
  // The three fields below are optional so that rows stored before they
  // existed stay valid as they are; read a session through
  // withSessionDefaults (shared/calibration/session-record.ts).
  /** Candidates whose pre-votes were revealed: their pre-votes are locked (a change needs a correction with a reason). */
  revealedPreVotes: z.array(IdSchema).optional(),
  /** The frozen record while finalized; null or absent otherwise (a reopen clears it, the audit trail keeps it). */
  record: SessionRecordSchema.nullable().optional(),
  /** Finalizations, reopens and name reveals, oldest first; never shortened. */
  history: z.array(SessionEventSchema).optional(),
});
export type Session = z.infer<typeof SessionSchema>;
/** A session with its optional fields filled in (withSessionDefaults). */
export type SessionRow = Session & { revealedPreVotes: string[]; record: SessionRecord | null; history: SessionEvent[] };
