/**
 * The current packet of a candidate: the one their work goes into now and
 * the one the committee judges. The single home of this rule; every view,
 * the coverage aggregate, the decision book and the CSV call it.
 *
 * The highest revision that is not superseded; among equal revisions a
 * submitted one comes before a draft (a submission is what the committee
 * sees), then the lower id, so every caller picks the same row.
 */
import type { Packet } from '../domain/packet';
import type { Level } from '../domain/framework';
import { levelCodeOf } from '../domain/level-lookup';
import { groupBy } from '../util/group-by';

const STATUS_RANK: Record<Packet['status'], number> = { submitted: 0, draft: 1, superseded: 2 };

/**
 * What the rules read of a packet; the id may be absent in hand-made data (it then sorts first). `submittedAt` and
 * `conflictOf` tell a superseded revision the committee was given (reopened after its submission) from one it never
 * was (a draft's edits kept beside a conflict): absent, a superseded row is taken as never submitted.
 */
export type PacketOrderRef = Pick<Packet, 'revision' | 'status'> & Partial<Pick<Packet, 'id' | 'submittedAt' | 'conflictOf'>>;

/**
 * What a view needs to know of a candidate's packet without its text: which
 * row it is, its revision and status. The write path stores it beside each
 * candidate (candidateStats), so a session's screens read it there rather
 * than every packet whole with its snapshot (issue 13: the session's 1,000
 * packets were its slowest read); the text is read for the one on screen.
 */
export type PacketHead = Pick<Packet, 'id' | 'candidateId' | 'revision' | 'status'> & Partial<Pick<Packet, 'submittedAt'>>;

/** A packet's head (a whole packet is one too; this drops the rest, so a copy holds no free text). */
export function packetHead(p: PacketHead): PacketHead {
  const head: PacketHead = { id: p.id, candidateId: p.candidateId, revision: p.revision, status: p.status };
  // The day it was submitted (wasSubmitted, the decision book's packet line): the stored figures carry it too (database version 9).
  if (p.submittedAt !== undefined) head.submittedAt = p.submittedAt;
  return head;
}

/** Orders revisions newest first, with the same tie-breaks as currentPacket. */
export function byRevisionNewestFirst(a: PacketOrderRef, b: PacketOrderRef): number {
  const [x, y] = [a.id ?? '', b.id ?? ''];
  return b.revision - a.revision || STATUS_RANK[a.status] - STATUS_RANK[b.status] || (x < y ? -1 : x > y ? 1 : 0);
}

export function currentPacket<P extends PacketOrderRef>(packets: readonly P[]): P | undefined {
  let best: P | undefined;
  for (const p of packets) {
    if (p.status === 'superseded') continue;
    if (!best || byRevisionNewestFirst(p, best) < 0) best = p;
  }
  return best;
}

/** The current packet of every candidate, keyed by candidate id (candidates without a live packet are absent). */
export function currentPacketByCandidate<P extends PacketOrderRef & Pick<Packet, 'candidateId'>>(packets: readonly P[]): Map<string, P> {
  const out = new Map<string, P>();
  for (const p of packets) {
    if (p.status === 'superseded') continue;
    const best = out.get(p.candidateId);
    if (!best || byRevisionNewestFirst(p, best) < 0) out.set(p.candidateId, p);
  }
  return out;
}

/**
 * Whether a revision was given to the committee: submitted, or superseded after its submission (reopened: the
 * manager writes the next revision as a draft). A copy kept beside a conflict (`conflictOf`) never was.
 */
export function wasSubmitted(p: Pick<Packet, 'status'> & Partial<Pick<Packet, 'submittedAt' | 'conflictOf'>>): boolean {
  if (p.conflictOf !== undefined) return false;
  return p.status === 'submitted' || (p.status === 'superseded' && typeof p.submittedAt === 'string');
}

