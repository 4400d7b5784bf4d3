/**
 * Search and filters over one candidate's evidence: words in the title or
 * description, kind, source, criterion (or "not linked yet", the items a
 * manager still has to place) and quarter.
 */
import { useId } from 'react';
import type { Evidence, EvidenceKind, EvidenceSource } from '../../../shared/domain';
import { quarterKey, quarterKeyLabel } from '../../../shared/util/dates';
import type { CriterionGroup, NamedCriterion } from './criteria';
import { KIND_LABELS, KINDS, SOURCE_LABELS, SOURCES } from './labels';

export const UNLINKED = '__unlinked';

export interface EvidenceFilter {
  query: string;
  kind: EvidenceKind | '';
  source: EvidenceSource | '';
  /** A criterion id, UNLINKED, or '' for any. */
  criterionId: string;
  /** A quarter key ("2026-Q2") or '' for any. */
  quarter: string;
}

export const NO_FILTER: EvidenceFilter = { query: '', kind: '', source: '', criterionId: '', quarter: '' };

export function isFiltering(filter: EvidenceFilter): boolean {
  return filter.query.trim() !== '' || filter.kind !== '' || filter.source !== '' || filter.criterionId !== '' || filter.quarter !== '';
}

export function filterEvidence(items: readonly Evidence[], filter: EvidenceFilter): Evidence[] {
  const words = filter.query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((e) => {
    if (filter.kind && e.kind !== filter.kind) return false;
    if (filter.source && e.source !== filter.source) return false;
    if (filter.criterionId === UNLINKED ? e.criterionIds.length > 0 : filter.criterionId && !e.criterionIds.includes(filter.criterionId)) return false;
    if (filter.quarter && quarterKey(e.date) !== filter.quarter) return false;
    if (words.length > 0) {
      const text = `${e.title}\n${e.description}`.toLowerCase();
      if (!words.every((w) => text.includes(w))) return false;
    }
    return true;
  });
}

export function EvidenceFilters({
  filter,
  onChange,
  items,
  groups,
  criteria,
  shown,
}: {
  filter: EvidenceFilter;
  onChange: (filter: EvidenceFilter) => void;
  items: readonly Evidence[];
  groups: CriterionGroup[];
  criteria: Map<string, NamedCriterion>;
  shown: number;
}) {
  const id = useId();
  const set = <K extends keyof EvidenceFilter>(key: K, value: EvidenceFilter[K]) => onChange({ ...filter, [key]: value });
  const quarters = [...new Set(items.map((e) => quarterKey(e.date)).filter((k): k is string => k !== null))].sort().reverse();
  // Criteria linked from other levels (an earlier target) stay filterable.
  const inGroups = new Set(groups.flatMap((g) => g.criteria.map((c) => c.id)));
  const others = [...new Set(items.flatMap((e) => e.criterionIds))].filter((cid) => !inGroups.has(cid)).map((cid) => criteria.get(cid)).filter((c) => c !== undefined);

  return (
    <div className="evidence-filters" id="evidence-filters" role="search" aria-label="Search and filter evidence">
      <div className="evidence-filter evidence-filter-search">
        <label htmlFor={`${id}-search`}>Search</label>
        <input type="search" id={`${id}-search`} placeholder="Title or description" value={filter.query} onChange={(e) => set('query', e.target.value)} />
      </div>
      <div className="evidence-filter">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select id={`${id}-kind`} value={filter.kind} onChange={(e) => set('kind', e.target.value as EvidenceFilter['kind'])}>
          <option value="">Any kind</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="evidence-filter">
        <label htmlFor={`${id}-source`}>Source</label>
        <select id={`${id}-source`} value={filter.source} onChange={(e) => set('source', e.target.value as EvidenceFilter['source'])}>
          <option value="">Any source</option>
          {SOURCES.map((s) => (
            <option key={s} value={s}>
              {SOURCE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="evidence-filter evidence-filter-criterion">
        <label htmlFor={`${id}-criterion`}>Criterion</label>
        <select id={`${id}-criterion`} value={filter.criterionId} onChange={(e) => set('criterionId', e.target.value)}>
          <option value="">Any criterion</option>
          <option value={UNLINKED}>Not linked to a criterion</option>
          {groups.map((g) => (
            <optgroup key={g.role} label={g.label}>
              {g.criteria.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.code} {c.text.length > 60 ? `${c.text.slice(0, 59)}…` : c.text}
                </option>
              ))}
            </optgroup>
          ))}
          {others.length > 0 ? (
            <optgroup label="Other levels">
              {others.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.code} {c.text.length > 60 ? `${c.text.slice(0, 59)}…` : c.text}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </div>
      <div className="evidence-filter">
        <label htmlFor={`${id}-quarter`}>Quarter</label>
        <select id={`${id}-quarter`} value={filter.quarter} onChange={(e) => set('quarter', e.target.value)}>
          <option value="">Any quarter</option>
          {quarters.map((q) => (
            <option key={q} value={q}>
              {quarterKeyLabel(q)}
            </option>
          ))}
        </select>
      </div>
      <p className="evidence-filter-count muted" id={`${id}-count`} aria-live="polite">
        {shown === items.length ? `${items.length} ${items.length === 1 ? 'item' : 'items'}` : `${shown} of ${items.length} items`}
      </p>
      {isFiltering(filter) ? (
        <button type="button" className="button button-small" onClick={() => onChange(NO_FILTER)}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
