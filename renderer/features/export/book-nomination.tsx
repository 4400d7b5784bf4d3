/**
 * The decision book's "put forward by managers" section: the fairness view's
 * nomination section (calibration/views/nomination-section.tsx) on paper,
 * from the same model, with the "why" sentences printed under each table.
 * Hidden groups print their label only.
 */
import type { PromotionFairness } from '../../../shared/calibration/fairness';
import type { NominationReport } from '../../../shared/calibration/nomination';
import { statusText } from './book-status';

export function BookNomination({ report, note }: { report: NominationReport | null; note: string | null }) {
  return (
    <section className="print-fairness-more">
      <h3>Put forward by managers</h3>
      {!report ? (
        <p className="print-muted">{note}</p>
      ) : report.attributes.length === 0 ? (
        <p className="print-muted">No candidate of this cycle has group attributes, so there is nothing to compare.</p>
      ) : (
        <>
          <p className="print-rule">
            {report.rules.nomination} {report.rules.tests}
          </p>
          <p>
            {report.totals.putForward} of {report.totals.candidates} candidates of the cycle put forward.
          </p>
          {report.attributes.map((a) => (
            <NominationTable key={a.attribute} title={`Put forward by ${a.attribute}`} nomination={a.nomination} />
          ))}
        </>
      )}
    </section>
  );
}

function NominationTable({ title, nomination }: { title: string; nomination: PromotionFairness }) {
  return (
    <figure>
      <figcaption>{title}</figcaption>
      <table className="print-table">
        <thead>
          <tr>
            <th>Group</th>
            <th>Put forward of candidates</th>
            <th>Share (95% interval)</th>
            <th>Impact ratio (95% interval)</th>
            <th>p (Holm)</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {nomination.groups.map((g) =>
            g.suppressed || g.counts === null ? (
              <tr key={g.group}>
                <td>{g.group}</td>
                <td colSpan={5}>{g.hiddenLabel}: not shown</td>
              </tr>
            ) : (
              <tr key={g.group}>
                <td>{g.group}</td>
                <td>
                  {g.counts.promoted} of {g.counts.n}
                </td>
                <td>{g.rate === null ? '—' : `${g.text.rate} (${g.text.rateInterval})`}</td>
                <td>{g.impactRatio === null ? '—' : g.reference ? g.text.impactRatio : `${g.text.impactRatio} (${g.text.ratioInterval})`}</td>
                <td>{g.p === null ? '—' : `${g.text.p} (${g.text.pAdjusted})`}</td>
                <td>{statusText(g)}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      <ul className="print-rule">
        {nomination.groups.map((g) => (
          <li key={g.group}>{g.rule}</li>
        ))}
      </ul>
      <p className="print-rule">
        {nomination.noReference ?? `Reference: ${nomination.reference ?? '—'}.`} {nomination.omnibusNote}
      </p>
    </figure>
  );
}
