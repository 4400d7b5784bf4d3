/**
 * The decision form's state: the draft (kept per session and candidate until
 * saved or cancelled, so moving to another candidate loses no typing), the
 * problems of the last save, and whether the saved decision shows as text.
 * Saved with saveDecision; its refusals are matched to the fields they are
 * about (validateDecision, the rule the command applies).
 */
import { useState, type FormEvent } from 'react';
import { citedByDefault, DecisionChangedError, keptText, nextStepsFor, validateDecision, type DecisionIssue } from '../../../../shared/calibration/decision-helpers';
import type { Candidate, Decision, Framework, Outcome } from '../../../../shared/domain';
import type { CriterionCoverageRow } from '../../../../shared/packets/coverage';
import { useKeptDraft } from '../../../state/kept-draft';
import { useUiStore } from '../../../state/ui-store';
import { useSessionWrites } from '../../connected/session-writes';
import { initialDraft, restoreDecisionDraft, type DecisionDraft } from './decision-draft';
import { outcomeLabel } from './labels';
import { errorMessage } from '../../../../shared/util/error-message';
import { leadingOtherLevel, type PhaseTally } from '../../../../shared/calibration/votes';

export const DECISION_PANEL_ID = 'presenter-decision';
export const DECISION_OUTCOME_ID = 'presenter-decision-outcome';

export interface DecisionFormInput {
  sessionId: string;
  candidate: Candidate;
  framework: Framework;
  coverage: readonly CriterionCoverageRow[];
  decision: Decision | undefined;
  /**
   * The final votes' tally: its majority is offered as the outcome of a new
   * decision, and the form notes an outcome that goes against it (absent or
   * null: nothing offered, no note).
   */
  finalVotes?: (Pick<PhaseTally, 'counts' | 'total' | 'majority'> & Partial<Pick<PhaseTally, 'otherLevels'>>) | null;
}

const CHOOSE_OUTCOME = 'Choose an outcome: Promote, Not yet, Defer or Promote to another level.';

const needsSteps = (outcome: Outcome | null) => outcome === 'not-yet' || outcome === 'defer';

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && b.every((x) => a.includes(x));

