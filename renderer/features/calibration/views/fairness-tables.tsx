/**
 * The fairness tables: promotion statistics per group (counts, rate with its
 * interval, impact ratio with its interval, Fisher p and Holm-adjusted p,
 * status) and the readiness rate. Every figure is the model's own text
 * (shared/calibration/fairness-format.ts), so the table and the rule beside
 * it never round differently.
 */
import { STATUS_LABEL, type FairnessStatus, type GroupFairness, type PromotionFairness } from '../../../../shared/calibration/fairness';
import type { FairnessMetric } from '../../../../shared/calibration/fairness-readiness';
import { Explain } from './explain';

const STATUS_CLASS: Record<FairnessStatus, string> = { adverse: 'cv-flag cv-flag-impact', 'too-few': 'cv-flag cv-flag-lenient', 'significant-above': 'cv-flag cv-flag-strict' };

export function StatusText({ g }: { g: GroupFairness }) {
  if (g.status === null) return g.reference ? <span className="tag">reference</span> : null;
  return (
    <span className={STATUS_CLASS[g.status]}>
      {g.status === 'adverse' ? <span aria-hidden="true">⚑ </span> : null}
      {STATUS_LABEL[g.status]}
      {g.status === 'too-few' && g.toLift !== null ? ` (${g.toLift} more would reach 0.8)` : ''}
    </span>
  );
}

const none = <span className="cv-none">—</span>;
const orNone = (text: string) => (text === '—' ? none : text);

export function PromotionTable({ title, promotion }: { title: string; promotion: PromotionFairness }) {
  return (
    <div className="cv-table-wrap">
      <table className="data-table cv-table cv-fairness-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col" className="num">Promoted of n</th>
            <th scope="col" className="num">Deferred</th>
            <th scope="col" className="num">Undecided</th>
            <th scope="col" className="num">Rate (95% interval)</th>
            <th scope="col" className="num">Impact ratio (95% interval)</th>
            <th scope="col" className="num">p (Holm)</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {promotion.groups.map((g) =>
            g.suppressed || g.counts === null ? (
              <tr key={g.group}>
                <th scope="row">{g.group}</th>
                <td colSpan={6}>
                  <span className="cv-none">{g.hiddenLabel}</span>
                </td>
                <td className="cv-flag-cell">
                  <span className="cv-none">not shown</span> <Explain what={`promotion figures for ${g.group}`} rule={g.rule} />
                </td>
              </tr>
            ) : (
              <tr key={g.group}>
                <th scope="row">{g.group}</th>
                <td className="num">
                  {g.counts.promoted} of {g.counts.n}
                </td>
                <td className="num">{g.text.deferred}</td>
                <td className="num">{g.text.undecided}</td>
                <td className="num">{g.rate === null ? none : `${g.text.rate} (${g.text.rateInterval})`}</td>
                <td className="num">{g.impactRatio === null ? none : g.reference ? g.text.impactRatio : `${g.text.impactRatio} (${g.text.ratioInterval})`}</td>
                <td className="num">{g.p === null ? none : `${orNone(g.text.p)} (${g.text.pAdjusted})`}</td>
                <td className="cv-flag-cell">
                  <StatusText g={g} /> <Explain what={`promotion figures for ${g.group}`} rule={g.rule} />
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

export function ReadinessTable({ title, metric }: { title: string; metric: FairnessMetric }) {
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
