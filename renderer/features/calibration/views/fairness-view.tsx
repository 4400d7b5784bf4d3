/**
 * Fairness: do outcomes differ between groups? For each optional group
 * attribute on the candidates (gender, location, …), the promotion rate and
 * the readiness rate of each group with its n, the impact ratio against the
 * group with the highest rate, and a flag below 0.8 (the four-fifths rule).
 * Small groups are suppressed by fairnessReport() and shown as "fewer than
 * 5" with no rate, so no individual can be singled out.
 *
 * Blind mode: group values are shown through the session's pseudonyms, and
 * the rule sentences (which name groups) are rewritten to the same
 * pseudonyms; rows then sort by pseudonym, so the order betrays nothing.
 */
import { useId, useMemo } from 'react';
import { compareNames, formatPercent } from '../../../../shared/calibration/common';
import { NOT_GIVEN, fairnessReport, type AttributeFairness, type FairnessMetric, type FairnessPoint, type FairnessReport } from '../../../../shared/calibration/fairness';
import type { BlindNames } from '../../../../shared/calibration/pseudonyms';
import { EmptyState } from '../../../components/empty-state';
import { useDisplayNames, useSessionData, type SessionData } from '../use-session-data';
import { ChartFigure, FairnessChart } from './chart-figure';
import { Explain } from './explain';
import { OKABE_ITO } from './palette';
import { SessionGate } from './session-gate';
import './views.css';

export function FairnessView({ sessionId }: { sessionId: string }) {
  const data = useSessionData(sessionId);
  const names = useDisplayNames(data);
  if (!data) return <SessionGate data={data} what="the fairness view" />;
  return <Fairness data={data} names={names} />;
}

type Label = (group: string) => string;

const LEGEND = [
  { label: 'Promotion rate', color: OKABE_ITO.blue },
  { label: 'Readiness rate', color: OKABE_ITO.bluishGreen },
];

/** The rule sentence of one bar with group values replaced by the names shown (blind mode). */
function shownRule(point: FairnessPoint, metric: FairnessMetric, label: Label): string {
  let rule = point.rule;
  const own = `${point.group}:`;
  if (rule.startsWith(own)) rule = `${label(point.group)}:${rule.slice(own.length)}`;
  if (metric.reference !== null) rule = rule.split(`(${metric.reference}) =`).join(`(${label(metric.reference)}) =`);
  return rule;
}

/** Truncated, not rounded, so a flagged ratio never reads as 0.80. */
function impactText(ratio: number): string {
  return (Math.floor(ratio * 100 + 1e-9) / 100).toFixed(2);
}

function Fairness({ data, names }: { data: SessionData; names: BlindNames }) {
  const headingId = useId();
  const hasGroups = data.candidates.some((c) => !c.archived && Object.keys(c.groups).length > 0);
  const report = useMemo(() => fairnessReport({ candidates: data.candidates, decisions: data.decisions, coverage: data.coverage }), [data]);

  if (!hasGroups || report.attributes.length === 0) {
    return (
      <section className="cv-view cv-fairness" aria-labelledby={headingId}>
        <h2 id={headingId} className="visually-hidden">
          Fairness
        </h2>
        <EmptyState title="No group attributes to compare">
          <p>
            This view compares outcomes between groups of candidates: for each attribute (for example gender or location), the promotion rate and the readiness
            rate of each group, and flags a group whose rate is below four-fifths of the highest (the four-fifths rule).
          </p>
          <p>
            Group attributes are optional on candidates, and none of this session’s candidates has any. Add them on a candidate’s page to see this view. Groups
            with fewer than {report.params.minGroupSize} candidates are never shown.
          </p>
        </EmptyState>
      </section>
    );
  }
  const first = report.attributes[0];

  return (
    <section className="cv-view cv-fairness" aria-labelledby={headingId}>
      <h2 id={headingId}>Fairness: outcomes by group</h2>
      <p className="cv-lede">
        Promotion and readiness rates per group, each against the group with the highest rate. A flag asks the committee to look again at the decisions and the
        evidence behind them while it can still act.
      </p>
      {first ? (
        <div className="cv-rules">
          <h3>How these figures are computed</h3>
          <p>{first.promotion.rule}</p>
          <p>{first.readiness.rule}</p>
        </div>
      ) : null}
      {report.attributes.map((a) => (
        <AttributeSection key={a.attribute} fairness={a} params={report.params} blind={data.session.blind} names={names} />
      ))}
    </section>
  );
}

