/**
 * One criterion of the packet's target level (packet-criteria.tsx): the
 * criterion, the evidence linked to it (with its quarter, and whether it falls
 * inside the window), whether it is sustained, why it is a gap, whether it
 * counts toward readiness, and the manager's assessment
 * (criterion-assessment.tsx). Every state is said in words and a glyph, never
 * by colour alone.
 */
import type { AssessmentRating } from '../../../shared/domain/packet';
import { isInWindow, sustainedStatus, type CriterionCoverage, type EvidenceWindow, type GapReason } from '../../../shared/packets/coverage';
import { isReadyCriterion, SUSTAINED_MIN_QUARTERS } from '../../../shared/rules/readiness';
import { quarterKeyLabel, shownQuarter } from '../../../shared/util/dates';
import { formatDate } from '../../components/dates';
import { Assessment } from './criterion-assessment';
import { EvidenceDetail } from '../evidence/evidence-detail';

/** The id of a criterion's row header, which packet checks link to. */
export function criterionAnchorId(criterionId: string): string {
  return `criterion-${criterionId}`;
}

const GAP_TEXT: Record<GapReason, string> = {
  'no-evidence': 'No evidence linked',
  'no-evidence-in-window': 'Evidence only from outside the window',
  'not-sustained': `Evidence from fewer than ${SUSTAINED_MIN_QUARTERS} quarters`,
  'not-yet': 'Assessed “not yet”',
  partially: 'Assessed “partially”',
  unassessed: 'Not assessed yet',
};

/** Why a criterion does not count toward readiness: the inputs of the rule it is missing (the rating itself is shown beside it). */
function notCountedBecause(c: CriterionCoverage): string {
  const missing: string[] = [];
  if (c.rating !== 'consistently') missing.push('“consistently”');
  if (!c.sustained) missing.push(`evidence in ${SUSTAINED_MIN_QUARTERS} quarters`);
  return `Not counted: needs ${missing.join(' and ')}`;
}

export interface RowProps {
  number: number;
  coverage: CriterionCoverage;
  note: string;
  competency: string | undefined;
  window: EvidenceWindow;
  packetId: string;
  readOnly: boolean;
  candidateHref: string;
  /** Stores the rating; rejects (after reporting) when it could not be stored. */
  onRate: (criterionId: string, rating: AssessmentRating | null) => Promise<unknown>;
  onNote: (criterionId: string, note: string) => Promise<unknown>;
}

export function CriterionRow({ number, coverage: c, note, competency, window, packetId, readOnly, candidateHref, onRate, onNote }: RowProps) {
  const counts = isReadyCriterion(c);
  return (
    <tr className={counts ? 'packet-row-ready' : c.gap ? 'packet-row-gap' : undefined}>
      <th scope="row" id={criterionAnchorId(c.criterion.id)} tabIndex={-1} className="packet-criterion">
        <span className="packet-criterion-number" aria-hidden="true">
          {number}
        </span>
        <span className="visually-hidden">Criterion {number}: </span>
        <span className="packet-criterion-text">{c.criterion.text}</span>
        {competency ? <span className="packet-competency">Competency: {competency}</span> : null}
      </th>
      <LinkedEvidence coverage={c} window={window} candidateHref={candidateHref} />
      <CoverageCell coverage={c} number={number} />
      <td>
        <Assessment number={number} coverage={c} note={note} packetId={packetId} readOnly={readOnly} onRate={onRate} onNote={onNote} />
      </td>
    </tr>
  );
}

/** The evidence linked to a criterion, each with its quarter, those outside the window marked; each opens to its description and links. */
function LinkedEvidence({ coverage: c, window, candidateHref }: { coverage: CriterionCoverage; window: EvidenceWindow; candidateHref: string }) {
  return (
    <td>
      {c.evidence.length === 0 ? (
        <p className="packet-none">
          No evidence linked. <a href={candidateHref}>Link evidence on the candidate page</a>
        </p>
      ) : (
        <ul className="packet-evidence">
          {c.evidence.map((e) => {
            const inside = isInWindow(e.date, window);
            return (
              <li key={e.id} className={inside ? undefined : 'packet-evidence-outside'}>
                <EvidenceDetail evidence={e}>
                  <span className="packet-evidence-title">{e.title}</span>{' '}
                  <span className="packet-evidence-when">
                    <time dateTime={e.date}>{shownQuarter(e.date)}</time>
                    {inside ? null : <strong> · ⚠ outside window ({formatDate(e.date)})</strong>}
                  </span>
                </EvidenceDetail>
              </li>
            );
          })}
        </ul>
      )}
    </td>
  );
}

/** Whether a criterion is sustained, its quarters, its gaps and whether it counts toward readiness. */
function CoverageCell({ coverage: c, number }: { coverage: CriterionCoverage; number: number }) {
  const counts = isReadyCriterion(c);
  const n = c.quarters.length;
  const status = sustainedStatus(c);
  return (
    <td>
      <p className={`packet-sustained ${c.sustained ? 'packet-sustained-yes' : 'packet-sustained-no'}`}>
        <span aria-hidden="true">{status.symbol} </span>
        {status.text}
      </p>
      {n > 0 ? <p className="packet-quarters">{c.quarters.map(quarterKeyLabel).join(', ')}</p> : null}
      {c.gapReasons.length > 0 ? (
        <ul className="packet-gaps" aria-label={`Gaps in criterion ${number}`}>
          {c.gapReasons.map((reason) => (
            <li key={reason}>
              <span aria-hidden="true">△ </span>Gap: {GAP_TEXT[reason]}
            </li>
          ))}
        </ul>
      ) : null}
      <p className={counts ? 'packet-counts packet-counts-yes' : 'packet-counts'}>
        {counts ? (
          <>
            <span aria-hidden="true">★ </span>Counts toward readiness
          </>
        ) : (
          notCountedBecause(c)
        )}
      </p>
    </td>
  );
}
