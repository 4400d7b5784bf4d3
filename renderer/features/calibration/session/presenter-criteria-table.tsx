/**
 * The target level's criteria as one compact table for the full-screen
 * presenter: each criterion with the manager's rating (glyph and word) and
 * its evidence (sustained or not, quarters, items), one row each, so a
 * 1024×768 projector shows the whole level without scrolling.
 */
import { evidenceCountLine, type PresenterCriterion } from '../../../../shared/calibration/presenter-model';
import type { Framework } from '../../../../shared/domain';
import type { Readiness } from '../../../../shared/rules/readiness';
import { RATING_VIEW, criterionCodes, levelName, plural } from './labels';

export function PresenterCriteriaTable({ framework, targetLevelId, criteria, readiness }: { framework: Framework; targetLevelId: string | null; criteria: PresenterCriterion[]; readiness: Readiness }) {
  const codes = criterionCodes(framework);
  if (criteria.length === 0) return <p className="muted">The target level has no criteria in this framework.</p>;
  const ready = new Set(readiness.readyCriterionIds);
  return (
    <table className="pf-criteria">
      <caption className="visually-hidden">Criteria of {levelName(framework, targetLevelId)} with the manager’s rating and the evidence</caption>
      <thead>
        <tr>
          <th scope="col">Criterion</th>
          <th scope="col">Rating</th>
          <th scope="col">Evidence</th>
        </tr>
      </thead>
      <tbody>
        {criteria.map(({ criterion: c, row }) => {
          const rating = row?.rating ?? 'none';
          const quarters = row?.quarters.length ?? 0;
          return (
            <tr key={c.id}>
              <th scope="row">
                <span className="criterion-code">{codes.get(c.id)}</span> {c.text}
                {ready.has(c.id) ? <span className="tag">Ready</span> : null}
              </th>
              <td className={`rating rating-${rating}`}>
                <span aria-hidden="true">{RATING_VIEW[rating].glyph} </span>
                {RATING_VIEW[rating].label}
              </td>
              <td>
                <span aria-hidden="true">{row?.sustained ? '✓ ' : '✗ '}</span>
                {row?.sustained ? 'Sustained' : 'Not sustained'}
                <span className="pf-evidence-count">
                  {plural(quarters, 'quarter')} · {evidenceCountLine(row, 'item')}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
