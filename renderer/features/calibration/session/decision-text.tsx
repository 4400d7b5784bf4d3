/**
 * A recorded decision as text: outcome, rationale, the criteria cited, next steps and any dissent; under the outcome,
 * the lines the decision book prints with it: what it was before a reopen changed it, and that it departs from the
 * final votes (or was made without them), so the screen never reads cleaner than the record.
 */
import { earlierDecisionLine } from '../../../../shared/calibration/decision-helpers';
import { departureLine, type FinalVotes } from '../../../../shared/calibration/votes';
import { inLadderOrder, type Decision, type Framework } from '../../../../shared/domain';
import { userTimeZone } from '../../../../shared/util/dates';
import { criterionCodes, levelName, outcomeLabel } from './labels';
import { formatDate, formatInstant } from '../../../components/dates';

export function DecisionText({ decision, framework, finalVotes = null }: { decision: Decision; framework: Framework; finalVotes?: FinalVotes | null }) {
  const codes = criterionCodes(framework);
  const text = new Map(framework.criteria.map((c) => [c.id, c.text]));
  const timeZone = userTimeZone();
  const notes = [...(decision.earlier ?? []).map((e) => earlierDecisionLine(framework, e, timeZone, formatDate)), departureLine(decision, finalVotes, framework)].filter((l): l is string => l !== null);
  return (
    <dl className="decision-text">
      <dt>Outcome</dt>
      <dd>
        <strong>{outcomeLabel(decision.outcome)}</strong>
        {decision.newLevelId ? ` · ${levelName(framework, decision.newLevelId)}` : ''}
        {decision.locked ? <span className="tag">Locked</span> : null}
        {notes.map((line) => (
          <span key={line} className="decision-warning decision-note">
            {line}
          </span>
        ))}
      </dd>
      <dt>Rationale</dt>
      <dd className="decision-prose">{decision.rationale}</dd>
      <dt>Criteria cited</dt>
      <dd>
        {decision.citedCriterionIds.length === 0 ? (
          'None'
        ) : (
          <ul>
            {inLadderOrder(framework, decision.citedCriterionIds).map((id) => (
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
      {decision.decidedBy ? (
        <>
          <dt>Recorded by</dt>
          <dd>
            {decision.decidedBy}, {formatInstant(decision.decidedAt)}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
