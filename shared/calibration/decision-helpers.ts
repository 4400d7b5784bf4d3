/**
 * Decision helpers: next steps pre-filled from what is still missing, and
 * the checks a decision must pass before it is recorded.
 *
 * Next steps (for Not yet and Defer): first one step per criterion of the
 * target level that is not yet ready (ready = assessed "consistently" with
 * sustained evidence, the readiness rule), in framework order, worded by why
 * it is not ready; then the "not yet doing" items of the level just below the
 * target on its track, which the framework writes as the gap from that level
 * to the target (for a promotion of one step, the current level's; for a
 * skip, IC0 to IC2, IC1's: IC0's items are about reaching IC1, which a
 * candidate ready for IC2 has; without a target, the current level's). A
 * target first on its track (a switch, IC3 to M1) has none: the current
 * level's items are the gap to the next level of the current track (IC4),
 * which a chair's trial found printed in a decision book as M1's next steps.
 * Duplicates are dropped. A criterion without a coverage
 * row (no packet) is treated as having no evidence and no assessment.
 *
 * Validation: a rationale is required (the seeds: decisions rest on the
 * criteria, stated, not on who argued loudest); Promote needs a target
 * level that is a promotion from the current level (shared/rules/promotion-levels.ts);
 * Promote to another level needs such a level other than the target; Not yet
 * and Defer grant no level and need at least one next step (what the
 * candidate works on until the next review); cited criteria must be
 * criteria of the target level (or, for Promote to another level, of the
 * level granted). Citing no criterion is a warning, not an error. A change
 * of a saved decision's outcome needs a new rationale (outcomeChangeIssues).
 * The criteria cited start pre-ticked for the outcome (citedByDefault).
 */
import type { Framework } from '../domain/framework';
import { levelOf } from '../domain/level-lookup';
import type { Decision, EarlierChange, EarlierDecision, Outcome } from '../domain/session';
import { dayOf } from '../util/dates';
import type { CriterionCoverageRow, GapReason } from '../packets/coverage';
import { promotionLevelProblem } from '../rules/promotion-levels';
import { isReadyCriterion, SUSTAINED_MIN_QUARTERS } from '../rules/readiness';
import { OUTCOME_LABELS, type CandidateRef } from './common';

export interface NextStepItem {
  text: string;
  /** The criterion the step is about; null for the level's "not yet doing" items. */
  criterionId: string | null;
  source: 'criterion' | 'level-not-yet';
}

type CoverageLike = Pick<CriterionCoverageRow, 'candidateId' | 'criterionId' | 'rating' | 'sustained'> &
  Partial<Pick<CriterionCoverageRow, 'targetLevelId' | 'gapReasons' | 'evidenceCount' | 'evidenceInWindow'>>;

function stepFor(text: string, row: CoverageLike | undefined): string | null {
  const quoted = `“${text}”`;
  if (!row) return `Show evidence of ${quoted} (nothing linked yet).`;
  if (isReadyCriterion(row)) return null;
  const reasons: readonly GapReason[] = row.gapReasons ?? [];
  if (reasons.includes('no-evidence') || (row.gapReasons === undefined && row.evidenceCount === 0)) return `Show evidence of ${quoted} (nothing linked yet).`;
  if (reasons.includes('no-evidence-in-window') || (row.gapReasons === undefined && row.evidenceInWindow === 0))
    return `Show recent evidence of ${quoted} (nothing inside the evidence window).`;
  if (row.rating === 'not-yet') return `Work towards ${quoted} (assessed not yet).`;
  if (row.rating === null) return `Get an assessment of ${quoted} (not assessed yet).`;
  if (row.rating === 'partially') return `Demonstrate ${quoted} consistently (assessed partially).`;
  return `Sustain ${quoted} across at least ${SUSTAINED_MIN_QUARTERS} quarters (evidence so far in fewer).`;
}

