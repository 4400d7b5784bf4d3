/**
 * The fairness tables: promotion statistics per group (counts, rate with its
 * interval, impact ratio with its interval, Fisher p and Holm-adjusted p,
 * status; group-table.tsx) and the readiness rate. Every figure is the model's own text
 * (shared/calibration/fairness-format.ts), so the table and the rule beside
 * it never round differently.
 */
import type { PromotionFairness } from '../../../../shared/calibration/fairness';
import type { FairnessMetric } from '../../../../shared/calibration/fairness-readiness';
import { Explain } from './explain';
import { GroupTable } from './group-table';

const none = <span className="cv-none">—</span>;
const orNone = (text: string) => (text === '—' ? none : text);

/** Promotion by group (group-table.tsx, the same table the decision book prints). */
export function PromotionTable({ title, promotion }: { title: string; promotion: PromotionFairness }) {
  return <GroupTable kind="promotion" title={title} fairness={promotion} />;
}

export function ReadinessTable({ title, metric }: { title: string; metric: FairnessMetric }) {
  // No rows: said in words (a re-test found the headers over an empty body, the reason only in a rule never shown).
  if (metric.series.length === 0)
    return (
      <p className="cv-empty-note">
        {title}: {metric.withheld ?? 'no group to show.'}
      </p>
    );
  return (
    <div className="cv-table-wrap">
      <table className="data-table cv-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col" className="num">Rate (95% interval)</th>
            <th scope="col" className="num">n</th>
            <th scope="col" className="num">Ratio to highest</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {metric.series.map((p) => (
            <tr key={p.group}>
              <th scope="row">{p.group}</th>
              <td className="num">{orNone(p.rateText)}</td>
              <td className="num">{p.suppressed ? <span className="cv-none">{p.nLabel}</span> : p.nLabel}</td>
              <td className="num">{orNone(p.ratioText)}</td>
              <td className="cv-flag-cell">
                {p.reference ? <span className="tag">reference</span> : null} <Explain what={`ready of all for ${p.group}`} rule={p.rule} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
