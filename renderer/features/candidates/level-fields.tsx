/**
 * The candidate form's current and target level: grouped by track, the
 * target offered only as a promotion from the current level, a track switch
 * named, and, when the packet is submitted, why neither level can change until it is reopened.
 */
import type { FieldProblems } from '../../components/field-problems';
import type { Framework } from '../../../shared/domain';
import { levelOf } from '../../../shared/domain/level-lookup';
import { LevelSelect } from './level-select';

type FieldKey = 'currentLevelId' | 'targetLevelId';

interface Props {
  formId: string;
  framework: Framework | null;
  currentLevelId: string;
  targetLevelId: string;
  /** The field's props and its problem (renderer/components/field-problems.tsx). */
  field: FieldProblems<FieldKey>['field'];
  error: FieldProblems<FieldKey>['error'];
  /** Why the target cannot change now (the packet is submitted for another level), or null. */
  submittedLevel: string | null;
  /** Why the current level cannot change now (the packet is submitted as a promotion from another), or null. */
  submittedFrom: string | null;
  onCurrent: (levelId: string) => void;
  onTarget: (levelId: string) => void;
}

export function LevelFields({ formId, framework, currentLevelId, targetLevelId, field, error, submittedLevel, submittedFrom, onCurrent, onTarget }: Props) {
  const current = framework ? levelOf(framework, currentLevelId) : undefined;
  const target = framework ? levelOf(framework, targetLevelId) : undefined;
  const trackName = (trackId: string) => framework?.tracks.find((t) => t.id === trackId)?.name ?? trackId;
  const trackSwitch = current && target && current.trackId !== target.trackId;
  return (
    <>
      <label htmlFor={`${formId}-currentLevelId`}>Current level</label>
      <div>
        <LevelSelect {...field('currentLevelId', submittedFrom ? `${formId}-submitted-from` : undefined)} framework={framework} value={currentLevelId} onChange={onCurrent} placeholder="Choose a level…" />
        {submittedFrom ? (
          <span className="field-hint candidate-warning" id={`${formId}-submitted-from`}>
            {submittedFrom}
          </span>
        ) : null}
        {error('currentLevelId')}
      </div>
      <label htmlFor={`${formId}-targetLevelId`}>Target level</label>
      <div>
        <LevelSelect
          {...field('targetLevelId', `${formId}-target-hint`)}
          framework={framework}
          promotionFrom={currentLevelId || undefined}
          value={targetLevelId}
          onChange={onTarget}
          placeholder="Choose a level…"
        />
        <span className="field-hint" id={`${formId}-target-hint`}>
          {trackSwitch
            ? `A track switch: ${trackName(current.trackId)} to ${trackName(target.trackId)}. Evidence is linked to ${target.code}’s criteria.`
            : 'Usually the next level on the same track. Offered: the levels above the current one, and on another track those at or above its equivalent.'}
        </span>
        {submittedLevel ? <span className="field-hint candidate-warning">{submittedLevel}</span> : null}
        {error('targetLevelId')}
      </div>
    </>
  );
}
