/** Headcount per level before and after the decisions, one track: a grouped bar chart (loaded lazily). */
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { OKABE_ITO } from './palette';

export interface LevelsChartPoint {
  code: string;
  before: number;
  after: number;
}

const TICK = { fill: '#3b4048', fontSize: 12 };

export default function LevelsChart({ data }: { data: readonly LevelsChartPoint[] }) {
  return (
    <BarChart responsive accessibilityLayer={false} data={[...data]} style={{ width: '100%', height: 240 }} margin={{ top: 22, right: 8, bottom: 0, left: 0 }} barCategoryGap="22%">
      <CartesianGrid vertical={false} stroke="#e3e3df" />
      <XAxis dataKey="code" tick={TICK} tickLine={false} />
      <YAxis allowDecimals={false} width={36} tick={TICK} />
      <Tooltip />
      <Bar dataKey="before" name="Before" fill={OKABE_ITO.blue} isAnimationActive={false}>
        <LabelList dataKey="before" position="top" fill="#1c1f23" fontSize={12} />
      </Bar>
      <Bar dataKey="after" name="After" fill={OKABE_ITO.vermillion} isAnimationActive={false}>
        <LabelList dataKey="after" position="top" fill="#1c1f23" fontSize={12} />
      </Bar>
    </BarChart>
  );
}
