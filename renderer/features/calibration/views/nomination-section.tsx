/**
 * Fairness at the manager's step: the share of each group that managers put
 * forward (current packet submitted) among every candidate of the cycle,
 * with the promotion statistics (shared/calibration/nomination.ts). Not
 * shown while the session is blind: it reads the whole cycle, whose rows
 * carry real group values.
 */
import { useId, useMemo } from 'react';
import { nominationReport } from '../../../../shared/calibration/nomination';
import type { PromotionFairness } from '../../../../shared/calibration/fairness';
import { useSessionCandidates } from '../../../db/session-hooks';
import type { SessionData } from '../use-session-data';
import { StatusText } from './fairness-tables';
import { Explain } from './explain';

export function NominationSection({ data }: { data: SessionData }) {
  const headingId = useId();
  const stored = useSessionCandidates(data.session.blind ? undefined : data.cycle.id);
  const report = useMemo(() => (stored ? nominationReport(stored) : null), [stored]);
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
            <NominationTable key={a.attribute} title={`Put forward by ${a.attribute}`} nomination={a.nomination} />
          ))}
        </>
      )}
    </section>
  );
}

const none = <span className="cv-none">—</span>;

function NominationTable({ title, nomination }: { title: string; nomination: PromotionFairness }) {
  return (
    <div className="cv-table-wrap">
      <table className="data-table cv-table cv-fairness-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col" className="num">Put forward of candidates</th>
            <th scope="col" className="num">Share (95% interval)</th>
            <th scope="col" className="num">Impact ratio (95% interval)</th>
            <th scope="col" className="num">p (Holm)</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {nomination.groups.map((g) => (
            <tr key={g.group}>
              <th scope="row">{g.group}</th>
              {g.suppressed || g.counts === null ? (
                <td colSpan={4}>
                  <span className="cv-none">{g.hiddenLabel}</span>
                </td>
              ) : (
                <>
                  <td className="num">
                    {g.counts.promoted} of {g.counts.n}
                  </td>
                  <td className="num">{g.rate === null ? none : `${g.text.rate} (${g.text.rateInterval})`}</td>
                  <td className="num">{g.impactRatio === null ? none : g.reference ? g.text.impactRatio : `${g.text.impactRatio} (${g.text.ratioInterval})`}</td>
                  <td className="num">{g.p === null ? none : `${g.text.p} (${g.text.pAdjusted})`}</td>
                </>
              )}
              <td className="cv-flag-cell">
                {g.suppressed ? <span className="cv-none">not shown</span> : <StatusText g={g} />} <Explain what={`put-forward figures for ${g.group}`} rule={g.rule} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="cv-rule-note">
        {nomination.noReference ?? `Reference: ${nomination.reference ?? '—'}.`} {nomination.omnibusNote}
      </p>
    </div>
  );
}
