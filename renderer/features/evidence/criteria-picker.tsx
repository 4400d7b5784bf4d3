/**
 * Checkboxes for linking an evidence item to criteria, grouped by level:
 * the target level first (what the packet is judged against), then the
 * current level. Each box carries the criterion's code and full text, so
 * the manager links to what the criterion says, not to a number.
 */
import type { CriterionGroup } from './criteria';

export function CriteriaPicker({
  idPrefix,
  groups,
  value,
  onChange,
  describedBy,
}: {
  idPrefix: string;
  groups: CriterionGroup[];
  value: string[];
  onChange: (ids: string[]) => void;
  describedBy?: string;
}) {
  if (groups.length === 0) return <p className="muted">This candidate’s levels have no criteria in the framework.</p>;
  const selected = new Set(value);
  function toggle(id: string, on: boolean) {
    onChange(on ? [...value, id] : value.filter((v) => v !== id));
  }
  return (
    <div className="criteria-picker">
      {groups.map((group) => (
        <fieldset key={group.role} className={`criteria-group-box criteria-${group.role}`} aria-describedby={describedBy}>
          <legend>
            {group.label} <span className="muted">{group.level.title}</span>
          </legend>
          {group.criteria.length === 0 ? <p className="muted">No criteria at this level.</p> : null}
          <ul>
            {group.criteria.map((c) => {
              const id = `${idPrefix}-criterion-${c.id}`;
              return (
                <li key={c.id}>
                  <input type="checkbox" id={id} checked={selected.has(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
                  <label htmlFor={id}>
                    <span className="criterion-code">{c.code}</span> {c.text}
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
    </div>
  );
}