/** Next steps with where each came from; see the module comment. */
export function nextStepItems(framework: Pick<Framework, 'levels' | 'criteria'>, candidate: Pick<CandidateRef, 'id' | 'currentLevelId' | 'targetLevelId'>, coverage: readonly CoverageLike[]): NextStepItem[] {
  const out: NextStepItem[] = [];
  const seen = new Set<string>();
  const push = (item: NextStepItem): void => {
    const key = item.text.trim();
    if (key === '' || seen.has(key)) return;
    seen.add(key);
    out.push(item);
  };
  const target = candidate.targetLevelId ?? null;
  if (target !== null) {
    const rows = new Map<string, CoverageLike>();
    for (const r of coverage) {
      if (r.candidateId !== candidate.id) continue;
      if (r.targetLevelId !== undefined && r.targetLevelId !== target) continue;
      rows.set(r.criterionId, r);
    }
    for (const criterion of framework.criteria) {
      if (criterion.levelId !== target) continue;
      const text = stepFor(criterion.text, rows.get(criterion.id));
      if (text) push({ text, criterionId: criterion.id, source: 'criterion' });
    }
  }
  for (const item of gapLevel(framework, candidate)?.notYet ?? []) push({ text: item.trim(), criterionId: null, source: 'level-not-yet' });
  return out;
}

/** The level whose "not yet doing" is the gap to the target: the one just below it on its track (none when the target is first on it); without a target, the current level. */
function gapLevel(framework: Pick<Framework, 'levels'>, candidate: Pick<CandidateRef, 'currentLevelId' | 'targetLevelId'>) {
  const target = levelOf(framework, candidate.targetLevelId);
  if (!target) return levelOf(framework, candidate.currentLevelId);
  return framework.levels.filter((l) => l.trackId === target.trackId && l.order < target.order).sort((a, b) => b.order - a.order)[0];
}

/** Next steps as text, ready to pre-fill a Not yet or Defer decision's `nextSteps`. */
export function nextStepsFor(framework: Pick<Framework, 'levels' | 'criteria'>, candidate: Pick<CandidateRef, 'id' | 'currentLevelId' | 'targetLevelId'>, coverage: readonly CoverageLike[]): string[] {
  return nextStepItems(framework, candidate, coverage).map((s) => s.text);
}

export interface DecisionInput {
  framework: Pick<Framework, 'tracks' | 'levels' | 'criteria' | 'equivalences'>;
  /** The candidate's current level: a promotion must go above it. */
  currentLevelId: string;
  /** The candidate's target level (null when none is set). */
  targetLevelId: string | null;
  outcome: Outcome;
  newLevelId?: string | null;
  rationale: string;
  citedCriterionIds?: readonly string[];
  nextSteps?: readonly string[];
  dissent?: string;
  /** The saved decision being changed, as the form showed it (or as stored): see outcomeChangeIssues. */
  before?: DecisionWords;
}

/** What a saved decision said, for the check of a change to it. */
export type DecisionWords = Pick<Decision, 'outcome' | 'newLevelId' | 'rationale' | 'dissent'>;

export interface DecisionIssue {
  field: 'outcome' | 'newLevelId' | 'rationale' | 'citedCriterionIds' | 'nextSteps' | 'dissent';
  message: string;
  criterionId?: string;
}

export interface DecisionValidation {
  ok: boolean;
  errors: DecisionIssue[];
  warnings: DecisionIssue[];
}

/** A rationale shorter than this many characters (spaces as one) is warned about. */
export const RATIONALE_SHORT = 20;

