/**
 * The decision form's draft: what the committee is writing for one candidate,
 * started empty (the criteria that count toward readiness pre-ticked as
 * cited) or from the saved decision being changed.
 */
import type { Candidate, Decision, Outcome } from '../../../../shared/domain';
import type { CriterionCoverageRow } from '../../../../shared/packets/coverage';
import { isReadyCriterion } from '../../../../shared/rules/readiness';

export interface DecisionDraft {
  outcome: Outcome | null;
  newLevelId: string;
  rationale: string;
  cited: string[];
  nextSteps: string;
  nextStepsTouched: boolean;
  dissent: string;
}

/** The criteria that count toward readiness (the shared rule), to pre-tick as cited. */
export function readyCriteria(coverage: readonly CriterionCoverageRow[], candidate: Candidate): string[] {
  return coverage.filter((r) => r.candidateId === candidate.id && r.targetLevelId === candidate.targetLevelId && isReadyCriterion(r)).map((r) => r.criterionId);
}

/**
 * A new draft, or the saved decision to change. In blind mode the saved
 * decision comes in its blind form (names replaced by pseudonyms, what the
 * screen may show), so saving the change keeps the pseudonyms.
 */
export function initialDraft(candidate: Candidate, coverage: readonly CriterionCoverageRow[], decision: Decision | undefined): DecisionDraft {
  if (decision) {
    return {
      outcome: decision.outcome,
      newLevelId: decision.outcome === 'promote-other' ? (decision.newLevelId ?? '') : '',
      rationale: decision.rationale,
      cited: decision.citedCriterionIds,
      nextSteps: decision.nextSteps.join('\n'),
      nextStepsTouched: true,
      dissent: decision.dissent,
    };
  }
  return { outcome: null, newLevelId: '', rationale: '', cited: readyCriteria(coverage, candidate), nextSteps: '', nextStepsTouched: false, dissent: '' };
}
