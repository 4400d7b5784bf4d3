/**
 * Fairness between career tracks: promotion rates of individual
 * contributors against managers at equivalent levels, over this session's
 * decisions (shared/calibration/track-fairness.ts). One component for the
 * fairness view and the decision book: on screen each band's "why" is an
 * Explain button; on paper the sentences print under the table.
 */
import { useId, useMemo } from 'react';
import { trackFairness, type TrackBand, type TrackCell, type TrackReport } from '../../../../shared/calibration/track-fairness';
import { formatP } from '../../../../shared/calibration/fairness-format';
import type { SessionData } from '../use-session-data';
import type { TrackScope } from './fairness-more';
import { Explain } from './explain';

export function TrackSection({ framework, compared }: { framework: SessionData['framework']; compared: TrackScope }) {
  const { candidates, decisions, whose } = compared;
  const report = useMemo(() => trackFairness({ candidates, decisions, framework }), [candidates, decisions, framework]);
  return <TrackReportSection report={report} whose={whose} />;
}

const TITLE = 'Individual contributors and managers at equivalent levels';
const CAPTION = 'Promotion rate by track and level band';
const NO_BANDS = 'This framework marks no individual-contributor level as equivalent to a management level, so there is nothing to compare.';
const HEADS = ['Levels', 'Individual contributors', 'Managers', 'p (Holm)', 'Why'];
/** On paper the "why" sentences print under the table, so the last column holds the flag only, and says so. */
const PRINT_HEADS = [...HEADS.slice(0, -1), 'Flag'];

/** A band's flag in print: never an empty cell (a book reader took an empty "Why" column for text left out). */
function printedFlag(band: Pick<TrackBand, 'p' | 'pAdjusted' | 'significant'>): string {
  if (band.significant) return '⚑ Differs beyond chance';
  return band.p === null || band.pAdjusted === null ? 'Not tested' : 'No flag';
}

export function TrackReportSection({ report, print = false, whose = 'this session’s' }: { report: TrackReport; print?: boolean; whose?: string }) {
  const headingId = useId();
  const leftOut =
    report.leftOut > 0 ? (
      <p className={print ? 'print-rule' : 'cv-rule-note'}>
        {report.leftOut} decided candidate{report.leftOut === 1 ? ' is' : 's are'} left out: no target level, or a target level with no equivalent on the other track.
      </p>
    ) : null;
  if (print) {
    return (
      <section className="print-fairness-more">
        <h3>{TITLE}</h3>
        <p className="print-rule">{report.rules}</p>
        {report.bands.length === 0 ? (
          <p className="print-muted">{NO_BANDS}</p>
        ) : (
          <figure>
            <figcaption>{CAPTION}</figcaption>
            <table className="print-table">
              <thead>
                <tr>
                  {PRINT_HEADS.map((h) => (
                    <th key={h}>{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.bands.map((b) => (
                  <tr key={b.row}>
                    <td>{b.label}</td>
                    <td>{b.ic.text}</td>
                    <td>{b.manager.text}</td>
                    <td>{b.p === null || b.pAdjusted === null ? '—' : `${formatP(b.p)} (${formatP(b.pAdjusted)})`}</td>
                    <td>{printedFlag(b)}</td>
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
        {leftOut}
      </section>
    );
  }
  return (
    <section className="cv-attribute" aria-labelledby={headingId}>
      <h3 id={headingId}>{TITLE}</h3>
      <p className="cv-lede">Calibration can treat progression on the individual-contributor track as lesser. This compares {whose} promotion rates on the two tracks, level band by level band.</p>
      <div className="cv-rules">
        <p>{report.rules}</p>
      </div>
      {report.bands.length === 0 ? (
        <p className="cv-empty-note">{NO_BANDS}</p>
      ) : (
        <div className="cv-table-wrap">
          <table className="data-table cv-table">
            <caption>{CAPTION}</caption>
            <thead>
              <tr>
                {HEADS.map((h, i) => (
                  <th key={h} scope="col" className={i === 0 || i === HEADS.length - 1 ? undefined : 'num'}>
                    {h}
                  </th>
                ))}
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
      {leftOut}
    </section>
  );
}

function Cell({ cell }: { cell: TrackCell }) {
  return cell.n === 0 || cell.suppressed ? <span className="cv-none">{cell.text}</span> : <>{cell.text}</>;
}
