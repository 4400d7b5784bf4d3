/**
 * Charts load when a chart view opens: Recharts (about 107 KB gzipped,
 * PERFORMANCE.md) sits in its own chunk behind React.lazy, and each chart
 * module is small. A chart is a figure with a caption, an HTML legend (a
 * word beside every colour) and a one-line summary for screen readers,
 * which read the same figures in the table beside it.
 */
import { Suspense, lazy, useId, type ReactNode } from 'react';

export const LevelsChart = lazy(() => import('./levels-chart'));
export const ManagersChart = lazy(() => import('./managers-chart'));
export const FairnessChart = lazy(() => import('./fairness-chart'));

export interface LegendEntry {
  label: string;
  color: string;
}

export function ChartFigure({ caption, summary, legend, children }: { caption: string; summary: string; legend: readonly LegendEntry[]; children: ReactNode }) {
  const id = useId();
  return (
    <figure className="cv-chart" aria-labelledby={id}>
      <figcaption id={id}>{caption}</figcaption>
      <div role="img" aria-label={summary} className="cv-chart-plot">
        <Suspense fallback={<p className="muted">Loading chart…</p>}>{children}</Suspense>
      </div>
      <ul className="cv-chart-legend" aria-label={`Legend of ${caption}`}>
        {legend.map((l) => (
          <li key={l.label}>
            <span className="cv-swatch" style={{ background: l.color }} aria-hidden="true" />
            {l.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