/**
 * The packet a session reviews: the newest revision given to the committee (wasSubmitted), even while a later
 * revision is a draft, so reopening a packet during a session never puts an unsubmitted case in front of the
 * committee or into its record; submitting the next revision makes that one the reviewed packet. A candidate with
 * no submitted revision (a session that takes drafts) is reviewed with their current packet, the draft. Every view
 * of a session, its decision book and its frozen record use this rule; the rest of the app uses currentPacket.
 */
export function reviewedPacket<P extends PacketOrderRef>(packets: readonly P[]): P | undefined {
  let best: P | undefined;
  for (const p of packets) {
    if (!wasSubmitted(p)) continue;
    if (!best || byRevisionNewestFirst(p, best) < 0) best = p;
  }
  return best ?? currentPacket(packets);
}

/** The packet a session reviews of every candidate (reviewedPacket), keyed by candidate id (candidates without one are absent). */
export function reviewedPacketByCandidate<P extends PacketOrderRef & Pick<Packet, 'candidateId'>>(packets: readonly P[]): Map<string, P> {
  const of = groupBy(packets, (p) => p.candidateId);
  const out = new Map<string, P>();
  for (const [id, list] of of) {
    const picked = reviewedPacket(list);
    if (picked) out.set(id, picked);
  }
  return out;
}

/**
 * A candidate as a session reviews them: against the level their reviewed packet (reviewedPacket) was submitted
 * for. The two agree until a reopen: the target level can change only then (submittedLevelProblem), the draft
 * follows it, and the session keeps reviewing the submission. So the session's criteria, coverage, order, the
 * level a Promote gives and its frozen record take the submission's level, never a target chosen after it. A draft
 * (never submitted) follows the candidate's target, which stays the one that counts.
 */
export function asReviewed<C extends { targetLevelId: string | null }>(candidate: C, reviewed: (Pick<Packet, 'targetLevelId'> & Parameters<typeof wasSubmitted>[0]) | null | undefined): C {
  const level = reviewed && wasSubmitted(reviewed) ? reviewed.targetLevelId : null;
  return level === null || level === candidate.targetLevelId ? candidate : { ...candidate, targetLevelId: level };
}

/**
 * Whether the packet a session reviews of a candidate is not their current one: a submitted revision that was
 * reopened, its next revision a draft. Only then does a session read more than the figures stored beside the
 * candidate (those are about the current packet).
 */
export function reviewsEarlierRevision(current: Pick<Packet, 'revision' | 'status'> | null | undefined): boolean {
  return !!current && current.status === 'draft' && current.revision > 1;
}

/**
 * Why a candidate's target level cannot change while their current packet is
 * submitted: a session reviews the candidate against their target level with
 * that packet, so the two must agree. Reopening the packet (a draft follows
 * the target) is the way to change it. The candidate form says it before
 * saving; the save command refuses with it.
 */
export function submittedLevelProblem(packet: Pick<Packet, 'revision' | 'targetLevelId'>, framework: { levels: readonly Pick<Level, 'id' | 'code'>[] } | null | undefined): string {
  const code = framework ? levelCodeOf(framework, packet.targetLevelId, 'another level') : 'another level';
  return `Revision ${packet.revision} of the packet was submitted for ${code}, and that is the case a session reviews. Reopen the packet first (Packets → the candidate → Reopen) to change the target level.`;
}

/**
 * Why a candidate's current level cannot change while their current packet is submitted, for the same reason: the
 * submitted case is a promotion from that level (IC2 to IC3 is one step, IC1 to IC3 a skip), and the revision on
 * screen named the new level as if it had been submitted so (a trial). `submittedFrom` is the current level as saved.
 */
export function submittedCurrentLevelProblem(packet: Pick<Packet, 'revision'>, submittedFrom: string, framework: { levels: readonly Pick<Level, 'id' | 'code'>[] } | null | undefined): string {
  const code = framework ? levelCodeOf(framework, submittedFrom, 'another level') : 'another level';
  return `Revision ${packet.revision} of the packet was submitted as a promotion from ${code}, and that is the case a session reviews. Reopen the packet first (Packets → the candidate → Reopen) to change the current level.`;
}
