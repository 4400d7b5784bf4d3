/**
 * Side by side's table: a row per criterion of the level, a column per
 * picked candidate (their manager and readiness in the header), and under
 * each rating the evidence items linked to it.
 */
import { useRef } from 'react';
import type { BlindNames } from '../../../../shared/calibration/pseudonyms';
import type { CompareCell, SideBySide } from '../../../../shared/calibration/side-by-side';
import { Explain } from './explain';
import { formatDate } from '../../../components/dates';
import { readinessText } from './format';
import { coverageStep } from './palette';
import { EvidenceCount, RatingMark, SustainedMark } from './rating';
import { andList } from '../../../../shared/util/plural';
import { useColumnsOutOfView } from './columns-out-of-view';

export function CompareTable({
  compare,
  names,
  quartersOf,
  loading,
  levelCode,
  codes,
}: {
  compare: SideBySide;
  names: BlindNames;
  quartersOf: (candidateId: string, criterionId: string) => number | undefined;
  loading: boolean;
  levelCode: string;
  /** The criteria's codes ("IC3.2"), as the review, the decision and the CSV name them. */
  codes: ReadonlyMap<string, string>;
}) {
  const wrap = useRef<HTMLDivElement>(null);
  const { hidden, onScroll } = useColumnsOutOfView(wrap, compare.candidates.length);
  const outOfView = hidden.map((i) => compare.candidates[i]?.name).filter((n): n is string => n !== undefined);
  return (
    <>
      {outOfView.length > 0 ? (
        <p className="cv-in-view">
          {compare.candidates.length - outOfView.length} of {compare.candidates.length} candidates fit on this screen. Scroll sideways for {andList(outOfView)}.
        </p>
      ) : null}
      <div className="cv-table-wrap" ref={wrap} onScroll={onScroll}>
        <table className="data-table cv-table cv-compare">
          <caption>
            {levelCode} criteria for {compare.candidates.map((c) => c.name).join(', ')}
          </caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              {compare.candidates.map((c) => (
                <th scope="col" key={c.candidateId}>
                  <span className="cv-compare-who">{c.name}</span>
                  <span className="cv-compare-sub">{names.manager(c.manager)}</span>
                  <span className="cv-compare-sub">
                    Readiness <span title={c.readiness.rule}>{readinessText(c.readiness)}</span>{' '}
                    <Explain what={`readiness of ${c.name}`} rule={c.readiness.rule} icon />
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {compare.rows.map((row) => (
              <tr key={row.criterionId} className={row.ratingsDiffer ? 'cv-differ-row' : undefined}>
                <th scope="row">
                  <span className="cv-criteria-code">{codes.get(row.criterionId) ?? '?'}</span> {row.text}
                  {row.ratingsDiffer ? (
                    <span className="cv-differ">
                      {' '}
                      <span aria-hidden="true">≠</span> ratings differ
                    </span>
                  ) : null}
                </th>
                {row.cells.map((cell) => (
                  <td key={cell.candidateId}>
                    <CompareCellView cell={cell} quarters={quartersOf(cell.candidateId, row.criterionId)} loading={loading} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function CompareCellView({ cell, quarters, loading }: { cell: CompareCell; quarters: number | undefined; loading: boolean }) {
  return (
    <>
        <div className={`cv-compare-cell-head cv-fill-${coverageStep(cell.rating, cell.sustained)}`}>
          <RatingMark rating={cell.rating} />
          <EvidenceCount count={cell.evidenceCount} />
          {cell.sustained ? <SustainedMark sustained quarters={quarters} /> : <span className="cv-none">not sustained</span>}
        </div>
        {cell.evidence.length > 0 ? (
          <ul aria-label="Evidence">
            {cell.evidence.map((e) => (
              <li key={e.id}>
                {e.title} <span className="muted">· {formatDate(e.date)}</span>
                {e.inWindow === false ? <span className="cv-outside"> (outside the evidence window)</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted cv-no-evidence">{loading ? 'Loading evidence…' : 'No linked evidence'}</p>
        )}
    </>
  );
}
