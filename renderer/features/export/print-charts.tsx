/**
 * Charts for print: plain SVG at a fixed size (svg-bars.tsx), complete on
 * the first paint and printed as vectors, with no text measured through the
 * DOM. Each chart sits beside a table or figures that carry the same numbers.
 */
import type { LevelPoint } from '../../../shared/calibration/levels';
import type { GroupFairness } from '../../../shared/calibration/fairness';
import { ColumnChart, RowChart } from './svg-bars';

// Okabe-Ito: colour-blind safe.
const BEFORE = '#999999';
const AFTER = '#0072B2';
const RATE = '#009E73';
const FLAGGED = '#D55E00';

export function LevelChart({ series }: { series: LevelPoint[] }) {
  const groups = series.map((p) => ({ label: p.code, values: [p.before, p.after] }));
  return (
    <ColumnChart
      label={`Candidates per level, before and after the decisions: ${series.map((p) => `${p.code} ${p.before} before, ${p.after} after`).join('; ')}.`}
      width={640}
      height={220}
      groups={groups}
      series={[
        { name: 'Before', color: BEFORE },
        { name: 'After', color: AFTER },
      ]}
    />
  );
}

export function RateChart({ groups }: { groups: GroupFairness[] }) {
  const shown = groups.filter((g) => g.counts !== null && g.rate !== null);
  if (shown.length === 0) return <p className="print-muted">No group has a rate shown, so there is no chart.</p>;
  // "Adverse impact indicated" is also marked ⚑ in its label: colour is not the only signal.
  const data = shown.map((g) => ({
    label: `${g.group}${g.status === 'adverse' ? ' ⚑' : ''} (n=${g.counts?.n ?? 0})`,
    values: [Math.round((g.rate ?? 0) * 100)],
    colors: [g.status === 'adverse' ? FLAGGED : undefined],
  }));
  const label = `Promotion rate per group: ${shown.map((g) => `${g.group} ${Math.round((g.rate ?? 0) * 100)}% (n=${g.counts?.n ?? 0})${g.status === 'adverse' ? ', adverse impact indicated' : ''}`).join('; ')}.`;
  return <RowChart label={label} width={640} height={180} groups={data} series={[{ name: 'Promotion rate', color: RATE }]} max={100} unit="%" labelWidth={200} />;
}