export function validateDecision(input: DecisionInput): DecisionValidation {
  const errors: DecisionIssue[] = [];
  const warnings: DecisionIssue[] = [];
  const levelIds = new Set(input.framework.levels.map((l) => l.id));
  const newLevelId = input.newLevelId ?? null;
  const target = input.targetLevelId;

  const rationale = input.rationale.trim().replace(/\s+/g, ' ');
  if (rationale === '') errors.push({ field: 'rationale', message: 'Write the rationale: which criteria the decision rests on and why.' });
  // Said, not refused: "ok" or "x" was saved without a word, and is the whole record of why when the decision is read months later.
  else if (rationale.length < RATIONALE_SHORT)
    warnings.push({ field: 'rationale', message: 'A rationale this short will not explain the decision when it is read months later: say which criteria it rests on and why.' });

  switch (input.outcome) {
    case 'promote':
      if (target === null) errors.push({ field: 'outcome', message: 'The candidate has no target level to promote to; set one or choose Promote to another level.' });
      else if (newLevelId !== null && newLevelId !== target) errors.push({ field: 'newLevelId', message: 'Promote grants the target level; to grant another level choose Promote to another level.' });
      else {
        // A target set before targets were checked may be below the current level.
        const problem = promotionLevelProblem(input.framework, input.currentLevelId, target, 'The target level');
        if (problem) errors.push({ field: 'outcome', message: `${problem} Correct the target on the candidate page, or choose another outcome.` });
      }
      break;
    case 'promote-other':
      if (newLevelId === null) errors.push({ field: 'newLevelId', message: 'Choose the level to promote to.' });
      else if (!levelIds.has(newLevelId)) errors.push({ field: 'newLevelId', message: 'The chosen level is not in this cycle’s framework.' });
      else if (newLevelId === target) errors.push({ field: 'newLevelId', message: 'That is the target level; choose Promote instead.' });
      else {
        const problem = promotionLevelProblem(input.framework, input.currentLevelId, newLevelId, 'The level granted');
        if (problem) errors.push({ field: 'newLevelId', message: problem });
      }
      break;
    case 'not-yet':
    case 'defer':
      if (newLevelId !== null) errors.push({ field: 'newLevelId', message: 'Only a promotion grants a level.' });
      if (!(input.nextSteps ?? []).some((s) => s.trim() !== ''))
        errors.push({ field: 'nextSteps', message: `Write at least one next step: what the candidate should work on before the next review (${input.outcome === 'defer' ? 'Defer' : 'Not yet'} needs one).` });
      break;
  }

  const allowed = new Set<string>();
  for (const c of input.framework.criteria) {
    if (c.levelId === target || (input.outcome === 'promote-other' && newLevelId !== null && c.levelId === newLevelId)) allowed.add(c.id);
  }
  const cited = [...new Set(input.citedCriterionIds ?? [])];
  for (const id of cited) {
    if (!allowed.has(id)) {
      errors.push({
        field: 'citedCriterionIds',
        criterionId: id,
        message: input.outcome === 'promote-other' ? 'A cited criterion must belong to the target level or the level granted.' : 'A cited criterion must belong to the target level.',
      });
    }
  }
  if (cited.length === 0) warnings.push({ field: 'citedCriterionIds', message: 'No criteria cited: name the criteria the decision rests on.' });

  if (input.before) {
    const change = outcomeChangeIssues(input.framework, input.before, { ...input, dissent: input.dissent ?? '' });
    errors.push(...change.errors);
    warnings.push(...change.warnings);
  }
  return { ok: errors.length === 0, errors, warnings };
}

const words = (text: string) => text.trim().replace(/\s+/g, ' ');

/**
 * A saved decision whose outcome changes (or, for Promote to another level, whose level granted does) needs a
 * rationale for the new outcome: the one kept from before argues for the old one ("Promote: the chair weighed IC4.4
 * as decisive" under Not yet, a trial found, saved without a word). A dissent kept from before was written against the
 * old outcome, so the form asks to check it (a warning: it may still stand). Checked by the form and by the command
 * that saves (renderer/db/sessions.ts decisionOverStored), with the words the form showed.
 */
export function outcomeChangeIssues(
  framework: Pick<Framework, 'levels'>,
  before: DecisionWords,
  after: { outcome: Outcome; newLevelId?: string | null; rationale: string; dissent: string },
): Pick<DecisionValidation, 'errors' | 'warnings'> {
  if (!outcomeChanged(before, after)) return { errors: [], warnings: [] };
  const was = outcomeText(framework, before.outcome, before.newLevelId);
  const now = outcomeText(framework, after.outcome, after.newLevelId ?? null);
  const errors: DecisionIssue[] =
    words(after.rationale) === words(before.rationale) && words(after.rationale) !== ''
      ? [{ field: 'rationale', message: `This rationale was written for ${was}. Say why the decision is now ${now}.` }]
      : [];
  const warnings: DecisionIssue[] =
    words(after.dissent) !== '' && words(after.dissent) === words(before.dissent)
      ? [{ field: 'dissent', message: `This dissent was written against ${was}: check that it still says who disagrees with ${now}, and why, or clear it.` }]
      : [];
  return { errors, warnings };
}

