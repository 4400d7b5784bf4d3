/**
 * Vote tallies: the silent pre-votes before discussion and the votes after
 * it, per candidate, and how each member's vote moved. Seeing how far the
 * discussion moved the room is the check against "promotion going to
 * whoever advocates loudest": a room that swings after one voice is worth a
 * second look.
 *
 * A member may revise a vote within a phase; the latest (`updatedAt`, then
 * the later one in the input) counts. A pre-vote corrected after it was
 * locked counts as corrected, and its movement row keeps the vote as cast
 * with each correction's reason (`preCorrected`), so a correction is never
 * mistaken for the vote cast before the discussion. Outcomes are counted as outcomes: two
 * Promote-to-another-level votes for different levels count together, their
 * levels are listed separately in `otherLevels`.
 *
 * Majority: the outcome with more than half of the phase's votes; with no
 * such outcome (a split or a plurality only) `majority` is null and
 * `leading` lists the outcomes with the most votes.
 *
 * The decision helpers (next steps, validation) live in decision-helpers.ts
 * and are re-exported here.
 */
import type { Framework } from '../domain/framework';
import { levelCodeOf, levelOf } from '../domain/level-lookup';
import type { Outcome, PacketRef, Vote } from '../domain/session';
import { OUTCOME_LABELS, OUTCOMES, compareNames, emptyOutcomeCounts, type Explained, type OutcomeCounts } from './common';
import { outcomeText } from './decision-helpers';

export { nextStepItems, nextStepsFor, validateDecision } from './decision-helpers';
export type { DecisionInput, DecisionIssue, DecisionValidation, NextStepItem } from './decision-helpers';

export type VoteRef = Pick<Vote, 'candidateId' | 'memberId' | 'phase' | 'outcome'> & Partial<Pick<Vote, 'levelId' | 'updatedAt' | 'corrections' | 'packet'>>;

/** A pre-vote corrected after it was locked: the vote as cast, and every correction since (who, when, why). */
export interface PreVoteCorrections {
  /** The pre-vote as cast before the discussion. */
  original: { outcome: Outcome; levelId: string | null };
  /** Oldest first; the last one's result is the pre-vote counted. */
  corrections: NonNullable<Vote['corrections']>;
}

/**
 * Two Promote votes cast on revisions submitted for different levels (a reopen changed the target between them): a
 * Promote to IC3 and a Promote to IC4 are not the same vote. Only when both recorded their revision's level.
 */
function promotedToAnotherLevel(a: Pick<VoteRef, 'outcome' | 'packet'>, b: Pick<VoteRef, 'outcome' | 'packet'>): boolean {
  if (a.outcome !== 'promote' || b.outcome !== 'promote') return false;
  const [from, to] = [a.packet?.levelId, b.packet?.levelId];
  return from !== undefined && to !== undefined && from !== to;
}

export interface PhaseTally {
  counts: OutcomeCounts;
  total: number;
  /** The outcome with more than half of the votes, or null. */
  majority: Outcome | null;
  /** The outcomes with the most votes (more than one on a tie); empty without votes. */
  leading: Outcome[];
  /** Levels named by Promote-to-another-level votes, with their counts. */
  otherLevels: { levelId: string; count: number }[];
  majorityRule: Explained<{ total: number; needed: number; top: number }>;
}

export interface MemberMovement {
  memberId: string;
  pre: Outcome | null;
  post: Outcome | null;
  preLevelId: string | null;
  postLevelId: string | null;
  /** Voted in both phases and the outcome (or, for Promote to another level, the level) differs. */
  changed: boolean;
  /** Set when the pre-vote was corrected: `pre` is then the corrected vote, and this says what was cast and why it changed. */
  preCorrected: PreVoteCorrections | null;
  /** The packet revision each vote was cast on (null: no such vote, or cast before votes recorded it). */
  prePacket: PacketRef | null;
  postPacket: PacketRef | null;
}

