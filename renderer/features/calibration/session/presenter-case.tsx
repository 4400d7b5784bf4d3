/**
 * The case on screen in presenter mode: the packet summary, the target
 * level's criteria with the manager's rating and whether the evidence is
 * sustained, and the evidence the packet was submitted with (CaseEvidenceItem).
 */
import { formatDate } from '../../../components/dates';
import { userTimeZone } from '../../../../shared/util/dates';
import { evidenceCountLine, reviewedPacketLine, type PresenterCriterion } from '../../../../shared/calibration/presenter-model';
import type { Candidate, Decision, Evidence, Packet } from '../../../../shared/domain';
import type { PacketHead } from '../../../../shared/rules/current-packet';
import type { Readiness } from '../../../../shared/rules/readiness';
import { PacketSummaryText } from './packet-summary-text';
import type { SessionData } from '../use-session-data';
import { RATING_VIEW, criterionCodes, levelName, plural } from './labels';
import { CaseEvidenceItem } from './case-evidence-item';
import { PresenterRevisionChanges } from './presenter-revision-changes';


export function PresenterCase({
  data,
  candidate,
  packet,
  whole,
  criteria,
  readiness,
  evidence,
  decidedOn,
}: {
  data: SessionData;
  candidate: Candidate;
  packet: PacketHead | undefined;
  /** The packet's text, read when shown (undefined while it is read). */
  whole: Packet | null | undefined;
  criteria: PresenterCriterion[];
  readiness: Readiness;
  evidence: Map<string, Evidence[]> | undefined;
  /** The revision the candidate's decision was made on, if any (shown when it is not the one reviewed now). */
  decidedOn?: Decision['packet'];
}) {
  const { framework, session } = data;
  const blind = session.blind;
  const codes = criterionCodes(framework);
  // Not in the map: still being read (useEvidenceOf), not "no evidence".
  const read = evidence?.get(candidate.id);
  const items = read ?? [];
  const evidenceWindow = { from: data.cycle.evidenceFrom, to: data.cycle.evidenceTo };
  return (
        <div className="presenter-case">
          <section className="presenter-panel" aria-labelledby="presenter-summary-title">
            <div className="presenter-panel-head">
              <h3 id="presenter-summary-title">Packet summary</h3>
              <p className="muted">{reviewedPacketLine(packet, data.record !== null, decidedOn, session.createdAt, userTimeZone(), formatDate)}</p>
            </div>
            <PacketSummaryText head={packet} packet={whole} blind={blind} />
          </section>
          {packet && packet.revision > 1 ? <PresenterRevisionChanges data={data} reviewed={whole} evidence={read} /> : null}

          <section className="presenter-panel" aria-labelledby="presenter-criteria-title">
            <div className="presenter-panel-head">
              <h3 id="presenter-criteria-title">Criteria of {levelName(framework, candidate.targetLevelId)}</h3>
              <p>
                Ready on <strong>{readiness.ready}</strong> of {readiness.total}
              </p>
            </div>
            <p className="field-hint">{readiness.rule}.</p>
            <ol className="presenter-criteria">
              {criteria.map(({ criterion: c, row }) => {
                const rating = RATING_VIEW[row?.rating ?? 'none'];
                const quarters = row?.quarters.length ?? 0;
                return (
                  <li key={c.id}>
                    <p className="presenter-criterion-text">
                      <span className="criterion-code">{codes.get(c.id)}</span> {c.text}
                    </p>
                    <p className="presenter-criterion-facts">
                      <span className={`rating rating-${row?.rating ?? 'none'}`}>
                        <span aria-hidden="true">{rating.glyph} </span>
                        {rating.label}
                      </span>
                      <span>
                        {row?.sustained ? (
                          <>
                            <span aria-hidden="true">✓ </span>Sustained · {plural(quarters, 'quarter')}
                          </>
                        ) : (
                          <>
                            <span aria-hidden="true">✗ </span>Not sustained · {plural(quarters, 'quarter')}
                          </>
                        )}
                      </span>
                      <span>{evidenceCountLine(row)}</span>
                    </p>
                  </li>
                );
              })}
            </ol>
          </section>

          <section className="presenter-panel" aria-labelledby="presenter-evidence-title">
            <div className="presenter-panel-head">
              <h3 id="presenter-evidence-title">Evidence</h3>
              <p className="muted">{read ? plural(items.length, 'item') : '…'}</p>
            </div>
            {items.length === 0 ? (
              <p className="muted">{read === undefined ? 'Loading evidence…' : 'No evidence logged.'}</p>
            ) : (
              <ul className="presenter-evidence">
                {items.map((e) => (
                  <CaseEvidenceItem key={e.id} evidence={e} codes={codes} evidenceWindow={evidenceWindow} blind={blind} />
                ))}
              </ul>
            )}
          </section>
        </div>
  );
}
