/**
 * A level picker grouped by track, so a switch of track (IC to manager) is
 * one choice among the rest. With `promotionFrom` (the current level) it
 * offers only the levels that are a promotion from it (the shared rule in
 * shared/rules/promotion-levels.ts); a saved value outside them stays listed,
 * marked, so the form can say why it is refused instead of hiding it.
 */
import type { SelectHTMLAttributes } from 'react';
import type { Framework, Level } from '../../../shared/domain';
import { levelsOfTrack } from '../../../shared/domain/framework';
import { levelOf } from '../../../shared/domain/level-lookup';
import { promotionChoices } from '../../../shared/rules/promotion-levels';

function groupsOf(framework: Framework | null, promotionFrom: string | undefined): Array<{ trackId: string; trackName: string; levels: Level[] }> {
  if (!framework) return [];
  if (promotionFrom && framework.levels.some((l) => l.id === promotionFrom)) return promotionChoices(framework, promotionFrom);
  return framework.tracks.map((t) => ({ trackId: t.id, trackName: t.name, levels: levelsOfTrack(framework, t.id) }));
}

export function LevelSelect({
  framework,
  value,
  onChange,
  placeholder,
  promotionFrom,
  ...rest
}: {
  framework: Framework | null;
  value: string;
  onChange: (levelId: string) => void;
  placeholder: string;
  /** Offer only promotions from this level (the current level). */
  promotionFrom?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>) {
  const groups = groupsOf(framework, promotionFrom);
  const offered = groups.some((g) => g.levels.some((l) => l.id === value));
  const stale = value && !offered ? framework ? levelOf(framework, value) : undefined : undefined;
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{placeholder}</option>
      {stale ? (
        <option value={stale.id}>
          {stale.code} {stale.title} (not a promotion: choose another)
        </option>
      ) : null}
      {groups.map((group) => (
        <optgroup key={group.trackId} label={group.trackName}>
          {group.levels.map((level) => (
            <option key={level.id} value={level.id}>
              {level.code} {level.title}
              {level.optional ? ' (not in every organisation)' : ''}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