/**
 * " (on revision 1)" after a vote cast on another revision than the one the session reviews (`reviewed`: the
 * packet was resubmitted since), so a vote is never read as a judgement of a case its voter did not see; with the
 * level that revision was submitted for when the reopen changed it (" (on revision 1, submitted for IC3 Senior
 * Engineer)"), so a Promote cast for IC3 is not read as one for the IC4 now reviewed. Empty otherwise, and for a vote
 * that recorded no revision. The review's votes, "How votes moved" and the decision book say it.
 */
export function votedOnNote(votedOn: PacketRef | null | undefined, reviewed: { id?: string | undefined; levelId?: string | null | undefined }, framework: Pick<Framework, 'levels'>): string {
  if (!votedOn || votedOn.id === reviewed.id) return '';
  const level = votedOn.levelId && votedOn.levelId !== reviewed.levelId ? levelOf(framework, votedOn.levelId) : undefined;
  return ` (on revision ${votedOn.revision}${level ? `, submitted for ${level.code} ${level.title}` : ''})`;
}

/** "corrected from Not yet: misread the levels": a corrected pre-vote's note, one wording for the book and the CSV. */
export function correctionNote(framework: Pick<Framework, 'levels'>, corrected: PreVoteCorrections): string {
  return `corrected from ${outcomeText(framework, corrected.original.outcome, corrected.original.levelId)}: ${corrected.corrections.map((c) => c.reason).join('; ')}`;
}

export interface CandidateVotes {
  candidateId: string;
  pre: PhaseTally;
  post: PhaseTally;
  /** One row per member who voted in either phase, by member id (or the given member order). */
  movement: MemberMovement[];
  changed: number;
  unchanged: number;
  /** Voted before the discussion only. */
  preOnly: number;
  /** Voted after the discussion only. */
  postOnly: number;
}

function latestPerMember(votes: readonly VoteRef[]): Map<string, VoteRef> {
  const out = new Map<string, VoteRef>();
  for (const v of votes) {
    const seen = out.get(v.memberId);
    if (!seen || (v.updatedAt ?? '') >= (seen.updatedAt ?? '')) out.set(v.memberId, v);
  }
  return out;
}

function phaseTally(votes: Iterable<VoteRef>): PhaseTally {
  const counts = emptyOutcomeCounts();
  const levels = new Map<string, number>();
  let total = 0;
  for (const v of votes) {
    counts[v.outcome]++;
    total++;
    if (v.outcome === 'promote-other' && v.levelId) levels.set(v.levelId, (levels.get(v.levelId) ?? 0) + 1);
  }
  const top = Math.max(0, ...OUTCOMES.map((o) => counts[o]));
  const leading = top === 0 ? [] : OUTCOMES.filter((o) => counts[o] === top);
  const needed = Math.floor(total / 2) + 1;
  const majority = total > 0 && top >= needed && leading.length === 1 ? (leading[0] as Outcome) : null;
  return {
    counts,
    total,
    majority,
    leading,
    otherLevels: [...levels].map(([levelId, count]) => ({ levelId, count })).sort((a, b) => b.count - a.count || compareNames(a.levelId, b.levelId)),
    majorityRule: {
      rule:
        `A majority is more than half of the votes cast: ${needed} of ${total}. ` +
        (total === 0 ? 'No votes yet.' : majority ? `${OUTCOME_LABELS[majority]} has ${top}.` : `The most votes for one outcome is ${top}, so there is no majority.`),
      inputs: { total, needed, top },
    },
  };
}

/**
 * The level a decision of Promote to another level is offered from the final votes: the one most of those votes
 * named, when one leads (a tie offers none). A chair's trial had all four final votes for "Promote to another level
 * (M1)" and a form whose "Level granted" still read "Choose a level…", and whose first Save failed.
 */
export function leadingOtherLevel(tally: (Pick<PhaseTally, 'majority'> & Partial<Pick<PhaseTally, 'otherLevels'>>) | null | undefined): string | null {
  if (tally?.majority !== 'promote-other') return null;
  const [first, second] = tally.otherLevels ?? [];
  return first && (!second || first.count > second.count) ? first.levelId : null;
}

/**
 * Tallies per candidate. Candidates come in `candidateIds` order (e.g. the
 * session's review order), followed by any other candidate that has votes;
 * members in `memberIds` order, then any other voter by id.
 */
