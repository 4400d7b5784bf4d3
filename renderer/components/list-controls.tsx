/**
 * The controls the lists share (Candidates, Packets): a search box, the
 * "Show archived" toggle and the sort, so every list searches, sorts and
 * hides archived rows the same way. Which fields a search covers is the shared rule in
 * shared/util/search.ts.
 */
import { useId, type ReactNode } from 'react';

export function SearchField({ label, placeholder, value, onChange }: { label: string; placeholder: string; value: string; onChange: (value: string) => void }) {
  return (
    <label className="search">
      <span className="visually-hidden">{label}</span>
      <input type="search" placeholder={placeholder} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

export function ShowArchivedToggle({ checked, count, onChange }: { checked: boolean; count: number; onChange: (checked: boolean) => void }) {
  return (
    <label className="list-archived-toggle">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> Show archived
      {count > 0 ? ` (${count})` : ''}
    </label>
  );
}

/** "Sort by" and its options, labelled; `onChange` gets one of the options' values. */
export function SortField<T extends string>({ value, options, onChange }: { value: T; options: ReadonlyArray<{ value: T; label: string }>; onChange: (value: T) => void }) {
  const id = useId();
  return (
    <span className="toolbar-field">
      <label htmlFor={id}>Sort by</label>
      <select id={id} value={value} onChange={(e) => onChange(options.find((o) => o.value === e.target.value)?.value ?? value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );
}

/** "12 shown" or "3 of 12 shown", announced politely as the list narrows. */
export function ShownCount({ shown, of }: { shown: number; of: number }): ReactNode {
  return (
    <span className="muted" aria-live="polite">
      {shown === of ? `${shown} shown` : `${shown} of ${of} shown`}
    </span>
  );
}
