/** A level picker grouped by track, so a switch of track (IC to manager) is one choice among the rest. */
import type { SelectHTMLAttributes } from 'react';
import type { Framework } from '../../../shared/domain';
import { levelsOfTrack } from '../../../shared/domain/framework';

export function LevelSelect({
  framework,
  value,
  onChange,
  placeholder,
  ...rest
}: {
  framework: Framework | null;
  value: string;
  onChange: (levelId: string) => void;
  placeholder: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>) {
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{placeholder}</option>
      {(framework?.tracks ?? []).map((track) => (
        <optgroup key={track.id} label={track.name}>
          {levelsOfTrack(framework ?? { levels: [] }, track.id).map((level) => (
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
