/** Each manager's rated criteria by rating, as shares: a stacked horizontal bar per manager (loaded lazily). */
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { COVERAGE_SCALE } from './palette';

export interface ManagersChartPoint {
  who: string;
  'not-yet': number;
  partially: number;
  consistently: number;
}

const TICK = { fill: '#3b4048', fontSize: 12 };
const percent = (v: number) => `${Math.round(v * 100)}%`;

export default function ManagersChart({ data }: { data: readonly ManagersChartPoint[] }) {
  return (
    <BarChart
      responsive
      accessibilityLayer={false}
      layout="vertical"
      data={[...data]}
      style={{ width: '100%', height: 40 + data.length * 36 }}
      margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
    >
      <CartesianGrid horizontal={false} stroke="#e3e3df" />
      <XAxis type="number" domain={[0, 1]} tickFormatter={percent} tick={TICK} />
      <YAxis type="category" dataKey="who" width={150} tick={TICK} />
      <Tooltip formatter={(v) => (typeof v === 'number' ? percent(v) : String(v))} />
      <Bar dataKey="not-yet" name="Not yet" stackId="r" fill={COVERAGE_SCALE['not-yet']} stroke="#6b716b" isAnimationActive={false} />
      <Bar dataKey="partially" name="Partially" stackId="r" fill={COVERAGE_SCALE.partially} stroke="#6b716b" isAnimationActive={false} />
      <Bar dataKey="consistently" name="Consistently" stackId="r" fill={COVERAGE_SCALE.ready} stroke="#6b716b" isAnimationActive={false} />
    </BarChart>
  );
}