export function useDecisionForm({ sessionId, candidate, framework, coverage, decision, finalVotes }: DecisionFormInput, formId: string) {
  const suggested = finalVotes?.majority ?? null;
  const announce = useUiStore((s) => s.announce);
  const writes = useSessionWrites(sessionId);
  const { draft, kept, setDraft, clear: clearDraft } = useKeptDraft<DecisionDraft>(`decision:${sessionId}:${candidate.id}`, () => initialDraft(decision), restoreDecisionDraft);
  const [editing, setEditing] = useState(!decision || kept);
  const [issues, setIssues] = useState<DecisionIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  /** The last save was refused because the saved decision changed under the form: Save mine over it, or show it. */
  const [conflict, setConflict] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The decision on screen when the last save was made (undefined for a new one). */
  const [replaced, setReplaced] = useState<Decision | undefined>(undefined);

  // Shown as saved as soon as the write commits: the session's rows are read again after it, and until they
  // arrive the decision on screen is absent (a new one) or the one it replaced, so its text waits but the
  // confirmation does not (issue 13: click to "Decision saved" within 100 ms). The saved row itself is not
  // shown, since in a blind session only the read row comes redacted.
  // The rows are read again after the write; any newer read of the decision (a new object) is the saved one or later.
  const caughtUp = decision !== undefined && (savedAt === null || decision !== replaced);

  // Until someone picks an outcome, a new decision follows the final votes' majority; next steps follow the outcome until edited.
  const outcome = draft.outcome ?? (decision ? null : suggested);
  // A new decision of Promote to another level offers the level the final votes named, until one is chosen.
  const newLevelId = draft.newLevelId || (outcome === 'promote-other' && !decision ? (leadingOtherLevel(finalVotes) ?? '') : '');
  const nextSteps = draft.nextStepsTouched ? draft.nextSteps : needsSteps(outcome) ? nextStepsFor(framework, candidate, coverage).join('\n') : '';
  // The criteria cited follow the outcome until someone changes them, as the next steps do.
  const cited = draft.citedTouched === false ? citedByDefault(framework, candidate, coverage, outcome) : draft.cited;

  function update(patch: Partial<DecisionDraft>) {
    setDraft((d) => ({ ...d, ...patch }));
    setSavedAt(null);
  }

  /**
   * Switching to Not yet or Defer with no steps written pre-fills them from what is missing, also when changing a
   * saved decision; switching away drops them while they are still that pre-filled list.
   */
  function pickOutcome(value: Outcome) {
    // A problem with the outcome ("Choose an outcome", a Promote with no target to promote to) was about the outcome
    // picked before: it goes, and so does the line above the form when it was the only problem. The next save checks again.
    if (issues.some((i) => i.field === 'outcome')) {
      const left = issues.filter((i) => i.field !== 'outcome');
      setIssues(left);
      if (left.length === 0) setFailure(null);
    }
    // Criteria still as pre-ticked for the outcome before (also those of a saved decision being changed) follow the
    // new one: a Defer does not rest on the criteria that are ready (citedByDefault).
    const cited = draft.citedTouched !== false && sameSet(draft.cited, citedByDefault(framework, candidate, coverage, outcome)) ? { citedTouched: false } : {};
    if (needsSteps(value)) {
      update(nextSteps.trim() === '' ? { outcome: value, nextStepsTouched: false, ...cited } : { outcome: value, ...cited });
      return;
    }
    // Leaving Not yet or Defer: steps that are still the pre-filled gaps (unedited, also those of a saved Defer being
    // changed) go with it, so a Promote does not list what the candidate is missing as its next steps.
    const gaps = nextStepsFor(framework, candidate, coverage).join('\n');
    update(needsSteps(outcome) && nextSteps.trim() === gaps.trim() ? { outcome: value, nextSteps: '', nextStepsTouched: false, ...cited } : { outcome: value, ...cited });
  }

  function toggleCited(criterionId: string, on: boolean) {
    update({ cited: on ? [...cited, criterionId] : cited.filter((c) => c !== criterionId), citedTouched: true });
  }

  /** Opens the saved decision for changes; nothing is kept until something is changed. */
  function change() {
    clearDraft();
    setSavedAt(null);
    setEditing(true);
  }

  /** Drops the draft: a change shows the saved decision again, a new decision starts afresh. */
  function cancel() {
    clearDraft();
    setEditing(false);
    setConflict(false);
    setFailure(null);
    setIssues([]);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(draft.over);
  }

  /** After a refusal because the decision was saved elsewhere: saves this draft over the decision now saved. */
  function overwrite() {
    const now = decision?.updatedAt ?? null;
    setDraft((d) => ({ ...d, over: now }));
    void save(now);
  }

  async function save(over: string | null | undefined) {
    if (outcome === null) {
      setIssues([{ field: 'outcome', message: CHOOSE_OUTCOME }]);
      setFailure('The decision was not saved.');
      document.getElementById(DECISION_OUTCOME_ID)?.querySelector('input')?.focus();
      return;
    }
    const input = {
      sessionId,
      candidateId: candidate.id,
      outcome,
      newLevelId: outcome === 'promote-other' ? newLevelId || null : null,
      rationale: draft.rationale,
      citedCriterionIds: cited,
      nextSteps: nextSteps.split('\n').map((s) => s.trim()).filter(Boolean),
      dissent: draft.dissent.trim(),
      over,
    };
    // Words left as shown keep the stored text (a blind session shows it with names replaced).
    const kept = decision ? keptText(decision, input) : undefined;
    setBusy(true);
    setConflict(false);
    try {
      const saved = await writes.saveDecision({ ...input, ...(kept ? { kept } : {}) }, new Date().toISOString());
      setIssues([]);
      setFailure(null);
      clearDraft();
      setEditing(false);
      // Saved again with no change, the write records nothing (sessions.ts saveDecision), and the words say so.
      if (saved.unchanged) {
        announce(`Nothing changed: the decision stays ${outcomeLabel(saved.outcome)}, as saved.`);
        return;
      }
      setReplaced(decision);
      setSavedAt(saved.decidedAt);
      announce(`Decision saved: ${outcomeLabel(saved.outcome)}.`);
    } catch (error) {
      const message = errorMessage(error);
      if (error instanceof DecisionChangedError) {
        setIssues([]);
        setConflict(true);
        setFailure(message);
        return;
      }
      const found = validateDecision({ framework, currentLevelId: candidate.currentLevelId, targetLevelId: candidate.targetLevelId, ...input, before: decision }).errors;
      setIssues(found);
      setFailure(found.length > 0 ? 'The decision was not saved. See the problems below.' : `The decision was not saved: ${message}`);
      const first = found[0]?.field;
      if (first === 'rationale' || first === 'newLevelId' || first === 'nextSteps' || first === 'dissent') {
        const field = document.getElementById(`${formId}-${first}`);
        field?.focus();
        // A refused text is selected, so what is typed replaces it (a rationale kept from another outcome was typed in front of).
        if (field instanceof HTMLTextAreaElement) field.select();
      }
    } finally {
      setBusy(false);
    }
  }

  return { draft, kept, editing, savedAt, caughtUp, outcome, newLevelId, nextSteps, issues, failure, conflict, busy, saved: decision, cited, update, pickOutcome, toggleCited, change, cancel, submit, overwrite };
}

export type DecisionForm = ReturnType<typeof useDecisionForm>;
