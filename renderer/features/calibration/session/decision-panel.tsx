/**
 * The committee's decision on the candidate on screen: outcome (a level for
 * Promote to another level), the rationale (required), the criteria it rests
 * on (pre-ticked with the criteria assessed "consistently" with sustained
 * evidence), next steps (required for Not yet and Defer, and pre-filled from
 * what is still missing, one per line, whenever the outcome is switched to
 * one of them with no steps written, a changed decision included) and any
 * dissent. The level for Promote to another level is offered only among the
 * promotions from the current level (shared/rules/promotion-levels.ts). Saved with saveDecision, whose
 * refusals are shown beside the fields they are about. A finalized session
 * shows the decision as text.
 */
import { useSessionWrites } from '../../connected/session-writes';
import { useId, useState, type FormEvent } from 'react';
import { nextStepsFor, validateDecision, type DecisionIssue } from '../../../../shared/calibration/decision-helpers';
import type { Candidate, Decision, Framework, Outcome } from '../../../../shared/domain';
import { criteriaOfLevel } from '../../../../shared/domain/framework';
import type { CriterionCoverageRow } from '../../../../shared/packets/coverage';
import { promoteOtherChoices } from '../../../../shared/rules/promotion-levels';
import { isReadyCriterion } from '../../../../shared/rules/readiness';
import { LevelOptions } from '../../../components/level-options';
import { useKeptDraft } from '../../../state/kept-draft';
import { useUiStore } from '../../../state/ui-store';
import { OUTCOME_CHOICES, criterionCodes, levelName, outcomeLabel } from './labels';

export const DECISION_PANEL_ID = 'presenter-decision';
const DECISION_OUTCOME_ID = 'presenter-decision-outcome';

interface Draft {
  outcome: Outcome | null;
  newLevelId: string;
  rationale: string;
  cited: string[];
  nextSteps: string;
  nextStepsTouched: boolean;
  dissent: string;
}

/** The criteria that count toward readiness (the shared rule), to pre-tick as cited. */
function readyCriteria(coverage: readonly CriterionCoverageRow[], candidate: Candidate): string[] {
  return coverage.filter((r) => r.candidateId === candidate.id && r.targetLevelId === candidate.targetLevelId && isReadyCriterion(r)).map((r) => r.criterionId);
}

/**
 * A new draft, or the saved decision to change. In blind mode the saved
 * decision comes in its blind form (names replaced by pseudonyms, what the
 * screen may show), so saving the change keeps the pseudonyms.
 */
function initialDraft(candidate: Candidate, coverage: readonly CriterionCoverageRow[], decision: Decision | undefined): Draft {
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
  return {
    outcome: null,
    newLevelId: '',
    rationale: '',
    cited: readyCriteria(coverage, candidate),
    nextSteps: '',
    nextStepsTouched: false,
    dissent: '',
  };
}

