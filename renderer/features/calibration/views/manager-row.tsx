/**
 * One manager's row in the managers table: ratings given, the leniency
 * estimate with its interval and status, the evidence signal, the promoted
 * share of submitted packets and readiness against outcome, each with its
 * rule and inputs one click away.
 */
import { formatPercent, formatSigned } from '../../../../shared/calibration/common';
import { LENIENCY_STATUS_TEXT, type ManagerStats } from '../../../../shared/calibration/managers';
import { Explain } from './explain';
import { COVERAGE_SCALE } from './palette';
import { RATING_TEXT } from './rating';

export const BAR_FILL = { 'not-yet': COVERAGE_SCALE['not-yet'], partially: COVERAGE_SCALE.partially, consistently: COVERAGE_SCALE.ready } as const;
export const RATINGS = ['not-yet', 'partially', 'consistently'] as const;

const None = () => <span className="cv-none">—</span>;

export function ManagerRow({ stats, name }: { stats: ManagerStats; name: string }) {
  const own = stats.assessments.own;
  const { leniency, promotedShare: ps, evidence, readinessVsOutcome: rvo } = stats;
  const flagged = leniency.status === 'lenient' || leniency.status === 'strict';
  return (
    <tr>
      <th scope="row">{name}</th>
      <td className="num">{stats.candidateIds.length}</td>
      <td>
        <span className="cv-bar" aria-hidden="true">
          {RATINGS.map((r) => (own.shares[r] > 0 ? <span key={r} style={{ width: `${own.shares[r] * 100}%`, background: BAR_FILL[r] }} /> : null))}
        </span>
        <span className="cv-counts">
          {RATINGS.map((r) => (
            <span key={r}>
              <span aria-hidden="true">{RATING_TEXT[r].glyph}</span>
              <span className="visually-hidden">{RATING_TEXT[r].label}</span> {own[r]}{' '}
            </span>
          ))}
          <span className="muted cv-counts-of">of {own.rated} rated</span>
          {own.unassessed > 0 ? <span className="muted"> · {own.unassessed} not assessed</span> : null}
        </span>
      </td>
      <td className="num">
        {leniency.status === 'too-few' ? (
          // Not the figure: shrunk almost to 0, a manager of one or two candidates read "+0.02 (−0.05 to +0.09)", a tighter
          // interval than any manager with enough candidates, which a trial took for the most precise. The Why keeps it;
          // the status column says why there is none ("too few to tell" here too read twice in one row, a trial).
          <span className="cv-none">
            —<span className="visually-hidden"> no figure</span>
          </span>
        ) : leniency.value === null ? (
          <None />
        ) : (
          formatSigned(leniency.value)
        )}
        {leniency.status === 'too-few' ? null : leniency.interval ? (
          <span className="muted cv-interval">
            {' '}
            ({formatSigned(leniency.interval[0])} to {formatSigned(leniency.interval[1])})
          </span>
        ) : leniency.value !== null ? (
          <span className="muted cv-interval"> (no interval)</span>
        ) : null}{' '}
        <Explain what={`leniency of ${name}`} rule={leniency.rule}>
          <p>
            Rated candidates: {leniency.inputs.ratedCandidates}
            {leniency.inputs.raw === null ? '' : `; average difference before shrinking ${formatSigned(leniency.inputs.raw)}`}.
          </p>
        </Explain>
      </td>
      <td>
        {flagged ? (
          <span className={`cv-flag cv-flag-${leniency.status}`}>
            <span aria-hidden="true">⚑</span> {LENIENCY_STATUS_TEXT[leniency.status]}
          </span>
        ) : (
          <span className="cv-none">{LENIENCY_STATUS_TEXT[leniency.status]}</span>
        )}
      </td>
      <td className="num">
        {evidence.value === null ? <None /> : `${formatPercent(evidence.value)} (${evidence.inputs.withoutSustained}/${evidence.inputs.consistently})`}{' '}
        <Explain what={`unbacked consistently ratings of ${name}`} rule={evidence.rule} />
      </td>
      <td className="num">
        {ps.value === null ? <None /> : `${formatPercent(ps.value)} (${ps.inputs.promoted}/${ps.inputs.decided})`}{' '}
        <Explain what={`promoted share of ${name}’s submitted packets`} rule={ps.rule}>
          <p>
            Submitted: {ps.inputs.submitted}; final outcome: {ps.inputs.decided}; promoted: {ps.inputs.promoted}; deferred: {ps.inputs.deferred}; undecided:{' '}
            {ps.inputs.undecided}.
          </p>
        </Explain>
      </td>
      <td className="num">
        {/* With how many candidates behind it, as the promoted share beside it says: "+0.50" alone, from one person, read as a finding (a trial). */}
        {rvo.value === null ? (
          <None />
        ) : (
          <>
            {formatSigned(rvo.value.gap)}
            <span className="muted cv-interval"> ({rvo.inputs.candidates} decided)</span>
          </>
        )}{' '}
        <Explain what={`readiness against outcome for ${name}`} rule={rvo.rule} />
      </td>
    </tr>
  );
}
