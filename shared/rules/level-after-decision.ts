/**
 * The level a candidate holds once a decision takes effect. The single home
 * of this rule; the levels chart, the decisions list, the decision book and
 * the CSV call it.
 *
 * - Promote: the level the decision granted (`newLevelId`, written as the
 *   target level when the decision was recorded, so a later change of the
 *   candidate's target does not rewrite history); a decision stored without
 *   it falls back to the candidate's target level.
 * - Promote to another level: the decision's `newLevelId`.
 * - Not yet, Defer, or no decision: the current level.
 * A promotion that names no level at all (an invalid record) leaves the
 * candidate where they are; `grantsNoLevel` tells callers to flag it.
 */
import type { Candidate } from '../domain/candidate';
import type { Decision } from '../domain/session';

export type LevelCandidateRef = Partial<Pick<Candidate, 'currentLevelId' | 'targetLevelId'>>;
export type LevelDecisionRef = Pick<Decision, 'outcome'> & Partial<Pick<Decision, 'newLevelId'>>;

export function levelAfterDecision(candidate: LevelCandidateRef, decision: LevelDecisionRef | undefined | null): string | null {
  const current = candidate.currentLevelId ?? null;
  if (!decision) return current;
  switch (decision.outcome) {
    case 'promote':
      return decision.newLevelId ?? candidate.targetLevelId ?? current;
    case 'promote-other':
      return decision.newLevelId ?? current;
    case 'not-yet':
    case 'defer':
      return current;
  }
}

/** A promotion whose level cannot be told: Promote-other without a level, or Promote with neither a level nor a target. */
export function grantsNoLevel(candidate: LevelCandidateRef, decision: LevelDecisionRef | undefined | null): boolean {
  if (!decision) return false;
  if (decision.outcome === 'promote-other') return !decision.newLevelId;
  if (decision.outcome === 'promote') return !decision.newLevelId && !candidate.targetLevelId;
  return false;
}
