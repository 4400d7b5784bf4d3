/**
 * Side by side: two to four candidates for the same target level, criterion
 * by criterion, so the committee compares each against the criteria rather
 * than against each other's managers. The level is picked first and the
 * candidate list shows only that level; sideBySide() checks the pick and its
 * message is shown as it is. Criteria are the rows; evidence titles under
 * each rating come from the candidates' own evidence (loaded for the picked
 * candidates only; in blind mode they come redacted from useEvidenceOf).
 */
import { useId, useMemo, useState } from 'react';
import { compareNames } from '../../../../shared/calibration/common';
import type { BlindNames } from '../../../../shared/calibration/pseudonyms';
import { COMPARE_MAX, COMPARE_MIN, sideBySide, type CompareCell, type SideBySide } from '../../../../shared/calibration/side-by-side';
import type { Candidate } from '../../../../shared/domain';
import { EmptyState } from '../../../components/empty-state';
import { useDisplayNames, useEvidenceOf, useSessionData, type SessionData } from '../use-session-data';
import { Explain } from './explain';
import { criterionCode, formatDay, readinessText } from './format';
import { coverageStep } from './palette';
import { EvidenceCount, RatingMark, SustainedMark, quartersIndex } from './rating';
import { SessionGate } from './session-gate';
import { busiestLevel, levelLabel, sessionLevels } from './session-levels';
import './views.css';

export function SideBySideView({ sessionId }: { sessionId: string }) {
  const data = useSessionData(sessionId);
  const names = useDisplayNames(data);
  if (!data) return <SessionGate data={data} what="the comparison" />;
  return <Compare data={data} names={names} />;
}

function Compare({ data, names }: { data: SessionData; names: BlindNames }) {
  const headingId = useId();
  const levels = useMemo(() => sessionLevels(data.framework, data.candidates), [data.framework, data.candidates]);
  const [pickedLevel, setPickedLevel] = useState<string | null>(null);
  const levelId = pickedLevel && levels.some((l) => l.level.id === pickedLevel) ? pickedLevel : busiestLevel(levels);
  const [selected, setSelected] = useState<string[]>([]);

  const pool = useMemo(
    () =>
      data.candidates
        .filter((c) => !c.archived && c.targetLevelId === levelId)
        .map((c) => ({ candidate: c, name: names.candidate(c.id) }))
        .sort((a, b) => compareNames(a.name, b.name)),
    [data.candidates, levelId, names],
  );
  const byId = useMemo(() => new Map(pool.map((p) => [p.candidate.id, p.candidate])), [pool]);
  // In the order picked; a pick from another level drops out when the level changes.
  const chosen = useMemo(() => selected.map((id) => byId.get(id)).filter((c): c is Candidate => !!c), [selected, byId]);
  const evidence = useEvidenceOf(data, chosen.map((c) => c.id));
  const quartersOf = useMemo(() => quartersIndex(data.coverage), [data.coverage]);
  const result = useMemo(
    () =>
      sideBySide({
        framework: data.framework,
        candidates: chosen,
        coverage: data.coverage,
        evidenceByCandidate: evidence ?? new Map(),
        window: { from: data.cycle.evidenceFrom, to: data.cycle.evidenceTo },
        displayName: (c) => names.candidate(c.id),
      }),
    [data.framework, data.coverage, data.cycle, chosen, evidence, names],
  );

  if (levelId === null) {
    return (
      <EmptyState title="No candidates to compare">
        <p>Side by side compares two to four candidates aiming at the same level, criterion by criterion. None of this session’s candidates has a target level yet.</p>
      </EmptyState>
    );
  }
  const level = levels.find((l) => l.level.id === levelId);
  const toggle = (id: string, on: boolean) => setSelected((prev) => (on ? [...prev.filter((x) => x !== id), id] : prev.filter((x) => x !== id)));

  return (
    <section className="cv-view cv-side-by-side" aria-labelledby={headingId}>
      <h2 id={headingId}>Side by side against the {level?.level.code ?? ''} criteria</h2>
      <p className="cv-lede">
        Pick {COMPARE_MIN} to {COMPARE_MAX} candidates aiming at the same level. Each criterion is a row; under each rating are the evidence items linked to it.
      </p>
      <div className="cv-toolbar">
        <label className="cv-field">
          <span>Target level</span>
          <select value={levelId} onChange={(e) => setPickedLevel(e.target.value)}>
            {levels.map((l) => (
              <option key={l.level.id} value={l.level.id}>
                {l.trackName}: {levelLabel(l)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="cv-pick">
        <legend>
          Candidates aiming at {level?.level.code ?? 'this level'} ({chosen.length} picked)
        </legend>
        <ul className="cv-pick-list">
          {pool.map(({ candidate, name }) => (
            <li key={candidate.id}>
              <label>
                <input type="checkbox" checked={chosen.some((c) => c.id === candidate.id)} onChange={(e) => toggle(candidate.id, e.target.checked)} />
                <span>
                  {name} <span className="muted">· {names.manager(candidate.manager)}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {result.ok ? (
        <CompareTable compare={result.compare} names={names} quartersOf={quartersOf} loading={evidence === undefined} levelCode={level?.level.code ?? ''} />
      ) : (
        <p className="cv-error" role="status">
          {result.error.message}
        </p>
      )}
    </section>
  );
}

function CompareTable({
  compare,
  names,
  quartersOf,
  loading,
  levelCode,
}: {
  compare: SideBySide;
  names: BlindNames;
  quartersOf: (candidateId: string, criterionId: string) => number | undefined;
  loading: boolean;
  levelCode: string;
}) {
  return (
    <div className="cv-table-wrap">
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
          {compare.rows.map((row, i) => (
            <tr key={row.criterionId} className={row.ratingsDiffer ? 'cv-differ-row' : undefined}>
              <th scope="row">
                <span className="cv-criteria-code">{criterionCode(i)}</span> {row.text}
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
              {e.title} <span className="muted">· {formatDay(e.date)}</span>
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