export function tallyVotes(votes: readonly VoteRef[], options: { candidateIds?: readonly string[]; memberIds?: readonly string[] } = {}): CandidateVotes[] {
  const byCandidate = new Map<string, { pre: VoteRef[]; post: VoteRef[] }>();
  for (const id of options.candidateIds ?? []) if (!byCandidate.has(id)) byCandidate.set(id, { pre: [], post: [] });
  const extra: string[] = [];
  for (const v of votes) {
    let bucket = byCandidate.get(v.candidateId);
    if (!bucket) {
      byCandidate.set(v.candidateId, (bucket = { pre: [], post: [] }));
      extra.push(v.candidateId);
    }
    bucket[v.phase].push(v);
  }
  const ordered = [...(options.candidateIds ?? []).filter((id, i, all) => all.indexOf(id) === i), ...extra.sort(compareNames)];
  const memberOrder = new Map((options.memberIds ?? []).map((id, i) => [id, i]));

  return ordered.map((candidateId) => {
    const bucket = byCandidate.get(candidateId) ?? { pre: [], post: [] };
    const pre = latestPerMember(bucket.pre);
    const post = latestPerMember(bucket.post);
    const members = [...new Set([...pre.keys(), ...post.keys()])].sort((a, b) => {
      const ia = memberOrder.get(a);
      const ib = memberOrder.get(b);
      if (ia !== undefined && ib !== undefined) return ia - ib;
      if (ia !== undefined) return -1;
      if (ib !== undefined) return 1;
      return compareNames(a, b);
    });
    let changed = 0;
    let unchanged = 0;
    let preOnly = 0;
    let postOnly = 0;
    const movement = members.map((memberId): MemberMovement => {
      const a = pre.get(memberId);
      const b = post.get(memberId);
      const preLevelId = a?.levelId ?? null;
      const postLevelId = b?.levelId ?? null;
      let moved = false;
      if (a && b) {
        moved = a.outcome !== b.outcome || (a.outcome === 'promote-other' && preLevelId !== postLevelId) || promotedToAnotherLevel(a, b);
        if (moved) changed++;
        else unchanged++;
      } else if (a) preOnly++;
      else postOnly++;
      const corrections = a?.corrections ?? [];
      const first = corrections[0];
      const preCorrected = first ? { original: { ...first.from }, corrections: [...corrections] } : null;
      return { memberId, pre: a?.outcome ?? null, post: b?.outcome ?? null, preLevelId, postLevelId, changed: moved, preCorrected, prePacket: a?.packet ?? null, postPacket: b?.packet ?? null };
    });
    return { candidateId, pre: phaseTally(pre.values()), post: phaseTally(post.values()), movement, changed, unchanged, preOnly, postOnly };
  });
}

export interface VoteMovementSummary {
  candidates: number;
  /** Members who voted in both phases, summed over candidates. */
  pairs: number;
  changed: number;
  /** Candidates whose majority outcome differs between the phases. */
  majorityChanged: number;
  /** Count of moves from one outcome to another, e.g. { from: 'not-yet', to: 'promote', count: 2 }. */
  moves: { from: Outcome; to: Outcome; count: number }[];
  rule: string;
}

/** How much the discussion moved the votes across a session. */
/**
 * How the majority moved between the pre-votes and the final votes of one
 * candidate, in a sentence, or null when there is nothing to say (a phase
 * without votes, or no majority either time). "No majority" is said as such:
 * a split pre-vote followed by one final vote is not "the majority changed".
 */
export function majorityMove(tally: Pick<CandidateVotes, 'pre' | 'post'>): string | null {
  const { pre, post } = tally;
  if (pre.total === 0 || post.total === 0) return null;
  const before = pre.majority;
  const after = post.majority;
  if (before === null && after === null) return null;
  if (before === after) return `${OUTCOME_LABELS[before!]} kept its majority.`;
  if (before === null) return `No outcome had a majority before the discussion; after it, ${OUTCOME_LABELS[after!]} has one (${post.counts[after!]} of ${post.total} final votes).`;
  if (after === null) return `${OUTCOME_LABELS[before]} had a majority before the discussion; after it, no outcome has one.`;
  return `The majority moved from ${OUTCOME_LABELS[before]} to ${OUTCOME_LABELS[after]}.`;
}

