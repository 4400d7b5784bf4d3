/**
 * The decision book's career-track section: the fairness view's track
 * section (calibration/views/track-section.tsx) on paper, from the same
 * model, with each band's "why" sentence printed under the table.
 */
import { formatP } from '../../../shared/calibration/fairness-format';
import type { TrackReport } from '../../../shared/calibration/track-fairness';

export function BookTracks({ report }: { report: TrackReport }) {
  return (
    <section className="print-fairness-more">
      <h3>Individual contributors and managers at equivalent levels</h3>
      <p className="print-rule">{report.rules}</p>
      {report.bands.length === 0 ? (
        <p className="print-muted">This framework marks no individual-contributor level as equivalent to a management level, so there is nothing to compare.</p>
      ) : (
        <figure>
          <figcaption>Promotion rate by track and level band</figcaption>
          <table className="print-table">
            <thead>
              <tr>
                <th>Levels</th>
                <th>Individual contributors</th>
                <th>Managers</th>
                <th>p (Holm)</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              {report.bands.map((b) => (
                <tr key={b.row}>
                  <td>{b.label}</td>
                  <td>{b.ic.text}</td>
                  <td>{b.manager.text}</td>
                  <td>{b.p === null || b.pAdjusted === null ? '—' : `${formatP(b.p)} (${formatP(b.pAdjusted)})`}</td>
                  <td>{b.significant ? '⚑ Differs beyond chance' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="print-rule">
            {report.bands.map((b) => (
              <li key={b.row}>{b.rule}</li>
            ))}
          </ul>
        </figure>
      )}
      {report.leftOut > 0 ? (
        <p className="print-rule">
          {report.leftOut} decided candidate{report.leftOut === 1 ? ' is' : 's are'} left out: no target level, or a target level with no equivalent on the other track.
        </p>
      ) : null}
    </section>
  );
}
