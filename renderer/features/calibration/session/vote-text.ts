/** How a vote reads on screen: the outcome (with its level for Promote to another level), and a corrected pre-vote as a correction. */
import type { Framework, Vote } from '../../../../shared/domain';
import { levelCode, outcomeLabel } from './labels';

export function voteText(framework: Framework, vote: Pick<Vote, 'outcome' | 'levelId'> | undefined): string {
  if (!vote) return 'No vote';
  return vote.outcome === 'promote-other' ? `${outcomeLabel(vote.outcome)} (${levelCode(framework, vote.levelId)})` : outcomeLabel(vote.outcome);
}

/** "Promote (corrected from Not yet: misread the level)", or the vote alone when never corrected. */
export function correctedText(framework: Framework, vote: Pick<Vote, 'outcome' | 'levelId'>, corrections: Vote['corrections'] | undefined): string {
  const first = corrections?.[0];
  if (!first) return voteText(framework, vote);
  return `${voteText(framework, vote)} (corrected from ${voteText(framework, first.from)}: ${corrections.map((c) => c.reason).join('; ')})`;
}
