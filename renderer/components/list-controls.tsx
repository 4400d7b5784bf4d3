/**
 * The controls the lists share (Candidates, Packets): a search box and the
 * "Show archived" toggle, so every list searches and hides archived rows
 * the same way. Which fields a search covers is the shared rule in
 * shared/util/search.ts.
 */
import type { ReactNode } from 'react';

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

/** "12 shown" or "3 of 12 shown", announced politely as the list narrows. */
export function ShownCount({ shown, of }: { shown: number; of: number }): ReactNode {
  return (
    <span className="muted" aria-live="polite">
      {shown === of ? `${shown} shown` : `${shown} of ${of} shown`}
    </span>
  );
}
