/**
 * The options of a level picker: "Choose a level…", then the levels grouped
 * by track. Which levels are offered is the caller's rule (for promotions,
 * shared/rules/promotion-levels.ts), so every picker lists them the same way.
 */
import type { PromotionChoiceGroup } from '../../shared/rules/promotion-levels';

export function LevelOptions({ groups, placeholder = 'Choose a level…' }: { groups: readonly PromotionChoiceGroup[]; placeholder?: string }) {
  return (
    <>
      <option value="">{placeholder}</option>
      {groups.map((t) => (
        <optgroup key={t.trackId} label={t.trackName}>
          {t.levels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.code} {l.title}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
