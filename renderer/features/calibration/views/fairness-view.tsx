/**
 * Fairness: do promotion outcomes differ between groups? For each optional
 * group attribute on the candidates (gender, location, …): counts, the rate
 * with its interval, the impact ratio against an eligible reference with its
 * interval, Fisher's exact test with Holm's adjustment, a test over the whole
 * attribute and one status per group (shared/calibration/fairness.ts); and
 * the readiness rate. Scope: this session's candidates, or every candidate
 * of the cycle's sessions (latest decision of each).
 *
 * Blind mode: the rows already carry the session's pseudonyms, so groups are
 * shown as stored; the cycle scope is not offered while the session is blind
 * (other sessions' rows would show real group names).
 */
import { useId, useMemo, useState } from 'react';
import { nominationReport, sizesShownByNomination } from '../../../../shared/calibration/nomination';
import { useNominationRows } from '../../../db/session-hooks';
import { fairnessReport, type AttributeFairness, type FairnessReport } from '../../../../shared/calibration/fairness';
import { formatPercent, type DecisionRef } from '../../../../shared/calibration/common';
import { EmptyState } from '../../../components/empty-state';
import { useSessionData, type SessionData } from '../use-session-data';
import { ChartFigure, FairnessChart } from './chart-figure';
import { useCycleFairnessInput } from './fairness-scope';
import { FairnessMoreSections } from './fairness-more';
import { PromotionTable, ReadinessTable } from './fairness-tables';
import { OKABE_ITO } from './palette';
import { SessionGate } from './session-gate';
import { useShownFairness } from './use-shown-fairness';
import './views.css';

export function FairnessView({ sessionId }: { sessionId: string }) {
  const data = useSessionData(sessionId);
  if (!data) return <SessionGate data={data} what="the fairness view" />;
  return <Fairness data={data} />;
}

type Scope = 'session' | 'cycle';
/** The cycle scope shows no readiness (it is this session's only). */
const NO_COVERAGE: SessionData['coverage'] = [];

function Fairness({ data }: { data: SessionData }) {
  const headingId = useId();
  const [scope, setScope] = useState<Scope>('session');
  const cycleInput = useCycleFairnessInput(scope === 'cycle' ? data.cycle.id : undefined);
  // While the cycle loads, keep to the session's figures.
  const shownScope: Scope = scope === 'cycle' && cycleInput ? 'cycle' : 'session';
  const candidates = shownScope === 'cycle' && cycleInput ? cycleInput.candidates : data.candidates;
  const coverage = shownScope === 'cycle' ? NO_COVERAGE : data.coverage;
  const decisions = shownScope === 'cycle' && cycleInput ? cycleInput.decisions : data.decisions;
  // The nomination section below prints the cycle's group sizes; the suppression check takes them as known.
  // Read and computed once here for the view and its nomination section (each took its own at first); the session's
  // read carries the cycle's rows unless the session is frozen.
  const ownRead = useNominationRows(data.session.blind || data.cycleRows ? undefined : data.cycle.id);
  const cycleRows = data.session.blind ? undefined : (data.cycleRows ?? ownRead);
  const nomination = useMemo(() => (cycleRows ? nominationReport(cycleRows) : null), [cycleRows]);
  const sizesElsewhere = useMemo(() => (cycleRows && nomination ? sizesShownByNomination(nomination, candidates, cycleRows.candidates) : undefined), [cycleRows, nomination, candidates]);
  const waiting = !data.session.blind && !cycleRows;
  // Not taken before the nomination sizes it must respect are known: the figures would be computed twice.
  const reportOf = useMemo(
    () => (waiting ? null : (counted: readonly DecisionRef[]) => fairnessReport({ candidates, decisions: counted, coverage, sizesElsewhere })),
    [waiting, candidates, coverage, sizesElsewhere],
  );
  const shown = useShownFairness({ sessionId: data.session.id, scope: shownScope, decisions, finalized: data.session.status === 'finalized', reportOf });
  if (!shown || waiting) return <p className="cv-empty-note">Loading the fairness figures…</p>;
  const report = shown.report;
  const hasGroups = candidates.some((c) => !c.archived && Object.keys(c.groups).length > 0);

  return (
    <section className="cv-view cv-fairness" aria-labelledby={headingId}>
      <h2 id={headingId}>Fairness: outcomes by group</h2>
      <p className="cv-lede">{report.rules.caveat} They ask the committee to look again at the decisions and the evidence while it can still act.</p>
      {data.session.blind ? (
        <p className="cv-empty-note">Showing this session only: the whole cycle is not shown while this session is blind, since other sessions would show real group names.</p>
      ) : (
        <fieldset className="cv-scope">
          <legend>Candidates compared</legend>
          <label>
            <input type="radio" name={`${headingId}-scope`} checked={scope === 'session'} onChange={() => setScope('session')} /> This session
          </label>{' '}
          <label>
            <input type="radio" name={`${headingId}-scope`} checked={scope === 'cycle'} onChange={() => setScope('cycle')} /> The whole cycle (every session, latest decision)
          </label>
        </fieldset>
      )}
      {!hasGroups || report.attributes.length === 0 ? (
        <EmptyState title="No group attributes to compare">
          <p>
            This view compares outcomes between groups of candidates: for each attribute (for example gender or location), the promotion rate and the readiness
            rate of each group, with intervals, exact tests and a status where a difference is worth a closer look.
          </p>
          <p>Group attributes are optional on candidates, and none of these candidates has any. Add them on a candidate’s page to see this view. {report.rules.suppression}</p>
        </EmptyState>
      ) : (
        <>
          <p className="cv-rule-note" role="status">
            {shown.note}
          </p>
          <div className="cv-rules">
            <h3>How these figures are computed</h3>
            {[report.rules.promotion, report.rules.tests, report.rules.statuses, report.rules.suppression].map((r) => (
              <p key={r}>{r}</p>
            ))}
            {scope === 'cycle' ? <p>Readiness is shown for this session only.</p> : null}
          </div>
          {report.attributes.map((a) => (
            <AttributeSection key={a.attribute} fairness={a} params={report.params} withReadiness={scope === 'session'} />
          ))}
        </>
      )}
      <FairnessMoreSections data={data} nomination={nomination} compared={{ candidates, decisions: shown.decisions, whose: shownScope === 'cycle' ? 'the cycle’s' : 'this session’s' }} />
    </section>
  );
}