export function DecisionText({ decision, framework }: { decision: Decision; framework: Framework }) {
  const codes = criterionCodes(framework);
  const text = new Map(framework.criteria.map((c) => [c.id, c.text]));
  return (
    <dl className="decision-text">
      <dt>Outcome</dt>
      <dd>
        <strong>{outcomeLabel(decision.outcome)}</strong>
        {decision.newLevelId ? ` · ${levelName(framework, decision.newLevelId)}` : ''}
        {decision.locked ? <span className="tag">Locked</span> : null}
      </dd>
      <dt>Rationale</dt>
      <dd className="decision-prose">{decision.rationale}</dd>
      <dt>Criteria cited</dt>
      <dd>
        {decision.citedCriterionIds.length === 0 ? (
          'None'
        ) : (
          <ul>
            {decision.citedCriterionIds.map((id) => (
              <li key={id}>
                <span className="criterion-code">{codes.get(id) ?? '?'}</span> {text.get(id) ?? 'A criterion no longer in the framework'}
              </li>
            ))}
          </ul>
        )}
      </dd>
      {decision.nextSteps.length > 0 ? (
        <>
          <dt>Next steps</dt>
          <dd>
            <ul>
              {decision.nextSteps.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {decision.dissent ? (
        <>
          <dt>Dissent</dt>
          <dd className="decision-prose">{decision.dissent}</dd>
        </>
      ) : null}
    </dl>
  );
}

export function DecisionPanel({
  sessionId,
  candidate,
  framework,
  coverage,
  decision,
  suggested,
  readOnly,
  blind,
}: {
  sessionId: string;
  candidate: Candidate;
  framework: Framework;
  coverage: readonly CriterionCoverageRow[];
  decision: Decision | undefined;
  /** The final votes' majority, offered as the outcome of a new decision. */
  suggested: Outcome | null;
  readOnly: boolean;
  /** The session is blind: the decision comes with names replaced. */
  blind: boolean;
}) {
  const id = useId();
  const announce = useUiStore((s) => s.announce);
  const writes = useSessionWrites(sessionId);
  // Kept per session and candidate until saved or cancelled, so moving to another candidate or leaving the presenter loses no typing.
  const { draft, kept, setDraft, clear: clearDraft } = useKeptDraft<Draft>(`decision:${sessionId}:${candidate.id}`, () => initialDraft(candidate, coverage, decision));
  const [editing, setEditing] = useState(!decision || kept);
  const [issues, setIssues] = useState<DecisionIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
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
  if (readOnly || (decision && !editing) || (savedAt !== null && !editing)) {
    return (
      <section className="presenter-panel" id={DECISION_PANEL_ID} aria-labelledby={`${id}-title`}>
        <div className="presenter-panel-head">
          <h3 id={`${id}-title`}>Decision</h3>
          {savedAt ? (
            <p className="decision-saved" role="status">
              <span aria-hidden="true">✓ </span>Decision saved
            </p>
          ) : null}
        </div>
        {decision && caughtUp ? (
          <DecisionText decision={decision} framework={framework} />
        ) : savedAt !== null ? (
          <p className="muted">Showing the saved decision…</p>
        ) : (
          <p className="muted">No decision was recorded.</p>
        )}
        {readOnly || !decision || !caughtUp ? null : (
          <p className="decision-actions">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setDraft(initialDraft(candidate, coverage, decision));
                setSavedAt(null);
                setEditing(true);
              }}
            >
              Change decision
            </button>
          </p>
        )}
      </section>
    );
  }

  // Until someone picks an outcome, a new decision follows the final votes' majority; next steps follow the outcome until edited.
  const outcome = draft.outcome ?? (decision ? null : suggested);
  const nextSteps = draft.nextStepsTouched ? draft.nextSteps : outcome === 'not-yet' || outcome === 'defer' ? nextStepsFor(framework, candidate, coverage).join('\n') : '';
  const criteria = candidate.targetLevelId ? criteriaOfLevel(framework, candidate.targetLevelId) : [];
  const otherCriteria = outcome === 'promote-other' && draft.newLevelId ? criteriaOfLevel(framework, draft.newLevelId) : [];
  const codes = criterionCodes(framework);
  const ready = new Set(readyCriteria(coverage, candidate));
  const otherLevels = promoteOtherChoices(framework, candidate);
  const issueOf = (field: DecisionIssue['field']) => issues.filter((i) => i.field === field);
  const fieldError = (field: DecisionIssue['field']) => {
    const list = issueOf(field);
    return list.length > 0 ? (
      <span className="field-error" id={`${id}-${field}-error`}>
        {[...new Set(list.map((i) => i.message))].join(' ')}
      </span>
    ) : null;
  };
  const invalid = (field: DecisionIssue['field']) => (issueOf(field).length > 0 ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-error` } : {});
  const warnings =
    outcome && !issues.length
      ? validateDecision({ framework, currentLevelId: candidate.currentLevelId, targetLevelId: candidate.targetLevelId, outcome, newLevelId: draft.newLevelId || null, rationale: draft.rationale || 'x', citedCriterionIds: draft.cited }).warnings
      : [];

  function update(patch: Partial<Draft>) {
    setDraft((d) => ({ ...d, ...patch }));
    setSavedAt(null);
  }


  /** Switching to Not yet or Defer with no steps written pre-fills them from what is missing, also when changing a saved decision. */
  function pickOutcome(value: Outcome) {
    const needsSteps = (value === 'not-yet' || value === 'defer') && nextSteps.trim() === '';
    update(needsSteps ? { outcome: value, nextStepsTouched: false } : { outcome: value });
  }

  function toggleCited(criterionId: string, on: boolean) {
    update({ cited: on ? [...draft.cited, criterionId] : draft.cited.filter((c) => c !== criterionId) });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (outcome === null) {
      setIssues([{ field: 'outcome', message: 'Choose an outcome: Promote, Not yet, Defer or Promote to another level.' }]);
      setFailure('The decision was not saved.');
      document.getElementById(DECISION_OUTCOME_ID)?.querySelector('input')?.focus();
      return;
    }
    const input = {
      sessionId,
      candidateId: candidate.id,
      outcome,
      newLevelId: outcome === 'promote-other' ? draft.newLevelId || null : null,
      rationale: draft.rationale,
      citedCriterionIds: draft.cited,
      nextSteps: nextSteps.split('\n').map((s) => s.trim()).filter(Boolean),
      dissent: draft.dissent.trim(),
    };
    setBusy(true);
    try {
      const saved = await writes.saveDecision(input, new Date().toISOString());
      setIssues([]);
      setFailure(null);
      setReplaced(decision);
      setSavedAt(saved.decidedAt);
      clearDraft();
      setEditing(false);
      announce(`Decision saved: ${outcomeLabel(saved.outcome)}.`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const found = validateDecision({ framework, currentLevelId: candidate.currentLevelId, targetLevelId: candidate.targetLevelId, ...input }).errors;
      setIssues(found);
      setFailure(found.length > 0 ? 'The decision was not saved. See the problems below.' : `The decision was not saved: ${message}`);
      const first = found[0]?.field;
      if (first === 'rationale') document.getElementById(`${id}-rationale`)?.focus();
      else if (first === 'newLevelId') document.getElementById(`${id}-level`)?.focus();
      else if (first === 'nextSteps') document.getElementById(`${id}-next`)?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="presenter-panel" id={DECISION_PANEL_ID} aria-labelledby={`${id}-title`}>
      <div className="presenter-panel-head">
        <h3 id={`${id}-title`}>Decision</h3>
        <p className="muted">{decision ? `Changing: ${outcomeLabel(decision.outcome)}` : 'Not decided yet'}</p>
      </div>
      {decision && blind ? (
        <p className="field-hint">Blind mode: any names in the saved text are shown as pseudonyms, and saving keeps the pseudonyms.</p>
      ) : null}
      <form className="decision-form" onSubmit={(e) => void submit(e)} noValidate>
        {failure ? (
          <p className="issue-list decision-failure" role="alert">
            {failure}
          </p>
        ) : null}
        <fieldset id={DECISION_OUTCOME_ID} className="decision-outcome" aria-describedby={issueOf('outcome').length ? `${id}-outcome-error` : undefined}>
          <legend>Outcome</legend>
          <div className="vote-options">
            {OUTCOME_CHOICES.map((o) => (
              <label key={o.value} className="vote-option">
                <input type="radio" name={`${id}-outcome`} value={o.value} checked={outcome === o.value} onChange={() => pickOutcome(o.value)} />
                {o.label}
              </label>
            ))}
          </div>
          {suggested && !decision && draft.outcome === null ? <p className="field-hint">Pre-selected from the final votes’ majority ({outcomeLabel(suggested)}).</p> : null}
          {fieldError('outcome')}
        </fieldset>
        {outcome === 'promote-other' ? (
          <div className="decision-field">
            <label htmlFor={`${id}-level`}>Level granted</label>
            <select id={`${id}-level`} {...invalid('newLevelId')} value={draft.newLevelId} onChange={(e) => update({ newLevelId: e.target.value })}>
              <LevelOptions groups={otherLevels} />
            </select>
            {fieldError('newLevelId')}
          </div>
        ) : null}
        <div className="decision-field">
          <label htmlFor={`${id}-rationale`}>Rationale (required)</label>
          <textarea id={`${id}-rationale`} rows={3} {...invalid('rationale')} value={draft.rationale} onChange={(e) => update({ rationale: e.target.value })} />
          <span className="field-hint">Which criteria the decision rests on and why, as the committee would explain it to the candidate.</span>
          {fieldError('rationale')}
        </div>
        <fieldset className="decision-cited" aria-describedby={issueOf('citedCriterionIds').length ? `${id}-citedCriterionIds-error` : undefined}>
          <legend>Criteria the decision rests on</legend>
          <p className="field-hint">Pre-ticked: criteria assessed “consistently” with evidence in at least two quarters.</p>
          {[...criteria, ...otherCriteria].map((c) => (
            <label key={c.id} className="decision-criterion">
              <input type="checkbox" checked={draft.cited.includes(c.id)} onChange={(e) => toggleCited(c.id, e.target.checked)} />
              <span>
                <span className="criterion-code">{codes.get(c.id)}</span> {c.text}
                {ready.has(c.id) ? <span className="tag">Ready</span> : null}
              </span>
            </label>
          ))}
          {warnings.map((w, i) => (
            <p key={i} className="field-hint decision-warning">
              <span aria-hidden="true">⚠ </span>
              {w.message}
            </p>
          ))}
          {fieldError('citedCriterionIds')}
        </fieldset>
        <div className="decision-field">
          <label htmlFor={`${id}-next`}>Next steps (one per line)</label>
          <textarea id={`${id}-next`} rows={4} {...invalid('nextSteps')} value={nextSteps} onChange={(e) => update({ nextSteps: e.target.value, nextStepsTouched: true })} />
          <span className="field-hint">Required for Not yet and Defer (at least one), pre-filled from the criteria that are not ready and the current level’s “not yet” items.</span>
          {fieldError('nextSteps')}
        </div>
        <div className="decision-field">
          <label htmlFor={`${id}-dissent`}>Dissent (optional)</label>
          <textarea id={`${id}-dissent`} rows={2} value={draft.dissent} onChange={(e) => update({ dissent: e.target.value })} />
        </div>
        <div className="decision-actions">
          <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
            Save decision
          </button>
          {decision ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                clearDraft();
                setEditing(false);
              }}
            >
              Cancel
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
