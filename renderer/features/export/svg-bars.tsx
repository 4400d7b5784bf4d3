/**
 * A plain SVG bar chart for print, at a fixed size. Recharts measured every
 * tick label through the DOM (getBoundingClientRect), which forced a layout
 * of the whole 600-page book once per label; the book's charts are simple
 * enough to draw directly, with labels placed by fixed offsets, so drawing
 * them costs nothing beyond their own nodes.
 */

export interface BarSeries {
  name: string;
  color: string;
}

export interface BarGroup {
  label: string;
  /** One value per series, in the series' order. */
  values: number[];
  /** A colour per value overriding the series' colour (e.g. a flagged group). */
  colors?: (string | undefined)[];
}

interface ChartProps {
  /** What the chart shows, in words: its text alternative (an image with no name is read as nothing). */
  label: string;
  width: number;
  height: number;
  groups: BarGroup[];
  series: BarSeries[];
}

const FONT = 11;
const GRID = '#cccccc';
const AXIS = '#666666';

/** Ticks from 0 at a round step (1, 2, 5 × 10^n, whole numbers), at most about five intervals, the last at or above max. */
export function niceTicks(max: number, intervals = 4): number[] {
  if (!(max > 0)) return [0, 1, 2, 3, 4];
  const rough = max / intervals;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power);
  const ticks: number[] = [];
  for (let t = 0; t < max + step; t += step) ticks.push(t);
  return ticks;
}

/** Groups along the x axis, one bar per series in each, whole-number y ticks, and a legend. */
export function ColumnChart({ label, width, height, groups, series }: ChartProps) {
  const left = 32;
  const top = 8;
  // Axis labels, then the legend, inside the chart's height (as Recharts drew it, so the page lays out the same).
  const bottom = 40;
  const plotW = width - left - 8;
  const plotH = height - top - bottom;
  const ticks = niceTicks(Math.max(0, ...groups.flatMap((g) => g.values)));
  const yMax = ticks[ticks.length - 1] ?? 1;
  const y = (v: number) => top + plotH - (v / yMax) * plotH;
  const band = groups.length ? plotW / groups.length : plotW;
  const barW = Math.max(1, (band * 0.8) / Math.max(1, series.length) - 2);
  return (
    <div className="print-svg-chart">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} fontSize={FONT} role="img" aria-label={label}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={left} x2={left + plotW} y1={y(t)} y2={y(t)} stroke={GRID} strokeDasharray="3 3" />
            <text x={left - 4} y={y(t)} textAnchor="end" dominantBaseline="middle" fill={AXIS}>
              {t}
            </text>
          </g>
        ))}
        <line x1={left} x2={left + plotW} y1={top + plotH} y2={top + plotH} stroke={AXIS} />
        <line x1={left} x2={left} y1={top} y2={top + plotH} stroke={AXIS} />
        {groups.map((g, i) => {
          const x0 = left + i * band + band * 0.1;
          return (
            <g key={g.label}>
              {g.values.map((v, s) => (
                <rect key={s} data-series={series[s]?.name} x={x0 + s * (barW + 2)} y={y(v)} width={barW} height={top + plotH - y(v)} fill={g.colors?.[s] ?? series[s]?.color}>
                  <title>{`${g.label} · ${series[s]?.name}: ${v}`}</title>
                </rect>
              ))}
              <text x={left + i * band + band / 2} y={top + plotH + 14} textAnchor="middle" fill={AXIS}>
                {g.label}
              </text>
            </g>
          );
        })}
        <Legend series={series} x={left + plotW / 2} y={height - 6} />
      </svg>
    </div>
  );
}

/** One horizontal bar per group on a 0–max axis (e.g. percentages), labels at the left. */
export function RowChart({ label, width, height, groups, series, max, unit, labelWidth }: ChartProps & { max: number; unit: string; labelWidth: number }) {
  const left = labelWidth + 8;
  const plotW = width - left - 16;
  const top = 4;
  const plotH = height - top - 20;
  const band = groups.length ? plotH / groups.length : plotH;
  const x = (v: number) => left + (Math.min(v, max) / max) * plotW;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  return (
    <svg className="print-svg-chart" width={width} height={height} viewBox={`0 0 ${width} ${height}`} fontSize={FONT} role="img" aria-label={label}>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={top} y2={top + plotH} stroke={GRID} strokeDasharray="3 3" />
          <text x={x(t)} y={top + plotH + 14} textAnchor="middle" fill={AXIS}>
            {`${t}${unit}`}
          </text>
        </g>
      ))}
      <line x1={left} x2={left} y1={top} y2={top + plotH} stroke={AXIS} />
      <line x1={left} x2={left + plotW} y1={top + plotH} y2={top + plotH} stroke={AXIS} />
      {groups.map((g, i) => {
        const v = g.values[0] ?? 0;
        return (
          <g key={g.label}>
            <text x={left - 4} y={top + i * band + band / 2} textAnchor="end" dominantBaseline="middle" fill={AXIS}>
              {g.label}
            </text>
            <rect data-series={series[0]?.name} x={left} y={top + i * band + band * 0.1} width={x(v) - left} height={band * 0.8} fill={g.colors?.[0] ?? series[0]?.color}>
              <title>{`${g.label}: ${v}${unit}`}</title>
            </rect>
          </g>
        );
      })}
    </svg>
  );
}

/** The series' names with their colours, centred under the plot. */
function Legend({ series, x, y }: { series: BarSeries[]; x: number; y: number }) {
  const item = 70;
  const start = x - (series.length * item) / 2;
  return (
    <g className="print-legend">
      {series.map((s, i) => (
        <g key={s.name}>
          <rect x={start + i * item} y={y - 9} width={10} height={10} fill={s.color} />
          <text x={start + i * item + 14} y={y}>
            {s.name}
          </text>
        </g>
      ))}
    </g>
  );
}
