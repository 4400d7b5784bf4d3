/**
 * The decision form's fields: outcome (a level for Promote to another level,
 * offered only among the promotions from the current level), the rationale,
 * the criteria it rests on, next steps and any dissent, each shown with its
 * problem from the last save (components/field-problems.tsx).
 */
import { useState } from 'react';
import { validateDecision, type DecisionIssue } from '../../../../shared/calibration/decision-helpers';
import type { Candidate, Framework } from '../../../../shared/domain';
import { criteriaOfLevel } from '../../../../shared/domain/framework';
import type { CriterionCoverageRow } from '../../../../shared/packets/coverage';
import { promoteOtherChoices } from '../../../../shared/rules/promotion-levels';
import { fieldProblems, type FieldProblems } from '../../../components/field-problems';
import { LevelOptions } from '../../../components/level-options';
import { readyCriteria } from './decision-draft';
import { DecisionActions, DecisionFailure } from './decision-form-actions';
import { OUTCOME_CHOICES, criterionCodes, outcomeLabel } from './labels';
import { DECISION_OUTCOME_ID, type DecisionForm as FormState } from './use-decision-form';
import { decisionAgainstVotes, type PhaseTally } from '../../../../shared/calibration/votes';

type Field = DecisionIssue['field'];

interface Props {
  formId: string;
  form: FormState;
  candidate: Candidate;
  framework: Framework;
  coverage: readonly CriterionCoverageRow[];
  /** Changing a saved decision (Cancel shows it again), or writing a new one (Discard draft starts afresh). */
  changing: boolean;
  /** The final votes' tally: its majority is offered, and the outcome chosen against them (or without any) is said beside the outcome. */
  finalVotes: (Pick<PhaseTally, 'counts' | 'total' | 'majority'> & Partial<Pick<PhaseTally, 'otherLevels'>>) | null;
}

/** What the rules would warn of in the decision as typed (not refusals: the save says those); none beside a refusal of the same field, which says more. */
function decisionWarnings({ form, candidate, framework }: Pick<Props, 'form' | 'candidate' | 'framework'>): DecisionIssue[] {
  const { draft, outcome } = form;
  if (!outcome) return [];
  const input = { framework, currentLevelId: candidate.currentLevelId, targetLevelId: candidate.targetLevelId, outcome, newLevelId: form.newLevelId || null, rationale: draft.rationale, citedCriterionIds: form.cited, dissent: draft.dissent, before: form.saved };
  return validateDecision(input).warnings.filter((w) => !form.issues.some((i) => i.field === w.field));
}

function Warnings({ warnings, id }: { warnings: DecisionIssue[]; id?: string }) {
  return warnings.map((w, i) => (
    <p key={i} id={i === 0 ? id : undefined} className="field-hint decision-warning">
      <span aria-hidden="true">⚠ </span>
      {w.message}
    </p>
  ));
}

function CitedCriteria({ form, candidate, framework, coverage, p, warnings }: Omit<Props, 'formId' | 'changing' | 'finalVotes'> & { p: FieldProblems<Field>; warnings: DecisionIssue[] }) {
  const { outcome } = form;
  const criteria = candidate.targetLevelId ? criteriaOfLevel(framework, candidate.targetLevelId) : [];
  const otherCriteria = outcome === 'promote-other' && form.newLevelId ? criteriaOfLevel(framework, form.newLevelId) : [];
  const codes = criterionCodes(framework);
  const ready = new Set(readyCriteria(coverage, candidate));
  return (
    <fieldset className="decision-cited" {...p.group('citedCriterionIds')}>
      <legend>Criteria the decision rests on</legend>
      <p className="field-hint">
        {outcome === 'not-yet' || outcome === 'defer'
          ? 'Pre-ticked: the criteria not yet ready, which the next steps are about.'
          : 'Pre-ticked: criteria assessed “consistently” with evidence in at least two quarters (Ready).'}
      </p>
      {[...criteria, ...otherCriteria].map((c) => (
        <label key={c.id} className="decision-criterion">
          <input type="checkbox" checked={form.cited.includes(c.id)} onChange={(e) => form.toggleCited(c.id, e.target.checked)} />
          <span>
            <span className="criterion-code">{codes.get(c.id)}</span> {c.text}
            {ready.has(c.id) ? <span className="tag">Ready</span> : null}
          </span>
        </label>
      ))}
      <Warnings warnings={warnings} />
      {p.error('citedCriterionIds')}
    </fieldset>
  );
}

