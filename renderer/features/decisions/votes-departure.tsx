/**
 * The Decisions page's flag on a decision that departs from its final votes
 * (shared/calibration/votes.ts departureFromVotes: their majority chose
 * another outcome or another level, or none were cast), as the review, the decision book and
 * the CSV say it. The chair exports from this page; it showed only "Not yet"
 * beside a 3-of-4 Promote majority (a new-user trial).
 */
import { useMemo } from 'react';
import { departureFromVotes, departureTag, tallyVotes, type CandidateVotes } from '../../../shared/calibration/votes';
import type { Decision, Framework, Vote } from '../../../shared/domain';

/** Each candidate's tally of a session's votes, once per page render of the session. */
export function useTallies(votes: readonly Vote[], candidateIds: readonly string[]): ReadonlyMap<string, CandidateVotes> {
  return useMemo(() => new Map(tallyVotes(votes, { candidateIds }).map((t) => [t.candidateId, t])), [votes, candidateIds]);
}

export function VotesDepartureTag({ decision, tally, framework }: { decision: Decision; tally: CandidateVotes | undefined; framework: Pick<Framework, 'levels'> }) {
  const departure = departureFromVotes(decision, tally?.post ?? null);
  return departure === null ? null : <span className="tag">{departureTag(departure, framework)}</span>;
}
