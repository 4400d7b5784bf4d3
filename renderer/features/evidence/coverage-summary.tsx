/**
 * How far the logged evidence covers the target level's criteria: items per
 * criterion, the quarters they fall in, and whether that is "sustained"
 * (evidence in at least two distinct quarters of the cycle's evidence
 * window). Computed by the same shared function the packet and the
 * committee views use, so the numbers agree everywhere.
 */
import type { Cycle, Evidence, Framework, Packet } from '../../../shared/domain';
import { criterionCoverage, sustainedStatus, SUSTAINED_MIN_QUARTERS, type CriterionCoverage } from '../../../shared/packets/coverage';
import { quarterKeyLabel } from '../../../shared/util/dates';
import type { CriterionGroup } from './criteria';

export function CoverageSummary({
  framework,
  cycle,
  packet,
  target,
  evidence,
  onShow,
}: {
  framework: Framework;
  cycle: Cycle;
  packet: Packet | null;
  target: CriterionGroup;
  evidence: readonly Evidence[];
  onShow: (criterionId: string) => void;
}) {
  const coverage = criterionCoverage(framework, { targetLevelId: target.level.id, assessments: packet?.assessments }, evidence, {
    from: cycle.evidenceFrom,
    to: cycle.evidenceTo,
  });
  const codeById = new Map(target.criteria.map((c) => [c.id, c.code]));
  const sustained = coverage.filter((c) => c.sustained).length;
  return (
    <details className="coverage-summary" open>
      <summary>
        <h3>
          Coverage of {target.level.code} criteria{' '}
          <span className="muted">
            · {sustained} of {coverage.length} sustained
          </span>
        </h3>
      </summary>
      <p className="field-hint">
        Sustained means evidence dated in at least {SUSTAINED_MIN_QUARTERS} different quarters of this cycle’s evidence window. Doing something once is not
        yet operating at the level.
      </p>
      <table className="data-table compact coverage-table">
        <caption className="visually-hidden">Evidence per criterion of {target.level.code}</caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col" className="num">
              Items
            </th>
            <th scope="col">Quarters in window</th>
            <th scope="col">Sustained</th>
          </tr>
        </thead>
        <tbody>
          {coverage.map((c) => {
            const code = codeById.get(c.criterion.id) ?? '';
            return (
              <tr key={c.criterion.id}>
                <td>
                  <button type="button" className="button-link coverage-criterion" onClick={() => onShow(c.criterion.id)} aria-label={`Show evidence for ${code}`}>
                    <span className="criterion-code">{code}</span>
                  </button>{' '}
                  {c.criterion.text}
                </td>
                {/* Items outside the window are linked but count for nothing: said, beside a count that reads as coverage (a trial). */}
                <td className="num">
                  {c.evidence.length}
                  {c.evidence.length > c.evidenceInWindow ? <span className="muted coverage-outside"> ({c.evidence.length - c.evidenceInWindow} outside the window)</span> : null}
                </td>
                <td>{c.quarters.length > 0 ? c.quarters.map(quarterKeyLabel).join(', ') : <span className="muted">None</span>}</td>
                <td>
                  <SustainedText coverage={c} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}

const STATUS_CLASS = { sustained: 'coverage-yes', 'no-evidence': 'coverage-none', 'none-in-window': 'coverage-none', 'too-few-quarters': 'coverage-partial' } as const;

/** The criterion's sustained status in the words the packet uses (sustainedStatus). */
function SustainedText({ coverage }: { coverage: CriterionCoverage }) {
  const status = sustainedStatus(coverage);
  return (
    <span className={STATUS_CLASS[status.kind]}>
      <span aria-hidden="true">{status.symbol} </span>
      {status.text}
    </span>
  );
}
