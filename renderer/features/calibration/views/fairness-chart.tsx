/** Promotion and readiness rate per group of one attribute (loaded lazily). Suppressed groups have no bar. */
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { OKABE_ITO } from './palette';

export interface FairnessChartPoint {
  group: string;
  promotion: number | null;
  readiness: number | null;
}

const TICK = { fill: '#3b4048', fontSize: 12 };
const percent = (v: unknown) => (typeof v === 'number' ? `${Math.round(v * 100)}%` : '');

/** `withReadiness` false: promotion bars only (the cycle's scope, or readiness withheld), so no empty second bar beside each. */
export default function FairnessChart({ data, withReadiness }: { data: readonly FairnessChartPoint[]; withReadiness: boolean }) {
  return (
    <BarChart responsive accessibilityLayer={false} data={[...data]} style={{ width: '100%', height: 240 }} margin={{ top: 22, right: 8, bottom: 0, left: 0 }} barCategoryGap="22%">
      <CartesianGrid vertical={false} stroke="#e3e3df" />
      <XAxis dataKey="group" tick={TICK} tickLine={false} />
      <YAxis domain={[0, 1]} tickFormatter={percent} width={44} tick={TICK} />
      <Tooltip formatter={percent} />
      <Bar dataKey="promotion" name="Promotion rate" fill={OKABE_ITO.blue} isAnimationActive={false}>
        <LabelList dataKey="promotion" position="top" formatter={percent} fill="#1c1f23" fontSize={12} />
      </Bar>
      {withReadiness ? (
        <Bar dataKey="readiness" name="Readiness rate" fill={OKABE_ITO.bluishGreen} isAnimationActive={false}>
          <LabelList dataKey="readiness" position="top" formatter={percent} fill="#1c1f23" fontSize={12} />
        </Bar>
      ) : null}
    </BarChart>
  );
}
