/**
 * The decision book's "put forward by managers" section: the fairness view's
 * nomination section (calibration/views/nomination-section.tsx) on paper,
 * from the same model and the same table (group-table.tsx), with the "why"
 * sentences printed under each table.
 * Hidden groups print their label only.
 */
import type { NominationReport } from '../../../shared/calibration/nomination';
import { GroupTable } from '../calibration/views/group-table';

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
            <GroupTable key={a.attribute} kind="nomination" title={`Put forward by ${a.attribute}`} fairness={a.nomination} print />
          ))}
        </>
      )}
    </section>
  );
}
