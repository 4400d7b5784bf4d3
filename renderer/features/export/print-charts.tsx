/**
 * Charts for print: Recharts drawing SVG at a fixed size with animation off,
 * so the picture is complete on the first paint and prints as vectors. Each
 * chart sits beside a table or figures that carry the same numbers.
 */
import { Bar, BarChart, CartesianGrid, Cell, Legend, XAxis, YAxis } from 'recharts';
import type { LevelPoint } from '../../../shared/calibration/levels';
import type { GroupFairness } from '../../../shared/calibration/fairness';

// Okabe-Ito: colour-blind safe.
const BEFORE = '#999999';
const AFTER = '#0072B2';
const RATE = '#009E73';
const FLAGGED = '#D55E00';

export function LevelChart({ series }: { series: LevelPoint[] }) {
  const data = series.map((p) => ({ level: p.code, before: p.before, after: p.after }));
  return (
    <BarChart width={640} height={220} data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="level" tick={{ fontSize: 11 }} />
      <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={32} />
      <Legend wrapperStyle={{ fontSize: 11 }} />
      <Bar dataKey="before" name="Before" fill={BEFORE} isAnimationActive={false} />
      <Bar dataKey="after" name="After" fill={AFTER} isAnimationActive={false} />
    </BarChart>
  );
}

export function RateChart({ groups }: { groups: GroupFairness[] }) {
  const shown = groups.filter((g) => g.counts !== null && g.rate !== null);
  const data = shown.map((g) => ({ group: `${g.group}${g.status === 'adverse' ? ' ⚑' : ''} (n=${g.counts?.n ?? 0})`, rate: Math.round((g.rate ?? 0) * 100), flagged: g.status === 'adverse' }));
  if (data.length === 0) return <p className="print-muted">No group has a rate shown, so there is no chart.</p>;
  return (
    <BarChart width={640} height={180} data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" domain={[0, 100]} unit="%" tick={{ fontSize: 11 }} />
      <YAxis type="category" dataKey="group" width={200} tick={{ fontSize: 11 }} />
      <Bar dataKey="rate" name="Promotion rate" isAnimationActive={false} fill={RATE}>
        {/* "Adverse impact indicated" is also marked ⚑ in its label: colour is not the only signal. */}
        {data.map((d) => (
          <Cell key={d.group} fill={d.flagged ? FLAGGED : RATE} />
        ))}
      </Bar>
    </BarChart>
  );
}
