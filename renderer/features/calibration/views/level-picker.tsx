/**
 * The target-level picker the heatmap and side by side share: the levels the
 * session's candidates aim at, the busiest one until another is picked, and
 * a pick from a level no longer in the session falling back to it.
 */
import { useId, useMemo, useState } from 'react';
import type { SessionData } from '../use-session-data';
import { busiestLevel, levelLabel, sessionLevels, type SessionLevel } from '../../../../shared/calibration/session-levels';

export function usePickedLevel(data: SessionData): { levels: SessionLevel[]; levelId: string | null; pick: (levelId: string) => void } {
  const levels = useMemo(() => sessionLevels(data.framework, data.candidates), [data.framework, data.candidates]);
  const [picked, setPicked] = useState<string | null>(null);
  const levelId = picked && levels.some((l) => l.level.id === picked) ? picked : busiestLevel(levels);
  return { levels, levelId, pick: setPicked };
}

export function TargetLevelField({ levels, levelId, onPick }: { levels: readonly SessionLevel[]; levelId: string; onPick: (levelId: string) => void }) {
  const id = useId();
  // Labelled like the filters beside it (FilterSelect): a label tied by id, not wrapping the select and its options.
  return (
    <span className="cv-field">
      <label htmlFor={id}>Target level</label>
      <select id={id} value={levelId} onChange={(e) => onPick(e.target.value)}>
        {levels.map((l) => (
          <option key={l.level.id} value={l.level.id}>
            {l.trackName}: {levelLabel(l)}
          </option>
        ))}
      </select>
    </span>
  );
}
