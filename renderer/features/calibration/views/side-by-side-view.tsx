/**
 * Side by side: two to four candidates for the same target level, criterion
 * by criterion, so the committee compares each against the criteria rather
 * than against each other's managers. The level is picked first and the
 * candidate list shows only that level; sideBySide() checks the pick and its
 * message is shown as it is. Criteria are the rows; evidence titles under
 * each rating come from the candidates' own evidence (loaded for the picked
 * candidates only; in blind mode they come redacted from useEvidenceOf).
 */
import { useId } from 'react';
import type { BlindNames } from '../../../../shared/calibration/pseudonyms';
import { COMPARE_MAX, COMPARE_MIN } from '../../../../shared/calibration/side-by-side';
import { EmptyState } from '../../../components/empty-state';
import { useDisplayNames, useSessionData, type SessionData } from '../use-session-data';
import { criterionCodes } from '../../../../shared/domain/framework';
import { CompareTable } from './compare-table';
import { TargetLevelField } from './level-picker';
import { SessionGate } from './session-gate';
import { useSideBySide } from './use-side-by-side';
import './views.css';

export function SideBySideView({ sessionId }: { sessionId: string }) {
  const data = useSessionData(sessionId);
  const names = useDisplayNames(data);
  if (!data) return <SessionGate data={data} what="the comparison" />;
  return <Compare data={data} names={names} />;
}

function Compare({ data, names }: { data: SessionData; names: BlindNames }) {
  const headingId = useId();
  const { levels, levelId, pick, pool, chosen, loading, quartersOf, result, toggle } = useSideBySide(data, names);

  if (levelId === null) {
    return (
      <EmptyState title="No candidates to compare">
        <p>Side by side compares two to four candidates aiming at the same level, criterion by criterion. None of this session’s candidates has a target level yet.</p>
      </EmptyState>
    );
  }
  const level = levels.find((l) => l.level.id === levelId);

  return (
    <section className="cv-view cv-side-by-side" aria-labelledby={headingId}>
      <h2 id={headingId}>Side by side against the {level?.level.code ?? ''} criteria</h2>
      <p className="cv-lede">
        Pick {COMPARE_MIN} to {COMPARE_MAX} candidates aiming at the same level. Each criterion is a row; under each rating are the evidence items linked to it.
      </p>
      <div className="cv-toolbar">
        <TargetLevelField levels={levels} levelId={levelId} onPick={pick} />
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
        <CompareTable compare={result.compare} names={names} quartersOf={quartersOf} loading={loading} levelCode={level?.level.code ?? ''} codes={criterionCodes(data.framework)} />
      ) : (
        <p className="cv-error" role="status">
          {result.error.message}
        </p>
      )}
    </section>
  );
}
