/**
 * Managers: how each manager of the session's candidates rates, against
 * everyone else at the same levels, so the committee can weigh a packet
 * against the criteria rather than its manager's enthusiasm. A table first
 * (every figure with its rule and inputs one click away), then the same
 * rating shares as a chart, loaded lazily.
 */
import { useId, useMemo } from 'react';
import { compareNames, formatPercent } from '../../../../shared/calibration/common';
import { assessmentSeries, LENIENCY_MIN_CANDIDATES, LENIENCY_STATUS_TEXT, LENIENCY_THRESHOLD, managerCalibration } from '../../../../shared/calibration/managers';
import type { BlindNames } from '../../../../shared/calibration/pseudonyms';
import { EmptyState } from '../../../components/empty-state';
import { plural } from '../../../../shared/util/plural';
import { useDisplayNames, useSessionData, type SessionData } from '../use-session-data';
import { ChartFigure, ManagersChart } from './chart-figure';
import { BAR_FILL, ManagerRow, RATINGS } from './manager-row';
import { RATING_TEXT } from './rating';
import { SessionGate } from './session-gate';
import './views.css';

export function ManagersView({ sessionId }: { sessionId: string }) {
  const data = useSessionData(sessionId);
  const names = useDisplayNames(data);
  if (!data) return <SessionGate data={data} what="the managers view" />;
  return <Managers data={data} names={names} />;
}

function Managers({ data, names }: { data: SessionData; names: BlindNames }) {
  const headingId = useId();
  const calibration = useMemo(
    () => managerCalibration({ candidates: data.candidates, coverage: data.coverage, packets: data.packets, decisions: data.decisions, framework: data.framework }),
    [data],
  );
  // Sorted by the name shown, so in blind mode the order betrays nothing.
  const rows = useMemo(
    () => calibration.managers.map((stats) => ({ stats, name: names.manager(stats.manager) })).sort((a, b) => compareNames(a.name, b.name)),
    [calibration, names],
  );
  const chartData = useMemo(
    () =>
      rows.map(({ stats, name }) => {
        const own = assessmentSeries(stats)[0];
        return { who: name, 'not-yet': own?.['not-yet'] ?? 0, partially: own?.partially ?? 0, consistently: own?.consistently ?? 0 };
      }),
    [rows],
  );

  if (rows.length === 0) {
    return (
      <EmptyState title="No managers to compare">
        <p>This view compares how each manager rates their candidates against how other managers rate at the same levels. This session has no candidates yet.</p>
      </EmptyState>
    );
  }
  const flagged = rows.filter((r) => r.stats.leniency.status === 'lenient' || r.stats.leniency.status === 'strict').length;
  const model = calibration.model;

  return (
    <section className="cv-view cv-managers" aria-labelledby={headingId}>
      <h2 id={headingId}>Managers: who rates differently</h2>
      <p className="cv-lede">
        How each manager rates their candidates against the criteria, compared with other managers at the same target levels, and how often their “consistently”
        has sustained evidence behind it. A flag is an indication to read that manager’s packets more closely, not a finding about the manager.
      </p>
      <div className="cv-rules">
        <h3>How leniency is estimated</h3>
        <p>{calibration.flagRule}</p>
        <p>
          What the estimate can and cannot tell: with {LENIENCY_MIN_CANDIDATES} to 8 rated candidates per manager, its 95% interval is wide, about ±0.2 to ±0.4, wider
          than the {LENIENCY_THRESHOLD.toFixed(2)} threshold. So most managers will read “{LENIENCY_STATUS_TEXT['too-few']}” or “
          {LENIENCY_STATUS_TEXT['no-clear-difference']}”, and no flag is not proof that a manager rates like the others. Nor can it fully separate a lenient manager
          from one whose candidates are strong. These figures are an indication to look closer, not a finding, and not legal advice.
        </p>
        <p>
          {model.ok
            ? `${plural(model.candidates, 'rated candidate')}, ${plural(model.managers, 'manager')}, ${plural(model.levels, 'level')}. ${
                model.tau2 === 0 ? `Managers differ no more than chance would make them, so every estimate is 0, with no interval (the table shows it for managers with at least ${LENIENCY_MIN_CANDIDATES} rated candidates): that does not show they rate alike, only that these candidates cannot tell them apart.` : 'The managers’ averages spread a little more than chance alone would predict, so each estimate keeps part of its difference. That is not a test that they differ: with few candidates it often happens by chance; each manager’s interval and status say how sure a figure is.'
              }`
            : `No estimate: ${model.reason}.`}{' '}
          {flagged === 0 ? 'No manager is flagged.' : `${flagged} flagged.`}
        </p>
      </div>
      <div className="cv-table-wrap">
        <table className="data-table cv-table">
          <caption>Ratings, leniency and outcomes by manager</caption>
          <thead>
            <tr>
              <th scope="col">Manager</th>
              <th scope="col" className="num">
                Candidates
              </th>
              <th scope="col">Ratings given</th>
              <th scope="col" className="num">
                Leniency (95% interval)
              </th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                “Consistently” without sustained evidence
              </th>
              <th scope="col" className="num">
                Submitted packets promoted
              </th>
              <th scope="col" className="num">
                Readiness − promoted
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ stats, name }) => (
              <ManagerRow key={stats.manager} stats={stats} name={name} />
            ))}
          </tbody>
        </table>
      </div>
      <ChartFigure
        caption="Share of rated criteria by rating, per manager"
        summary={`Stacked bar chart of each manager’s ratings as shares; the same counts are in the table above. ${rows
          .map(({ stats, name }) => `${name}: ${RATINGS.map((r) => `${formatPercent(stats.assessments.own.shares[r])} ${RATING_TEXT[r].label.toLowerCase()}`).join(', ')}`)
          .join('; ')}.`}
        legend={RATINGS.map((r) => ({ label: `${RATING_TEXT[r].glyph} ${RATING_TEXT[r].label}`, color: BAR_FILL[r] }))}
      >
        <ManagersChart data={chartData} />
      </ChartFigure>
    </section>
  );
}
