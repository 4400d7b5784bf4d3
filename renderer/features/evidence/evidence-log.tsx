/**
 * One candidate's evidence log: quick keyboard-first capture at the top,
 * pasting a brag document, the coverage of the target level's criteria,
 * search and filters, and the items grouped by quarter with inline edit and
 * delete-with-undo. Reads come in as props (a live query in the page);
 * writes are commands (renderer/db/commands.ts).
 */
import { useRef, useState } from 'react';
import type { Evidence } from '../../../shared/domain';
import type { EvidenceChangeNotice } from '../../../shared/packets/evidence-notice';
import type { CandidatePageData } from '../../db/candidates';
import { commands } from '../../db/commands';
import { EvidenceInvalidError, type EvidenceInput } from '../../db/evidence';
import { useUiStore } from '../../state/ui-store';
import { BragImport } from './brag-import';
import { NoEvidenceYet, UndoDeleteRow } from './evidence-log-parts';
import { CoverageSummary } from './coverage-summary';
import { criterionGroups, criterionIndex } from './criteria';
import { localToday, quarterText } from './dates';
import { blankDraft, EvidenceForm, type EvidenceDraft } from './evidence-form';
import { useEvidenceDraft } from './use-evidence-draft';
import { EvidenceFilters, filterEvidence, NO_FILTER, type EvidenceFilter } from './evidence-filters';
import { evidenceDomId, EvidenceList } from './evidence-list';
import { useFocusSoon, useNewItemShortcut } from './log-focus';
import './evidence.css';
import { saveFailureMessage } from '../../db/storage-errors';

function draftOf(item: Evidence): EvidenceDraft {
  return {
    title: item.title,
    description: item.description,
    date: item.date,
    kind: item.kind,
    source: item.source,
    linksText: item.links.join('\n'),
    criterionIds: [...item.criterionIds],
  };
}

/** A full disk in words (not "AbortError"); a refusal by the rules keeps its own sentence. */
function message(error: unknown): string {
  return saveFailureMessage(error);
}

const CHANGE_TAG = { added: 'Added', edited: 'Changed', removed: 'No longer cited' } as const;

/** Tags for the items changed since the submitted revision (a removed item shows only while it is still logged, unlinked). */
function changedTags(notice: EvidenceChangeNotice | null | undefined): Map<string, string> | undefined {
  if (!notice) return undefined;
  return new Map(notice.changes.map((c) => [c.id, `${CHANGE_TAG[c.change]} since revision ${notice.revision} was submitted`]));
}

