/**
 * Optional group attributes (for example gender, location). They exist
 * only for the committee's aggregate fairness check, which suppresses small
 * groups; they are never shown in a packet or beside a single candidate.
 * The section says so where the manager fills it in.
 */
import { CANDIDATE_LIMITS } from '../../../shared/domain';
import { CharCount } from '../../components/char-count';
import { useId, useRef } from 'react';

export interface GroupRow {
  /** Stable key for React and focus, not stored. */
  key: number;
  name: string;
  value: string;
}

const PRESETS = ['Gender', 'Location'] as const;

export function rowsFromGroups(groups: Record<string, string>): GroupRow[] {
  return Object.entries(groups).map(([name, value], i) => ({ key: i + 1, name, value }));
}

/**
 * The stored record; rows without a value are left out. Duplicate names are a problem to show, not to merge silently.
 * `problemKey`: the row the problem is about, whose name field is marked invalid and takes focus.
 */
export function groupsFromRows(rows: readonly GroupRow[]): { groups: Record<string, string>; problem: string | null; problemKey: number | null } {
  const groups: Record<string, string> = {};
  const seen = new Set<string>();
  const refuse = (row: GroupRow, problem: string) => ({ groups, problem, problemKey: row.key });
  for (const row of rows) {
    const name = row.name.trim();
    const value = row.value.trim();
    if (!name && !value) continue;
    if (!name) return refuse(row, 'Each group attribute needs a name, or remove the row.');
    // Not kept by any object (nor by the row checks): it vanished on save without a word (a security trial).
    if (name === '__proto__') return refuse(row, '“__proto__” cannot name a group attribute; choose another name.');
    const folded = name.toLowerCase();
    if (seen.has(folded)) return refuse(row, `“${name}” appears twice; keep one row per attribute.`);
    seen.add(folded);
    if (value) groups[name] = value;
  }
  return { groups, problem: null, problemKey: null };
}

/** The name field of a group attribute row, for the form to focus the row a problem is about. */
export function groupRowNameField(key: number): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>(`.group-attributes input[data-group-row="${key}"]`);
}

export function GroupAttributes({ rows, onChange, problem, problemKey }: { rows: GroupRow[]; onChange: (rows: GroupRow[]) => void; problem: string | null; problemKey: number | null }) {
  const id = useId();
  const focusKey = useRef<number | null>(null);
  const nextKey = Math.max(0, ...rows.map((r) => r.key)) + 1;
  const present = new Set(rows.map((r) => r.name.trim().toLowerCase()));

  function add(name: string) {
    focusKey.current = nextKey;
    onChange([...rows, { key: nextKey, name, value: '' }]);
  }
  function update(key: number, patch: Partial<GroupRow>) {
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  }
  // A new row takes focus: the value for a preset, the name for a custom one.
  const focusIfNew = (key: number, field: 'name' | 'value', preset: boolean) => (el: HTMLInputElement | null) => {
    if (!el || focusKey.current !== key) return;
    if ((field === 'value') === preset) {
      el.focus();
      focusKey.current = null;
    }
  };

  return (
    <fieldset className="group-attributes" aria-describedby={`${id}-about${problem ? ` ${id}-problem` : ''}`}>
      <legend>Optional: group attributes for fairness checks</legend>
      <div id={`${id}-about`} className="group-attributes-about">
        <p>
          Leave this empty unless your organisation asks for it. These attributes are used only in aggregate, to check whether outcomes differ between
          groups; groups too small to stay anonymous are suppressed. They never appear in a packet.
        </p>
      </div>
      {rows.length > 0 ? (
        <table className="group-table">
          <thead>
            <tr>
              <th scope="col">Attribute</th>
              <th scope="col">Value</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const preset = (PRESETS as readonly string[]).includes(row.name);
              const label = row.name.trim() || `attribute ${i + 1}`;
              return (
                <tr key={row.key}>
                  <td>
                    <input
                      ref={focusIfNew(row.key, 'name', preset)}
                      type="text"
                      value={row.name}
                      onChange={(e) => update(row.key, { name: e.target.value })}
                      aria-label={`Name of attribute ${i + 1}`}
                      data-group-row={row.key}
                      aria-invalid={problem && row.key === problemKey ? true : undefined}
                    />
                    <CharCount length={row.name.length} max={CANDIDATE_LIMITS.groupName} />
                  </td>
                  <td>
                    <input
                      ref={focusIfNew(row.key, 'value', preset)}
                      type="text"
                      value={row.value}
                      onChange={(e) => update(row.key, { value: e.target.value })}
                      aria-label={`Value of ${label}`}
                    />
                    <CharCount length={row.value.length} max={CANDIDATE_LIMITS.groupValue} />
                  </td>
                  <td>
                    <button type="button" className="button button-small button-quiet-danger" onClick={() => onChange(rows.filter((r) => r.key !== row.key))} aria-label={`Remove ${label}`}>
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {problem ? (
        <span className="field-error" id={`${id}-problem`}>
          {problem}
        </span>
      ) : null}
      <div className="group-attributes-actions">
        {PRESETS.filter((p) => !present.has(p.toLowerCase())).map((p) => (
          <button key={p} type="button" className="button button-small" onClick={() => add(p)}>
            Add {p.toLowerCase()}
          </button>
        ))}
        <button type="button" className="button button-small" onClick={() => add('')}>
          Add another attribute
        </button>
      </div>
    </fieldset>
  );
}