/** Whether a change to a saved decision changes what it decides: its outcome, or the level granted. */
export function outcomeChanged(before: Pick<Decision, 'outcome' | 'newLevelId'>, after: { outcome: Outcome; newLevelId?: string | null }): boolean {
  return before.outcome !== after.outcome || (after.outcome === 'promote-other' && before.newLevelId !== (after.newLevelId ?? null));
}

/**
 * What a change to a saved decision changes of what a reader of the record relies on: the outcome (outcomeChanged),
 * the rationale, the dissent (text compared as saved, trimmed). A change after a reopen that changes any of them is
 * kept on the decision (Decision.earlier) and said wherever it is shown.
 */
export function decisionChanges(before: Pick<Decision, 'outcome' | 'newLevelId' | 'rationale' | 'dissent'>, after: { outcome: Outcome; newLevelId?: string | null; rationale: string; dissent: string }): EarlierChange[] {
  const changes: EarlierChange[] = [];
  if (outcomeChanged(before, after)) changes.push('outcome');
  if (before.rationale.trim() !== after.rationale.trim()) changes.push('rationale');
  if (before.dissent.trim() !== after.dissent.trim()) changes.push('dissent');
  return changes;
}

/** What an earlier entry changed; entries stored before `changed` was kept were outcome changes. */
export function earlierChanges(e: Pick<EarlierDecision, 'changed'>): EarlierChange[] {
  return e.changed ?? ['outcome'];
}

/** The texts an earlier entry rewrote (rationale, dissent), none when it changed only the outcome. */
export function rewrittenParts(e: Pick<EarlierDecision, 'changed'>): EarlierChange[] {
  return earlierChanges(e).filter((c) => c !== 'outcome');
}

/**
 * The Decisions page's tag for a decision changed after a reopen: "Changed after reopening" when an outcome changed,
 * else what was rewritten ("Rationale rewritten after reopening"); null when nothing was. A trial read the one tag
 * it had as an outcome change beside a decision whose outcome had stayed.
 */
export function changedAfterReopenTag(earlier: readonly Pick<EarlierDecision, 'changed'>[] | undefined): string | null {
  if (!earlier || earlier.length === 0) return null;
  const all = [...new Set(earlier.flatMap(earlierChanges))];
  if (all.includes('outcome')) return 'Changed after reopening';
  const texts = rewrittenParts({ changed: all }).join(' and ');
  return `${texts.charAt(0).toUpperCase()}${texts.slice(1)} rewritten after reopening`;
}


/** An outcome in words, with the level a "Promote to another level" names: "Promote to another level (M1)". One rule for the screens, the book and the lines below. */
export function outcomeText(framework: Pick<Framework, 'levels'>, outcome: Outcome, newLevelId: string | null): string {
  const level = outcome === 'promote-other' ? levelOf(framework, newLevelId) : undefined;
  return `${OUTCOME_LABELS[outcome]}${level ? ` (${level.code})` : ''}`;
}

/**
 * The criteria a decision's "rests on" starts with, in framework order: for a promotion (or no outcome yet), the
 * target level's criteria that are ready (isReadyCriterion); for Not yet and Defer, those that are not, which its
 * next steps are about. A Defer pre-ticked with the ready criteria printed the candidate's strengths as "criteria
 * cited" under it in the decision book.
 */
export function citedByDefault(framework: Pick<Framework, 'criteria'>, candidate: Pick<CandidateRef, 'id' | 'targetLevelId'>, coverage: readonly CoverageLike[], outcome: Outcome | null): string[] {
  const target = candidate.targetLevelId ?? null;
  if (target === null) return [];
  const ready = new Set(coverage.filter((r) => r.candidateId === candidate.id && (r.targetLevelId === undefined || r.targetLevelId === target) && isReadyCriterion(r)).map((r) => r.criterionId));
  const wantReady = outcome !== 'not-yet' && outcome !== 'defer';
  return framework.criteria.filter((c) => c.levelId === target && ready.has(c.id) === wantReady).map((c) => c.id);
}

