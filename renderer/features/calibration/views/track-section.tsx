/**
 * Fairness between career tracks: promotion rates of individual
 * contributors against managers at equivalent levels, over this session's
 * decisions (shared/calibration/track-fairness.ts).
 */
import { useId, useMemo } from 'react';
import { trackFairness, type TrackCell } from '../../../../shared/calibration/track-fairness';
import { formatP } from '../../../../shared/calibration/fairness-format';
import type { SessionData } from '../use-session-data';
import { Explain } from './explain';

export function TrackSection({ data }: { data: SessionData }) {
  const headingId = useId();
  const report = useMemo(() => trackFairness({ candidates: data.candidates, decisions: data.decisions, framework: data.framework }), [data]);
  return (
    <section className="cv-attribute" aria-labelledby={headingId}>
      <h3 id={headingId}>Individual contributors and managers at equivalent levels</h3>
      <p className="cv-lede">Calibration can treat progression on the individual-contributor track as lesser. This compares this session’s promotion rates on the two tracks, level band by level band.</p>
      <div className="cv-rules">
        <p>{report.rules}</p>
      </div>
      {report.bands.length === 0 ? (
        <p className="cv-empty-note">This framework marks no individual-contributor level as equivalent to a management level, so there is nothing to compare.</p>
      ) : (
        <div className="cv-table-wrap">
          <table className="data-table cv-table">
            <caption>Promotion rate by track and level band</caption>
            <thead>
              <tr>
                <th scope="col">Levels</th>
                <th scope="col" className="num">Individual contributors</th>
                <th scope="col" className="num">Managers</th>
                <th scope="col" className="num">p (Holm)</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {report.bands.map((b) => (
                <tr key={b.row}>
                  <th scope="row">{b.label}</th>
                  <td className="num">
                    <Cell cell={b.ic} />
                  </td>
                  <td className="num">
                    <Cell cell={b.manager} />
                  </td>
                  <td className="num">{b.p === null || b.pAdjusted === null ? <span className="cv-none">—</span> : `${formatP(b.p)} (${formatP(b.pAdjusted)})`}</td>
                  <td className="cv-flag-cell">
                    {b.significant ? <span className="cv-flag cv-flag-impact">Differs beyond chance</span> : null} <Explain what={`track figures for ${b.label}`} rule={b.rule} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.leftOut > 0 ? (
        <p className="cv-rule-note">
          {report.leftOut} decided candidate{report.leftOut === 1 ? ' is' : 's are'} left out: no target level, or a target level with no equivalent on the other track.
        </p>
      ) : null}
    </section>
  );
}

function Cell({ cell }: { cell: TrackCell }) {
  return cell.n === 0 ? <span className="cv-none">{cell.text}</span> : <>{cell.text}</>;
}
