/**
 * Managers: how each manager of the session's candidates rates, against
 * everyone else at the same levels, so the committee can weigh a packet
 * against the criteria rather than its manager's enthusiasm. A table first
 * (every figure with its rule and inputs one click away), then the same
 * rating shares as a chart, loaded lazily.
 */
import { useId, useMemo } from 'react';
import { compareNames, formatPercent, formatRatio, formatSigned } from '../../../../shared/calibration/common';
import { assessmentSeries, managerCalibration, type ManagerStats } from '../../../../shared/calibration/managers';
import type { BlindNames } from '../../../../shared/calibration/pseudonyms';
import { EmptyState } from '../../../components/empty-state';
import { useDisplayNames, useSessionData, type SessionData } from '../use-session-data';
import { ChartFigure, ManagersChart } from './chart-figure';
import { Explain } from './explain';
import { COVERAGE_SCALE } from './palette';
import { RATING_TEXT } from './rating';
import { SessionGate } from './session-gate';
import './views.css';

export function ManagersView({ sessionId }: { sessionId: string }) {
  const data = useSessionData(sessionId);
  const names = useDisplayNames(data);
  if (!data) return <SessionGate data={data} what="the managers view" />;
  return <Managers data={data} names={names} />;
}

const BAR_FILL = { 'not-yet': COVERAGE_SCALE['not-yet'], partially: COVERAGE_SCALE.partially, consistently: COVERAGE_SCALE.ready } as const;
const RATINGS = ['not-yet', 'partially', 'consistently'] as const;

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
  const codeOf = useMemo(() => new Map(data.framework.levels.map((l) => [l.id, l.code])), [data.framework]);
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
  const flagged = rows.filter((r) => r.stats.flag.flagged).length;

  return (
    <section className="cv-view cv-managers" aria-labelledby={headingId}>
      <h2 id={headingId}>Managers: who rates differently</h2>
      <p className="cv-lede">
        Each manager’s ratings of their candidates against the criteria, compared level by level with the other managers’ ratings. A flag is a prompt to read
        the evidence more closely, not a verdict.
      </p>
      <div className="cv-rules">
        <h3>How the flag works</h3>
        <p>{calibration.flagRule}</p>
        <p>
          {calibration.spread.managersCompared} {calibration.spread.managersCompared === 1 ? 'manager has' : 'managers have'} a leniency figure
          {calibration.spread.median === null ? '.' : `; median ${formatSigned(calibration.spread.median)}, median absolute deviation ${formatRatio(calibration.spread.mad ?? 0)}.`}{' '}
          {flagged === 0 ? 'No manager is flagged.' : `${flagged} flagged.`}
        </p>
      </div>
      <div className="cv-table-wrap">
        <table className="data-table cv-table">
          <caption>Ratings, leniency and agreement by manager</caption>
          <thead>
            <tr>
              <th scope="col">Manager</th>
              <th scope="col" className="num">
                Candidates
              </th>
              <th scope="col">Ratings given</th>
              <th scope="col" className="num">
                Leniency
              </th>
              <th scope="col" className="num">
                Agreement
              </th>
              <th scope="col" className="num">
                Readiness − promoted
              </th>
              <th scope="col">Flag</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ stats, name }) => (
              <ManagerRow key={stats.manager} stats={stats} name={name} codeOf={codeOf} />
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

function ManagerRow({ stats, name, codeOf }: { stats: ManagerStats; name: string; codeOf: ReadonlyMap<string, string> }) {
  const own = stats.assessments.own;
  const { leniency, agreement, readinessVsOutcome: rvo, flag } = stats;
  const code = (id: string) => codeOf.get(id) ?? id;
  return (
    <tr>
      <th scope="row">{name}</th>
      <td className="num">{stats.candidateIds.length}</td>
      <td>
        <span className="cv-bar" aria-hidden="true">
          {RATINGS.map((r) => (own.shares[r] > 0 ? <span key={r} style={{ width: `${own.shares[r] * 100}%`, background: BAR_FILL[r] }} /> : null))}
        </span>
        <span className="cv-counts">
          {RATINGS.map((r) => (
            <span key={r}>
              <span aria-hidden="true">{RATING_TEXT[r].glyph}</span>
              <span className="visually-hidden">{RATING_TEXT[r].label}</span> {own[r]}{' '}
            </span>
          ))}
          <span className="muted">of {own.rated} rated</span>
          {own.unassessed > 0 ? <span className="muted"> · {own.unassessed} not assessed</span> : null}
        </span>
      </td>
      <td className="num">
        {leniency.value === null ? <span className="cv-none">—</span> : formatSigned(leniency.value)}{' '}
        <Explain what={`leniency of ${name}`} rule={leniency.rule}>
          {leniency.inputs.levels.length > 0 ? (
            <table className="cv-inputs">
              <caption className="visually-hidden">Leniency inputs by target level</caption>
              <thead>
                <tr>
                  <th scope="col">Level</th>
                  <th scope="col" className="num">
                    Candidates
                  </th>
                  <th scope="col" className="num">
                    Own mean (ratings)
                  </th>
                  <th scope="col" className="num">
                    Others’ mean (ratings)
                  </th>
                  <th scope="col" className="num">
                    Difference
                  </th>
                </tr>
              </thead>
              <tbody>
                {leniency.inputs.levels.map((l) => (
                  <tr key={l.levelId}>
                    <th scope="row">{code(l.levelId)}</th>
                    <td className="num">{l.weight}</td>
                    <td className="num">
                      {formatRatio(l.ownMean)} ({l.ownRatings})
                    </td>
                    <td className="num">
                      {formatRatio(l.othersMean)} ({l.othersRatings})
                    </td>
                    <td className="num">{formatSigned(l.difference)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {leniency.inputs.levelsWithoutComparison.length > 0 ? (
            <p>Not compared (no other manager rated there): {leniency.inputs.levelsWithoutComparison.map(code).join(', ')}.</p>
          ) : null}
        </Explain>
      </td>
      <td className="num">
        {agreement.value === null ? <span className="cv-none">—</span> : `${formatPercent(agreement.value)} (${agreement.inputs.matched}/${agreement.inputs.withRecommendation})`}{' '}
        <Explain what={`agreement rate of ${name}`} rule={agreement.rule}>
          <p>
            Decided: {agreement.inputs.decided}; with a recommendation: {agreement.inputs.withRecommendation}; matched: {agreement.inputs.matched}.
          </p>
        </Explain>
      </td>
      <td className="num">
        {rvo.value === null ? <span className="cv-none">—</span> : formatSigned(rvo.value.gap)} <Explain what={`readiness against outcome for ${name}`} rule={rvo.rule} />
      </td>
      <td>
        {flag.flagged ? (
          <span className={`cv-flag cv-flag-${flag.direction ?? 'none'}`}>
            <span aria-hidden="true">⚑</span> {flag.direction === 'strict' ? 'Strict' : 'Lenient'}
          </span>
        ) : (
          <span className="cv-none">No flag</span>
        )}{' '}
        <Explain what={`flag of ${name}`} rule={flag.rule} />
      </td>
    </tr>
  );
}