export function voteMovementSummary(tallies: readonly CandidateVotes[]): VoteMovementSummary {
  let pairs = 0;
  let changed = 0;
  let majorityChanged = 0;
  const moves = new Map<string, { from: Outcome; to: Outcome; count: number }>();
  for (const t of tallies) {
    pairs += t.changed + t.unchanged;
    changed += t.changed;
    if (t.pre.total > 0 && t.post.total > 0 && t.pre.majority !== t.post.majority) majorityChanged++;
    for (const m of t.movement) {
      if (!m.changed || m.pre === null || m.post === null) continue;
      const key = `${m.pre}>${m.post}`;
      const move = moves.get(key) ?? { from: m.pre, to: m.post, count: 0 };
      move.count++;
      moves.set(key, move);
    }
  }
  return {
    candidates: tallies.length,
    pairs,
    changed,
    majorityChanged,
    moves: [...moves.values()].sort((a, b) => b.count - a.count || OUTCOMES.indexOf(a.from) - OUTCOMES.indexOf(b.from) || OUTCOMES.indexOf(a.to) - OUTCOMES.indexOf(b.to)),
    rule: `A vote changed when a member voted before and after the discussion and the outcome or the level differs (the level named by Promote to another level, or for Promote the level of the revision voted on): ${changed} of ${pairs}.`,
  };
}

/**
 * How a decision departs from the final votes: none were cast, their
 * majority chose another outcome, or it chose Promote to another level and
 * the decision grants another level than the one most of those votes named
 * (leadingOtherLevel; a session 35 trial granted M2 beside three final votes
 * for M1, and nothing said so). Neither is refused (a committee may
 * overrule its votes, or decide without them), but a decision taken that
 * way must say why in its rationale: the person recording it sees it before
 * saving (decisionAgainstVotes), and the reader of the book months later sees
 * it on the decision's page (departureLine). Null when the outcome follows
 * the votes, there is no outcome (or no level granted) yet, or no tally to
 * compare with.
 */
export type VotesDeparture =
  | { kind: 'no-votes' }
  | { kind: 'against'; majority: Outcome; count: number; total: number }
  | { kind: 'other-level'; levelId: string; count: number; total: number };

/** A decision, or the decision form's draft, as far as the votes are concerned. */
export interface Decided {
  outcome: Outcome | null;
  /** The level granted (Promote to another level); null until chosen. */
  newLevelId?: string | null | undefined;
}

/** The final votes as a departure is judged from: without `otherLevels`, a level granted is not compared. */
export type FinalVotes = Pick<PhaseTally, 'counts' | 'total' | 'majority'> & Partial<Pick<PhaseTally, 'otherLevels'>>;

export function departureFromVotes(decided: Decided, finalVotes: FinalVotes | null): VotesDeparture | null {
  const { outcome } = decided;
  if (outcome === null || finalVotes === null) return null;
  if (finalVotes.total === 0) return { kind: 'no-votes' };
  const majority = finalVotes.majority;
  if (majority === null) return null;
  if (majority !== outcome) return { kind: 'against', majority, count: finalVotes.counts[majority], total: finalVotes.total };
  const voted = leadingOtherLevel(finalVotes);
  if (voted === null || !decided.newLevelId || decided.newLevelId === voted) return null;
  const count = finalVotes.otherLevels?.find((l) => l.levelId === voted)?.count ?? 0;
  return { kind: 'other-level', levelId: voted, count, total: finalVotes.total };
}