const LEGEND = [
  { label: 'Promotion rate', color: OKABE_ITO.blue },
  { label: 'Readiness rate', color: OKABE_ITO.bluishGreen },
];

function AttributeSection({ fairness, params, withReadiness }: { fairness: AttributeFairness; params: FairnessReport['params']; withReadiness: boolean }) {
  const headingId = useId();
  const { attribute, promotion, readiness } = fairness;
  // The chart draws readiness bars only where the table beside it lists readiness: its legend and summary name only what is drawn.
  const chartReadiness = withReadiness && readiness.withheld === null;
  const readinessOf = new Map(readiness.series.map((p) => [p.group, p]));
  const chartData = promotion.groups.map((g) => ({ group: g.group, promotion: g.rate, readiness: chartReadiness ? (readinessOf.get(g.group)?.rate ?? null) : null }));
  const hidden = promotion.groups.some((g) => g.suppressed);
  const legend = chartReadiness ? LEGEND : LEGEND.slice(0, 1);
  return (
    <section className="cv-attribute" aria-labelledby={headingId}>
      <h3 id={headingId}>By {attribute}</h3>
      <PromotionTable title={`Promotion rate by ${attribute}`} promotion={promotion} />
      <p className="cv-rule-note">{promotion.noReference ?? `Reference: ${promotion.reference ?? '—'}.`} {promotion.omnibusNote}</p>
      {withReadiness ? <ReadinessTable title={`Readiness rate by ${attribute}`} metric={readiness} /> : null}
      {chartData.some((d) => (d.promotion ?? 0) > 0 || (d.readiness ?? 0) > 0) ? (
        <ChartFigure
          caption={`Promotion${chartReadiness ? ' and readiness' : ''} rate by ${attribute}`}
          summary={`Grouped bar chart of the rates in the tables above: ${chartData
            .map((d) => `${d.group}: promotion ${d.promotion === null ? 'not shown' : formatPercent(d.promotion)}${chartReadiness ? `, readiness ${d.readiness === null ? 'not shown' : formatPercent(d.readiness)}` : ''}`)
            .join('; ')}.`}
          legend={hidden ? [...legend, { label: `No bar: fewer than ${params.minGroupSize} or hidden, not shown`, color: '#ffffff' }] : legend}
        >
          <FairnessChart data={chartData} withReadiness={chartReadiness} />
        </ChartFigure>
      ) : (
        <p className="cv-empty-note">
          No chart for {attribute}: {chartData.some((d) => d.promotion !== null || d.readiness !== null) ? 'every rate shown is 0%, and any other group is too small to show.' : 'no group is large enough to show a rate.'}
        </p>
      )}
    </section>
  );
}
