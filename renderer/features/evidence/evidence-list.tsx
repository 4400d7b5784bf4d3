/**
 * The evidence log, grouped by the quarter each item counts in (newest
 * quarter first, newest item first), because "sustained" means evidence in
 * several quarters and the manager should see at a glance which quarters
 * are thin. Each item shows what a committee would ask: when, what kind,
 * who says so, which criteria it shows, and where to read more.
 */
import type { ReactNode } from 'react';
import { DATE_NOTE_TAG, type EvidenceDateNote } from '../../../shared/packets/evidence-dates';
import type { Evidence } from '../../../shared/domain';
import { quarterKey } from '../../../shared/util/dates';
import { shortText, type NamedCriterion } from './criteria';
import { formatDate, quarterText } from '../../components/dates';
import { ExternalLink } from './external-link';
import { KIND_LABELS, SOURCE_LABELS } from './labels';
import { inOrderOf } from '../../../shared/domain/framework';

export interface QuarterGroup {
  key: string;
  label: string;
  items: Evidence[];
}

/** Newest quarter first; inside a quarter, newest first (then by title, for a stable order). */
export function groupByQuarter(items: readonly Evidence[]): QuarterGroup[] {
  const groups = new Map<string, QuarterGroup>();
  for (const item of items) {
    const key = quarterKey(item.date) ?? 'undated';
    let group = groups.get(key);
    if (!group) {
      group = { key, label: quarterText(item.date) || 'Without a valid date', items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  const sorted = [...groups.values()].sort((a, b) => (a.key === b.key ? 0 : a.key < b.key ? 1 : -1));
  for (const g of sorted) g.items.sort((a, b) => (a.date === b.date ? a.title.localeCompare(b.title) : a.date < b.date ? 1 : -1));
  return sorted;
}

export function evidenceDomId(id: string): string {
  return `evidence-${id}`;
}

function EvidenceItem({
  item,
  criteria,
  changed,
  unsaved,
  notes,
  onEdit,
  onDelete,
}: {
  item: Evidence;
  criteria: Map<string, NamedCriterion>;
  changed: string | undefined;
  /** Changes to it are kept, not saved (Esc closed its edit). */
  unsaved: boolean;
  /** What its date says about whether it counts (evidenceDateNotes). */
  notes: readonly EvidenceDateNote[];
  onEdit: () => void;
  onDelete: () => void;
}) {
  const headingId = `${evidenceDomId(item.id)}-title`;
  return (
    <article className="evidence-item" id={evidenceDomId(item.id)} tabIndex={-1} aria-labelledby={headingId}>
      <div className="evidence-item-head">
        <h4 id={headingId}>{item.title}</h4>
        <div className="evidence-item-actions">
          {/* Named with the item, so a list of the page's buttons (a screen reader's) tells the items' Edit and Delete apart. */}
          <button type="button" className="button button-small" id={`${evidenceDomId(item.id)}-edit`} onClick={onEdit}>
            {unsaved ? 'Continue editing' : 'Edit'} <span className="visually-hidden">“{item.title}”</span>
          </button>
          <button type="button" className="button button-small button-quiet-danger" onClick={onDelete}>
            Delete <span className="visually-hidden">“{item.title}”</span>
          </button>
        </div>
      </div>
      <p className="evidence-meta">
        <time dateTime={item.date}>{formatDate(item.date)}</time>
        <span className="evidence-kind">{KIND_LABELS[item.kind]}</span>
        <span>Source: {SOURCE_LABELS[item.source].toLowerCase()}</span>
        {changed ? <span className="tag evidence-changed">{changed}</span> : null}
        {unsaved ? <span className="tag evidence-unsaved">Unsaved changes</span> : null}
        {notes.map((note) => (
          <span key={note} className="tag evidence-date-note">
            {DATE_NOTE_TAG[note]}
          </span>
        ))}
      </p>
      {item.description ? <p className="evidence-description">{item.description}</p> : null}
      {item.criterionIds.length > 0 ? (
        <ul className="evidence-criteria" aria-label="Criteria">
          {inOrderOf(criteria, item.criterionIds).map((id) => {
            const named = criteria.get(id);
            return (
              <li key={id} title={named?.text}>
                <span className="criterion-code">{named?.code ?? '?'}</span> {named ? shortText(named.text) : 'A criterion no longer in the framework'}
                {named?.version !== undefined ? <span className="muted"> (v{named.version} only: not in this cycle’s version, so it does not count)</span> : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="evidence-unlinked">Not linked to a criterion yet.</p>
      )}
      {item.links.length > 0 ? (
        <ul className="evidence-links" aria-label="Links">
          {item.links.map((url) => (
            <li key={url}>
              <ExternalLink url={url} />
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}

export function EvidenceList({
  items,
  criteria,
  changed,
  editingId,
  hasChanges,
  dateNotes,
  renderEditor,
  onEdit,
  onDelete,
}: {
  items: readonly Evidence[];
  criteria: Map<string, NamedCriterion>;
  /** Items changed since the submitted revision, by id: the words to show beside them. */
  changed?: ReadonlyMap<string, string>;
  editingId: string | null;
  /** Whether an item has changes kept from an edit closed with Esc. */
  hasChanges?: (item: Evidence) => boolean;
  /** What an item's date says about whether it counts. */
  dateNotes?: (item: Evidence) => readonly EvidenceDateNote[];
  renderEditor: (item: Evidence) => ReactNode;
  onEdit: (item: Evidence) => void;
  onDelete: (item: Evidence) => void;
}) {
  return (
    <div className="evidence-quarters">
      {groupByQuarter(items).map((group) => (
        <section key={group.key} className="evidence-quarter" aria-labelledby={`quarter-${group.key}`}>
          <h3 id={`quarter-${group.key}`}>
            {group.label} <span className="muted evidence-quarter-count">{group.items.length === 1 ? '1 item' : `${group.items.length} items`}</span>
          </h3>
          <ol className="evidence-items">
            {group.items.map((item) => (
              <li key={item.id}>
                {editingId === item.id ? (
                  renderEditor(item)
                ) : (
                  <EvidenceItem item={item} criteria={criteria} changed={changed?.get(item.id)} unsaved={hasChanges?.(item) ?? false} notes={dateNotes?.(item) ?? []} onEdit={() => onEdit(item)} onDelete={() => onDelete(item)} />
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
