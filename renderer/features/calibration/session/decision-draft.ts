/**
 * The decision form's draft: what the committee is writing for one candidate,
 * started empty (the criteria it rests on pre-ticked for its outcome,
 * citedByDefault, until someone changes them) or from the saved decision being changed.
 */
import { z } from 'zod';
import { restoredBy } from '../../../state/kept-draft';
import { OutcomeSchema, type Candidate, type Decision, type Outcome } from '../../../../shared/domain';
import type { CriterionCoverageRow } from '../../../../shared/packets/coverage';
import { isReadyCriterion } from '../../../../shared/rules/readiness';

export interface DecisionDraft {
  outcome: Outcome | null;
  newLevelId: string;
  rationale: string;
  cited: string[];
  /**
   * False while the criteria cited are still the ones pre-ticked, which then follow the outcome (citedByDefault);
   * `cited` counts only once someone ticks or unticks one. Absent in a draft kept by an older build: its `cited` stands.
   */
  citedTouched?: boolean;
  nextSteps: string;
  nextStepsTouched: boolean;
  dissent: string;
  /**
   * The saved decision the draft was started over: its `updatedAt`, or null
   * for a new decision; a save over one saved since is refused (saveDecision).
   * Absent in a draft kept by an older build: then not checked.
   */
  over?: string | null;
}

/** A kept draft as it comes back from storage (state/kept-text.ts), checked before the form shows it. */
const DecisionDraftSchema = z.object({
  outcome: OutcomeSchema.nullable(),
  newLevelId: z.string(),
  rationale: z.string(),
  cited: z.array(z.string()),
  citedTouched: z.boolean().optional(),
  nextSteps: z.string(),
  nextStepsTouched: z.boolean(),
  dissent: z.string(),
  over: z.string().nullable().optional(),
}) satisfies z.ZodType<DecisionDraft>;

/** The kept draft, or null when what was kept is not one (written by another build, or edited by hand). */
export const restoreDecisionDraft = restoredBy<DecisionDraft>(DecisionDraftSchema);

/** The criteria that count toward readiness (the shared rule), to pre-tick as cited. */
export function readyCriteria(coverage: readonly CriterionCoverageRow[], candidate: Candidate): string[] {
  return coverage.filter((r) => r.candidateId === candidate.id && r.targetLevelId === candidate.targetLevelId && isReadyCriterion(r)).map((r) => r.criterionId);
}

/**
 * A new draft, or the saved decision to change. In blind mode the saved
 * decision comes in its blind form (names replaced by pseudonyms, what the
 * screen may show), so saving the change keeps the pseudonyms.
 */
export function initialDraft(decision: Decision | undefined): DecisionDraft {
  if (decision) {
    return {
      outcome: decision.outcome,
      newLevelId: decision.outcome === 'promote-other' ? (decision.newLevelId ?? '') : '',
      rationale: decision.rationale,
      cited: decision.citedCriterionIds,
      nextSteps: decision.nextSteps.join('\n'),
      nextStepsTouched: true,
      dissent: decision.dissent,
      over: decision.updatedAt,
    };
  }
  return { outcome: null, newLevelId: '', rationale: '', cited: [], citedTouched: false, nextSteps: '', nextStepsTouched: false, dissent: '', over: null };
}