export function DecisionFormFields(props: Props) {
  const { formId, form, candidate, framework, changing, finalVotes } = props;
  const suggested = finalVotes?.majority ?? null;
  const { draft, outcome, update } = form;
  const againstVotes = decisionAgainstVotes({ outcome, newLevelId: form.newLevelId || null }, finalVotes, framework);
  // The short-rationale warning waits until the person leaves the field: while they type, every rationale starts short.
  const [typingRationale, setTypingRationale] = useState(false);
  const warnings = decisionWarnings(props);
  const rationaleWarnings = typingRationale ? [] : warnings.filter((w) => w.field === 'rationale');
  const dissentWarnings = warnings.filter((w) => w.field === 'dissent');
  // Each field's problems from the last save, said once each.
  const p = fieldProblems<Field>(formId, (field) => [...new Set(form.issues.filter((i) => i.field === field).map((i) => i.message))].join(' '));
  return (
    <form className="decision-form" onSubmit={(e) => void form.submit(e)} noValidate>
      <DecisionFailure form={form} />
      <fieldset id={DECISION_OUTCOME_ID} className="decision-outcome" {...p.group('outcome')}>
        <legend>Outcome</legend>
        <div className="vote-options">
          {OUTCOME_CHOICES.map((o) => (
            <label key={o.value} className="vote-option">
              <input type="radio" name={`${formId}-outcome`} value={o.value} checked={outcome === o.value} onChange={() => form.pickOutcome(o.value)} />
              {o.label}
            </label>
          ))}
        </div>
        {suggested && !changing && draft.outcome === null ? <p className="field-hint">Pre-selected from the final votes’ majority ({outcomeLabel(suggested)}).</p> : null}
        {againstVotes ? <p className="field-hint decision-warning">{againstVotes}</p> : null}
        {p.error('outcome')}
      </fieldset>
      {outcome === 'promote-other' ? (
        <div className="decision-field">
          <label htmlFor={`${formId}-newLevelId`}>Level granted</label>
          <select {...p.field('newLevelId')} value={form.newLevelId} onChange={(e) => update({ newLevelId: e.target.value })}>
            <LevelOptions groups={promoteOtherChoices(framework, candidate)} />
          </select>
          {p.error('newLevelId')}
        </div>
      ) : null}
      <div className="decision-field">
        <label htmlFor={`${formId}-rationale`}>Rationale (required)</label>
        <textarea
          rows={3}
          {...p.field('rationale', [`${formId}-rationale-hint`, rationaleWarnings.length ? `${formId}-rationale-warning` : ''].join(' ').trim())}
          value={draft.rationale}
          onChange={(e) => update({ rationale: e.target.value })}
          onFocus={() => setTypingRationale(true)}
          onBlur={() => setTypingRationale(false)}
        />
        <span className="field-hint" id={`${formId}-rationale-hint`}>
          Which criteria the decision rests on and why, as the committee would explain it to the candidate.
        </span>
        <Warnings warnings={rationaleWarnings} id={`${formId}-rationale-warning`} />
        {p.error('rationale')}
      </div>
      <CitedCriteria {...props} p={p} warnings={warnings.filter((w) => w.field === 'citedCriterionIds')} />
      <div className="decision-field">
        <label htmlFor={`${formId}-nextSteps`}>Next steps (one per line)</label>
        <textarea rows={4} {...p.field('nextSteps', `${formId}-nextSteps-hint`)} value={form.nextSteps} onChange={(e) => update({ nextSteps: e.target.value, nextStepsTouched: true })} />
        <span className="field-hint" id={`${formId}-nextSteps-hint`}>
          Required for Not yet and Defer (at least one), pre-filled from the criteria that are not ready and the current level’s “not yet” items.
        </span>
        {p.error('nextSteps')}
      </div>
      <div className="decision-field">
        <label htmlFor={`${formId}-dissent`}>Dissent (optional)</label>
        <textarea {...p.field('dissent', dissentWarnings.length ? `${formId}-dissent-warning` : undefined)} rows={2} value={draft.dissent} onChange={(e) => update({ dissent: e.target.value })} />
        <Warnings warnings={dissentWarnings} id={`${formId}-dissent-warning`} />
      </div>
      <DecisionActions form={form} changing={changing} candidateName={candidate.name} />
    </form>
  );
}
