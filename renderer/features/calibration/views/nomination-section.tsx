/**
 * Fairness at the manager's step: the share of each group that managers put
 * forward (current packet submitted) among every candidate of the cycle,
 * with the promotion statistics (shared/calibration/nomination.ts). Not
 * shown while the session is blind: it reads the whole cycle, whose rows
 * carry real group values.
 */
import { useId } from 'react';
import type { NominationReport } from '../../../../shared/calibration/nomination';
import type { SessionData } from '../use-session-data';
import { GroupTable } from './group-table';

/** `report`: the cycle's, read and computed once by the fairness view (which also needs its sizes); null while it loads. */
export function NominationSection({ data, report }: { data: SessionData; report: NominationReport | null }) {
  const headingId = useId();
  return (
    <section className="cv-attribute" aria-labelledby={headingId}>
      <h3 id={headingId}>Put forward by managers</h3>
      <p className="cv-lede">
        Before the committee sees anyone, a manager decides whom to put forward: that is where bias can enter first. This compares, for each group, the share of the
        cycle’s candidates whose packet was submitted.
      </p>
      {data.session.blind ? (
        <p className="cv-empty-note">Not shown while this session is blind: it covers the whole cycle, whose candidates would show real group values.</p>
      ) : !report ? (
        <p className="cv-empty-note">Loading the cycle’s candidates…</p>
      ) : report.attributes.length === 0 ? (
        <p className="cv-empty-note">No candidate of this cycle has group attributes, so there is nothing to compare. Add them on a candidate’s page.</p>
      ) : (
        <>
          <div className="cv-rules">
            <p>{report.rules.nomination}</p>
            <p>{report.rules.tests}</p>
            <p>
              {report.totals.putForward} of {report.totals.candidates} candidates of the cycle put forward.
            </p>
          </div>
          {report.attributes.map((a) => (
            <GroupTable key={a.attribute} kind="nomination" title={`Put forward by ${a.attribute}`} fairness={a.nomination} note />
          ))}
        </>
      )}
    </section>
  );
}