function AttributeSection({ fairness, params, blind, names }: { fairness: AttributeFairness; params: FairnessReport['params']; blind: boolean; names: BlindNames }) {
  const headingId = useId();
  const { attribute } = fairness;
  const label: Label = (g) => (g === NOT_GIVEN ? NOT_GIVEN : names.group(attribute, g));
  const order = (series: readonly FairnessPoint[]) =>
    blind ? [...series].sort((a, b) => (a.group === NOT_GIVEN ? 1 : b.group === NOT_GIVEN ? -1 : compareNames(label(a.group), label(b.group)))) : [...series];
  const promotion = order(fairness.promotion.series);
  const readinessOf = new Map(fairness.readiness.series.map((p) => [p.group, p]));
  const chartData = promotion.map((p) => ({ group: label(p.group), promotion: p.rate, readiness: readinessOf.get(p.group)?.rate ?? null }));
  const hidden = [...fairness.promotion.series, ...fairness.readiness.series].some((p) => p.suppressed);

  return (
    <section className="cv-attribute" aria-labelledby={headingId}>
      <h3 id={headingId}>By {attribute}</h3>
      <div className="cv-metric-pair">
        <MetricTable title={`Promotion rate by ${attribute}`} metric={fairness.promotion} series={promotion} label={label} params={params} what="promoted of decided" />
        <MetricTable title={`Readiness rate by ${attribute}`} metric={fairness.readiness} series={order(fairness.readiness.series)} label={label} params={params} what="ready of all" />
      </div>
      {chartData.some((d) => (d.promotion ?? 0) > 0 || (d.readiness ?? 0) > 0) ? (
        <ChartFigure
          caption={`Promotion and readiness rate by ${attribute}`}
          summary={`Grouped bar chart of the rates in the tables above: ${chartData
            .map((d) => `${d.group}: promotion ${d.promotion === null ? 'not shown' : formatPercent(d.promotion)}, readiness ${d.readiness === null ? 'not shown' : formatPercent(d.readiness)}`)
            .join('; ')}.`}
          legend={hidden ? [...LEGEND, { label: `No bar: fewer than ${params.minGroupSize}, not shown`, color: '#ffffff' }] : LEGEND}
        >
          <FairnessChart data={chartData} />
        </ChartFigure>
      ) : (
        <p className="cv-empty-note">No chart for {attribute}: every rate shown is 0% or its group is too small to show.</p>
      )}
    </section>
  );
}

function MetricTable({
  title,
  metric,
  series,
  label,
  params,
  what,
}: {
  title: string;
  metric: FairnessMetric;
  series: readonly FairnessPoint[];
  label: Label;
  params: FairnessReport['params'];
  what: string;
}) {
  return (
    <div className="cv-table-wrap">
      <table className="data-table cv-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col" className="num">
              Rate
            </th>
            <th scope="col" className="num">
              n
            </th>
            <th scope="col" className="num">
              Impact ratio
            </th>
            <th scope="col">Flag</th>
          </tr>
        </thead>
        <tbody>
          {series.map((p) => {
            const name = label(p.group);
            return (
              <tr key={p.group}>
                <th scope="row">{name}</th>
                <td className="num">{p.rate === null ? <span className="cv-none">—</span> : formatPercent(p.rate)}</td>
                <td className="num">{p.suppressed ? <span className="cv-none">{p.nLabel}</span> : p.nLabel}</td>
                <td className="num">{p.impactRatio === null ? <span className="cv-none">—</span> : impactText(p.impactRatio)}</td>
                <td className="cv-flag-cell">
                  {p.flagged ? (
                    <span className="cv-flag cv-flag-impact">
                      <span aria-hidden="true">⚑</span> below {params.impactThreshold} (four-fifths rule)
                    </span>
                  ) : p.reference ? (
                    <span className="tag">reference</span>
                  ) : p.suppressed ? (
                    <span className="cv-none">not shown</span>
                  ) : null}{' '}
                  <Explain what={`${what} for ${name}`} rule={shownRule(p, metric, label)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