/** What the decision form says beside an outcome that departs from the final votes (departureFromVotes), or null. */
export function decisionAgainstVotes(decided: Decided, finalVotes: FinalVotes | null, framework: Pick<Framework, 'levels'>): string | null {
  const departure = departureFromVotes(decided, finalVotes);
  if (departure === null || decided.outcome === null) return null;
  if (departure.kind === 'no-votes') return 'No final votes are recorded for this candidate. Record them first, or say in the rationale why the committee decided without them.';
  if (departure.kind === 'other-level') {
    const granted = decided.newLevelId as string;
    const forGranted = finalVotes?.otherLevels?.find((l) => l.levelId === granted)?.count ?? 0;
    const named = `${departure.count} of ${departure.total} final votes named ${levelCodeOf(framework, departure.levelId)} and ${forGranted === 0 ? 'none' : forGranted} named ${levelCodeOf(framework, granted)}`;
    return `${named}; this decision grants ${levelCodeOf(framework, granted)}. Say in the rationale why the committee chose another level than most of its votes.`;
  }
  return `The final votes’ majority is ${OUTCOME_LABELS[departure.majority]} (${departure.count} of ${departure.total}); this decision is ${OUTCOME_LABELS[decided.outcome]}. Say in the rationale why the committee decided against its votes.`;
}

/** The line a decision's printed page carries when it departs from the final votes (departureFromVotes), or null. */
export function departureLine(decided: Decided, finalVotes: FinalVotes | null, framework: Pick<Framework, 'levels'>): string | null {
  const departure = departureFromVotes(decided, finalVotes);
  if (departure === null) return null;
  if (departure.kind === 'no-votes') return 'Decided without final votes: none were recorded for this candidate.';
  if (departure.kind === 'other-level') return `Decided at another level than the final votes: ${departure.count} of ${departure.total} named ${levelCodeOf(framework, departure.levelId)}.`;
  return `Decided against the final votes: their majority was ${OUTCOME_LABELS[departure.majority]} (${departure.count} of ${departure.total}).`;
}

/** The Decisions page's short tag for a departure (departureFromVotes). */
export function departureTag(departure: VotesDeparture, framework: Pick<Framework, 'levels'>): string {
  if (departure.kind === 'no-votes') return 'No final votes';
  if (departure.kind === 'other-level') return `Against the final votes: ${levelCodeOf(framework, departure.levelId)} ${departure.count} of ${departure.total}`;
  return `Against the final votes: ${OUTCOME_LABELS[departure.majority]} ${departure.count} of ${departure.total}`;
}

/** Why a member's pre-vote can no longer be cast or changed: revealed, the member's final vote cast, or the decision recorded. */
export type PreVoteLock = 'revealed' | 'final-vote' | 'decided' | null;

/**
 * Whether a member's pre-vote for a candidate is locked. A pre-vote is what
 * the member thought before the discussion, so it stands as it was once the
 * discussion has shown itself: the pre-votes revealed (finalizing reveals
 * them all), the member's final vote cast, or the candidate's decision
 * recorded. Before any of these it is silent and may change; after, only a
 * correction with a reason changes it. The one rule the votes panel shows
 * and the vote command refuses by.
 */
export function preVoteLock(session: { revealedPreVotes?: readonly string[] }, candidateId: string, facts: { finalVoteCast: boolean; decided: boolean }): PreVoteLock {
  if ((session.revealedPreVotes ?? []).includes(candidateId)) return 'revealed';
  if (facts.finalVoteCast) return 'final-vote';
  return facts.decided ? 'decided' : null;
}

/** The field of a pre-vote correction a problem is about. */
export type CorrectionField = 'outcome' | 'level' | 'reason';

/**
 * What is missing or wrong in a correction of a pre-vote cast as `cast`, and
 * at which field: the one rule the dialog shows beside its field and the
 * command (correctPreVote) refuses by.
 */
export function preVoteCorrectionProblem(input: { outcome: Outcome | null; levelId?: string | null; reason: string }, cast: Pick<Vote, 'outcome' | 'levelId'>): { field: CorrectionField; text: string } | null {
  if (!input.outcome) return { field: 'outcome', text: 'Choose the outcome the pre-vote should have been.' };
  if (input.outcome === 'promote-other' && !input.levelId) return { field: 'level', text: 'Choose the level for Promote to another level.' };
  const levelId = input.outcome === 'promote-other' ? input.levelId : null;
  if (input.outcome === cast.outcome && levelId === (cast.levelId ?? null)) return { field: 'outcome', text: 'The correction is the same as the pre-vote: choose the outcome it should have been.' };
  if (!input.reason.trim()) return { field: 'reason', text: 'Say why the pre-vote is corrected; the reason is kept in the record beside the vote as cast.' };
  return null;
}
