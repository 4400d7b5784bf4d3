/**
 * A promotion packet: the manager's case for one candidate against the
 * target level, criterion by criterion. Submitted packets are read-only;
 * reopening creates a new revision that names its parent, so imports can
 * tell a descendant from a conflicting edit.
 */
import { z } from 'zod';
import { EvidenceSchema } from './evidence';
import { IdSchema, IsoTimestampSchema, notBefore, TrackedSchema } from './ids';

export const AssessmentRatingSchema = z.enum(['not-yet', 'partially', 'consistently']);
export type AssessmentRating = z.infer<typeof AssessmentRatingSchema>;

/** The limits of a packet's text: the schema enforces them and the builder's messages quote them. */
export const PACKET_LIMITS = { summary: 50_000, notYetDoing: 20_000, note: 5_000 } as const;

export const AssessmentSchema = z.object({
  rating: AssessmentRatingSchema,
  note: z.string().max(PACKET_LIMITS.note).default(''),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

export const PacketStatusSchema = z.enum(['draft', 'submitted', 'superseded']);
export type PacketStatus = z.infer<typeof PacketStatusSchema>;

/**
 * What the committee sees of a submitted revision, frozen at submission:
 * the case as written and the evidence it cites (every item linked to a
 * criterion of the target level), copied whole. Later evidence edits change
 * the live evidence log, never this.
 */
export const PacketSnapshotSchema = z.object({
  takenAt: IsoTimestampSchema,
  targetLevelId: IdSchema.nullable(),
  assessments: z.record(IdSchema, AssessmentSchema).default({}),
  summary: z.string().max(PACKET_LIMITS.summary).default(''),
  notYetDoing: z.string().max(PACKET_LIMITS.notYetDoing).default(''),
  evidence: z.array(EvidenceSchema).default([]),
});
export type PacketSnapshot = z.infer<typeof PacketSnapshotSchema>;

export const PacketSchema = TrackedSchema.extend({
  id: IdSchema,
  candidateId: IdSchema,
  cycleId: IdSchema,
  targetLevelId: IdSchema.nullable(),
  revision: z.number().int().min(1),
  parentId: IdSchema.nullable().default(null),
  status: PacketStatusSchema,
  /** Keyed by criterion id. */
  assessments: z.record(IdSchema, AssessmentSchema).default({}),
  summary: z.string().max(PACKET_LIMITS.summary).default(''),
  notYetDoing: z.string().max(PACKET_LIMITS.notYetDoing).default(''),
  /** Ids of packet-check warnings the manager has read and accepted. */
  acknowledgedChecks: z.array(z.string()).default([]),
  submittedAt: IsoTimestampSchema.nullable().default(null),
  /** Set on submission (and kept when superseded); null for a draft. */
  snapshot: PacketSnapshotSchema.nullable().default(null),
  /**
   * Set on a copy of a draft that a bundle import set aside because the same
   * revision arrived submitted from another machine (or was submitted here
   * while the other machine kept editing): the id of that submission. The
   * copy is superseded, so it is history and never the current packet, and
   * the manager can start the next revision from its edits. Absent on every
   * other packet, so rows stored before it existed stay valid as they are.
   */
  conflictOf: IdSchema.optional(),
  /**
   * Why a copy with `conflictOf` was kept: `bundle-copy` when a bundle brought
   * different content under the id of a revision that is submitted or
   * superseded here (merge-plan's `frozen-here`); absent for draft edits a
   * submission beat (and on rows kept before this existed).
   */
  keptBecause: z.enum(['bundle-copy']).optional(),
}).superRefine((packet, ctx) => {
  if (packet.submittedAt !== null && !notBefore(packet.submittedAt, packet.createdAt)) {
    ctx.addIssue({ code: 'custom', path: ['submittedAt'], message: `submitted (${packet.submittedAt}) before it was created (${packet.createdAt})` });
  }
  const differs = snapshotDiffers(packet);
  if (differs) ctx.addIssue({ code: 'custom', path: [differs], message: `differs from what was submitted (its snapshot): a submitted revision is read-only` });
});

/**
 * The field of a submitted (or superseded) revision that is not what its
 * snapshot froze, or null. The write path never lets them part (a submitted
 * revision is read-only, and the snapshot is taken from it), so rows that
 * differ come from an edited file: the app shows a revision's case from its
 * fields, and a committee would read text that was never submitted.
 */
function snapshotDiffers(packet: Pick<Packet, 'status' | 'snapshot' | 'targetLevelId' | 'summary' | 'notYetDoing' | 'assessments'>): 'targetLevelId' | 'summary' | 'notYetDoing' | 'assessments' | null {
  const snapshot = packet.snapshot;
  if (packet.status === 'draft' || !snapshot) return null;
  if (packet.targetLevelId !== snapshot.targetLevelId) return 'targetLevelId';
  if (packet.summary !== snapshot.summary) return 'summary';
  if (packet.notYetDoing !== snapshot.notYetDoing) return 'notYetDoing';
  const ids = Object.keys(packet.assessments);
  if (ids.length !== Object.keys(snapshot.assessments).length) return 'assessments';
  for (const id of ids) {
    const a = packet.assessments[id]!;
    const b = snapshot.assessments[id];
    if (!b || a.rating !== b.rating || a.note !== b.note) return 'assessments';
  }
  return null;
}
export type Packet = z.infer<typeof PacketSchema>;
