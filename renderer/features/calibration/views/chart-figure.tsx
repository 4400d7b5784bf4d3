/**
 * Charts load when a chart view opens: Recharts (about 107 KB gzipped,
 * PERFORMANCE.md) sits in its own chunk, loaded when a chart is first
 * shown (renderer/components/lazy-code.tsx), and each chart module is
 * small. A chart is a figure with a caption, an HTML legend (a word beside
 * every colour) and a one-line summary for screen readers, which read the
 * same figures in the table beside it.
 */
import { useId, type ComponentType, type ReactNode } from 'react';
import { Lazy, lazyCode } from '../../../components/lazy-code';

/** A chart whose module (and Recharts with it) is loaded when first shown, with a line in its place meanwhile. */
function lazyChart<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  const code = lazyCode(() => load().then((m) => m.default));
  return function LazyChart(props: P) {
    return <Lazy code={code} props={props} fallback={<p className="muted">Loading chart…</p>} />;
  };
}

export const LevelsChart = lazyChart(() => import('./levels-chart'));
export const ManagersChart = lazyChart(() => import('./managers-chart'));
export const FairnessChart = lazyChart(() => import('./fairness-chart'));

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
        {children}
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
