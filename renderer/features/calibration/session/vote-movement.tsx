/**
 * "How votes moved" for the candidate on screen: who changed their vote
 * between the silent pre-vote and the final vote, by the shared rule
 * (shared/calibration/votes.ts). A corrected pre-vote reads as a correction
 * ("corrected from X: reason"), never as the vote cast before the discussion.
 */
import type { CandidateVotes } from '../../../../shared/calibration/votes';
import { majorityMove, votedOnNote, voteMovementSummary } from '../../../../shared/calibration/votes';
import type { CommitteeMember, Framework } from '../../../../shared/domain';
import { voteText } from './vote-text';

/** A sentence carried on after a comma: its first letter lower-case ("A majority is…" → "…, a majority is…"). */
const sentenceOnward = (text: string) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;

/** `reviewed`: the packet the session reviews now and its level; a vote cast on another revision says which (votedOnNote). */
export function VoteMovement({ tally, members, framework, shown, reviewed }: { tally: CandidateVotes; members: CommitteeMember[]; framework: Framework; shown: boolean; reviewed: { id?: string | undefined; levelId: string | null } }) {
  const summary = voteMovementSummary([tally]);
  const memberName = new Map(members.map((m) => [m.id, m.name]));
  const moved = majorityMove(tally);
  return (
    <div className="vote-movement" aria-labelledby="presenter-movement-title">
      <h4 id="presenter-movement-title">How votes moved</h4>
      {shown ? (
        <>
          <p>
            <strong>
              {summary.changed} of {summary.pairs}
            </strong>{' '}
            {summary.pairs === 1 ? 'member' : 'members'} who voted before and after the discussion changed their vote.
            {moved ? ` ${moved}` : ''}
          </p>
          <ul>
            {tally.movement.map((mv) => (
              <li key={mv.memberId}>
                {memberName.get(mv.memberId) ?? 'Former member'}: {mv.pre ? `${voteText(framework, { outcome: mv.pre, levelId: mv.preLevelId })}${votedOnNote(mv.prePacket, reviewed, framework)}` : 'no pre-vote'}
                {mv.preCorrected ? (
                  <em>
                    {' '}
                    (corrected from {voteText(framework, mv.preCorrected.original)}: {mv.preCorrected.corrections.map((c) => c.reason).join('; ')})
                  </em>
                ) : null}{' '}
                → {mv.post ? `${voteText(framework, { outcome: mv.post, levelId: mv.postLevelId })}${votedOnNote(mv.postPacket, reviewed, framework)}` : 'no final vote'}
                {mv.changed ? <strong> (changed)</strong> : mv.pre && mv.post ? ' (same)' : ''}
              </li>
            ))}
          </ul>
          <p className="field-hint">
            {summary.rule} For the final votes, {sentenceOnward(tally.post.majorityRule.rule)}
          </p>
        </>
      ) : (
        <p className="muted">Reveal the pre-votes to see how the discussion moved the votes.</p>
      )}
    </div>
  );
}