export function EvidenceLog({ data, notice }: { data: CandidatePageData; notice?: EvidenceChangeNotice | null }) {
  const { candidate, cycle, framework, packet, evidence } = data;
  const announce = useUiStore((s) => s.announce);
  // An unsent draft survives a reload: the form reopens with it.
  const { draft: addDraft, setDraft: setAddDraft, restored } = useEvidenceDraft(candidate.id, localToday());
  const [addOpen, setAddOpen] = useState(restored);
  const [bragOpen, setBragOpen] = useState(false);
  const [filter, setFilter] = useState<EvidenceFilter>(NO_FILTER);
  const [editing, setEditing] = useState<{ id: string; draft: EvidenceDraft } | null>(null);
  const [deleted, setDeleted] = useState<Evidence | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const logRef = useRef<HTMLElement>(null);
  const focusSoon = useFocusSoon();
  // N opens the quick-add form from anywhere on the page, as the button says.
  useNewItemShortcut(() => {
    setAddOpen(true);
    titleRef.current?.focus();
  });

  const groups = criterionGroups(framework, candidate);
  const criteria = criterionIndex(framework);
  const target = groups.find((g) => g.role === 'target');
  const visible = filterEvidence(evidence, filter);

  async function add(input: EvidenceInput) {
    try {
      const item = await commands.addEvidence(candidate.id, input, new Date().toISOString());
      setAddDraft((d) => ({ ...blankDraft(d.date), kind: d.kind, source: d.source }));
      const hidden = filterEvidence([item], filter).length === 0;
      announce(`Added “${item.title}” to ${quarterText(item.date)}.${hidden ? ' It is hidden by the current filters.' : ''}`);
      titleRef.current?.focus();
    } catch (error) {
      if (error instanceof EvidenceInvalidError) throw error;
      announce(`Could not add the evidence: ${message(error)}`, 'error');
    }
  }

  async function save(id: string, input: EvidenceInput) {
    try {
      const item = await commands.updateEvidence(id, input, new Date().toISOString());
      setEditing(null);
      focusSoon(`${evidenceDomId(id)}-edit`);
      announce(`Saved “${item.title}”.`);
    } catch (error) {
      if (error instanceof EvidenceInvalidError) throw error;
      announce(`Could not save the change: ${message(error)}`, 'error');
    }
  }

  async function remove(item: Evidence) {
    try {
      const row = await commands.deleteEvidence(item.id);
      setDeleted(row);
      if (editing?.id === item.id) setEditing(null);
      focusSoon('evidence-undo');
      announce(`Deleted “${row.title}”. Undo is at the top of the list.`);
    } catch (error) {
      announce(`Could not delete: ${message(error)}`, 'error');
    }
  }

  async function undo() {
    if (!deleted) return;
    try {
      await commands.restoreEvidence(deleted);
      focusSoon(evidenceDomId(deleted.id));
      announce(`Restored “${deleted.title}”.`);
      setDeleted(null);
    } catch (error) {
      announce(`Could not restore: ${message(error)}`, 'error');
    }
  }

  async function addBatch(inputs: EvidenceInput[]) {
    const rows = await commands.addEvidenceBatch(candidate.id, inputs, new Date().toISOString());
    setBragOpen(false);
    const quarters = [...new Set(rows.map((r) => quarterText(r.date)))].sort().reverse();
    announce(`Added ${rows.length === 1 ? '1 item' : `${rows.length} items`} from the brag document (${quarters.join(', ')}).`);
    focusSoon('evidence-heading');
  }

  function openAdd() {
    setAddOpen(true);
    titleRef.current?.focus();
  }

  function showCriterion(criterionId: string) {
    setFilter({ ...NO_FILTER, criterionId });
    // Bring the filters (now showing this criterion) and the items under them into view.
    const filters = document.getElementById('evidence-filters') ?? logRef.current;
    if (filters && typeof filters.scrollIntoView === 'function') filters.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }

  return (
    <section className="evidence-log" aria-labelledby="evidence-heading" ref={logRef}>
      <div className="evidence-log-head">
        <h2 id="evidence-heading" tabIndex={-1}>
          Evidence
        </h2>
        <div className="evidence-log-actions">
          <button type="button" id="evidence-log-button" className="button button-primary" onClick={openAdd} aria-expanded={addOpen} aria-keyshortcuts="N">
            Log evidence <kbd aria-hidden="true">N</kbd>
          </button>
          <button type="button" id="evidence-brag-button" className="button button-secondary" onClick={() => setBragOpen((o) => !o)} aria-expanded={bragOpen}>
            Paste brag document
          </button>
        </div>
      </div>

      {addOpen ? (
        <div className="evidence-quick-add">
          <EvidenceForm
            label="Log evidence"
            draft={addDraft}
            onDraftChange={setAddDraft}
            groups={groups}
            cycle={cycle}
            submitLabel="Add evidence"
            onSubmit={add}
            onClose={() => {
              setAddOpen(false);
              focusSoon('evidence-log-button');
            }}
            closeLabel="Close"
            autoFocusTitle
            titleRef={titleRef}
          />
        </div>
      ) : null}

      {bragOpen ? (
        <BragImport
          groups={groups} criteria={criteria} today={localToday()} onSave={addBatch}
          onClose={() => {
            setBragOpen(false);
            focusSoon('evidence-brag-button');
          }}
        />
      ) : null}

      {framework && cycle && target ? (
        <CoverageSummary framework={framework} cycle={cycle} packet={packet} target={target} evidence={evidence} onShow={showCriterion} />
      ) : null}

      {deleted ? <UndoDeleteRow title={deleted.title} onUndo={() => void undo()} onDismiss={() => setDeleted(null)} /> : null}

      {evidence.length === 0 ? (
        addOpen || bragOpen ? null : (
          <NoEvidenceYet firstName={candidate.name.split(' ')[0] ?? candidate.name} onLog={openAdd} onPaste={() => setBragOpen(true)} />
        )
      ) : (
        <>
          <EvidenceFilters filter={filter} onChange={setFilter} items={evidence} groups={groups} criteria={criteria} shown={visible.length} />
          {visible.length === 0 ? (
            <p className="muted">No evidence matches these filters.</p>
          ) : (
            <EvidenceList
              items={visible}
              criteria={criteria}
              changed={changedTags(notice)}
              editingId={editing?.id ?? null}
              onEdit={(item) => setEditing({ id: item.id, draft: draftOf(item) })}
              onDelete={(item) => void remove(item)}
              renderEditor={(item) => (
                <div className="evidence-item evidence-item-editing">
                  <EvidenceForm
                    label={`Edit “${item.title}”`}
                    draft={editing?.draft ?? draftOf(item)}
                    onDraftChange={(draft) => setEditing({ id: item.id, draft })}
                    groups={groups}
                    cycle={cycle}
                    submitLabel="Save changes"
                    onSubmit={(input) => save(item.id, input)}
                    onClose={() => {
                      setEditing(null);
                      focusSoon(`${evidenceDomId(item.id)}-edit`);
                    }}
                    closeLabel="Cancel"
                    autoFocusTitle
                  />
                </div>
              )}
            />
          )}
        </>
      )}
    </section>
  );
}
