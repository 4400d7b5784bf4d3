/** A recorded decision as text: outcome, rationale, the criteria cited, next steps and any dissent. */
import { inLadderOrder, type Decision, type Framework } from '../../../../shared/domain';
import { criterionCodes, levelName, outcomeLabel } from './labels';

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
    </dl>
  );
}