/** Which of a decision's words the form left as it showed them (`keptText`). */
export interface KeptText {
  rationale: boolean;
  dissent: boolean;
  /** Each step's place in the saved decision's list when it was left as shown, or null for a step written anew. */
  nextSteps: Array<number | null>;
}

/**
 * What a form changing a saved decision left untouched: compared with the
 * decision as the form showed it. A blind session shows the text with names
 * replaced, so the form's words are not the stored ones even where nobody
 * changed them.
 */
export function keptText(shown: { rationale: string; dissent: string; nextSteps: readonly string[] }, typed: { rationale: string; dissent: string; nextSteps: readonly string[] }): KeptText {
  return {
    rationale: typed.rationale.trim() === shown.rationale.trim(),
    dissent: typed.dissent.trim() === shown.dissent.trim(),
    nextSteps: typed.nextSteps.map((step) => {
      const at = shown.nextSteps.indexOf(step);
      return at < 0 ? null : at;
    }),
  };
}

/**
 * The words to store: where the form left a field as it showed it, the stored
 * words, not the shown ones. Changing only the outcome of a blind session's
 * decision rewrote the names in its dissent and rationale into pseudonyms,
 * which mean nothing once the names are revealed.
 */
export function withKeptText<T extends { rationale: string; dissent: string; nextSteps: string[] }>(typed: T, stored: { rationale: string; dissent: string; nextSteps: readonly string[] }, kept: KeptText): T {
  return {
    ...typed,
    rationale: kept.rationale ? stored.rationale : typed.rationale,
    dissent: kept.dissent ? stored.dissent : typed.dissent,
    nextSteps: typed.nextSteps.map((step, i) => {
      const at = kept.nextSteps[i];
      return at === null || at === undefined ? step : (stored.nextSteps[at] ?? step);
    }),
  };
}

/** A save refused because the saved decision changed under the form (`refuseIfChangedSince`). */
export class DecisionChangedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecisionChangedError';
  }
}

/**
 * Refuses to save over a decision that is not the one the committee was
 * looking at when it started writing: `saved` is the stored decision's
 * `updatedAt` (null when there is none), `over` the one the form started
 * from (null for a new decision; undefined when not known, then no check).
 */
export function refuseIfChangedSince(saved: string | null, over: string | null | undefined): void {
  if (over === undefined || saved === over) return;
  throw new DecisionChangedError(
    saved !== null
      ? 'This decision was saved elsewhere (in another window, or by restoring a backup) after you started writing. Nothing was saved; your words are kept.'
      : 'The decision you were changing is no longer saved (a backup was restored). Nothing was saved; your words are kept.',
  );
}

/**
 * "Changed on 2026-12-04, after the session was reopened: was Defer (decided 2026-10-31)." One line per change a
 * finalized decision had after a reopen (Decision.earlier): the decision book and the review's saved decision say it,
 * so a decision changed after finalizing never reads as the one first recorded. A rationale or dissent rewritten
 * says so ("The rationale was rewritten on …"), with or without an outcome change.
 */
export function earlierDecisionLine(framework: Pick<Framework, 'levels'>, e: EarlierDecision, timeZone: string, showDay: (day: string) => string = (day) => day): string {
  // The book prints days as YYYY-MM-DD; a screen gives its own date format (`showDay`, the renderer's formatDate).
  const [changedOn, decidedOn] = [showDay(dayOf(e.changedAt, timeZone)), showDay(dayOf(e.decidedAt, timeZone))];
  // "the rationale", "the rationale and the dissent"; '' when no text was rewritten.
  const texts = rewrittenParts(e)
    .map((t) => `the ${t}`)
    .join(' and ');
  if (!earlierChanges(e).includes('outcome')) {
    return `${texts.charAt(0).toUpperCase()}${texts.slice(1)} ${texts.includes(' and ') ? 'were' : 'was'} rewritten on ${changedOn}, after the session was reopened (decided ${decidedOn}); the audit trail keeps the earlier text.`;
  }
  return `Changed on ${changedOn}, after the session was reopened: was ${outcomeText(framework, e.outcome, e.newLevelId)} (decided ${decidedOn})${texts ? `; ${texts} rewritten too` : ''}.`;
}
