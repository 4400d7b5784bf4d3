/**
 * One candidate's evidence log: quick keyboard-first capture at the top,
 * pasting a brag document, the coverage of the target level's criteria,
 * search and filters, and the items grouped by quarter with inline edit and
 * delete-with-undo. Reads come in as props (a live query in the page);
 * writes are commands (renderer/db/commands.ts).
 */
import { useRef, useState } from 'react';
import { evidenceDateNotes } from '../../../shared/packets/evidence-dates';
import type { EvidenceChangeNotice } from '../../../shared/packets/evidence-notice';
import type { CandidatePageData } from '../../db/candidates';
import { BragImport } from './brag-import';
import { EvidenceLogHead, NoEvidenceYet, UndoRow } from './evidence-log-parts';
import { CoverageSummary } from './coverage-summary';
import { criterionGroups, criterionIndex } from './criteria';
import { useLineage } from '../../db/framework-hooks';
import { localToday } from '../../components/dates';
import { EvidenceForm } from './evidence-form';
import { useEvidenceDraft } from './use-evidence-draft';
import { EvidenceFilters, filterEvidence, NO_FILTER, type EvidenceFilter } from './evidence-filters';
import { evidenceDomId, EvidenceList } from './evidence-list';
import { useFocusSoon, useNewItemShortcut } from './log-focus';
import { EvidenceEditor } from './evidence-editor';
import { useEvidenceEdit } from './use-evidence-edit';
import { undoText, useEvidenceActions } from './use-evidence-actions';
import './evidence.css';

const CHANGE_TAG = { added: 'Added', edited: 'Changed', removed: 'No longer cited' } as const;

/** Tags for the items changed since the submitted revision (a removed item shows only while it is still logged, unlinked). */
function changedTags(notice: EvidenceChangeNotice | null | undefined): Map<string, string> | undefined {
  if (!notice) return undefined;
  return new Map(notice.changes.map((c) => [c.id, `${CHANGE_TAG[c.change]} since revision ${notice.revision} was submitted`]));
}

export function EvidenceLog({ data, notice }: { data: CandidatePageData; notice?: EvidenceChangeNotice | null }) {
  const { candidate, cycle, framework, packet, evidence } = data;
  // An unsent draft survives a reload: the form reopens with it.
  const { draft: addDraft, setDraft: setAddDraft, restored } = useEvidenceDraft(candidate.id, localToday());
  const [addOpen, setAddOpen] = useState(restored);
  // Open on arrival with a kept draft, the form leaves the focus where the page puts it (its heading): it took the
  // focus, and N, the page's "log new evidence" key, typed an "n" into the draft's title (a manager trial).
  const [arrivedOpen, setArrivedOpen] = useState(restored);
  const [bragOpen, setBragOpen] = useState(false);
  const [filter, setFilter] = useState<EvidenceFilter>(NO_FILTER);
  const titleRef = useRef<HTMLInputElement>(null);
  const logRef = useRef<HTMLElement>(null);
  const focusSoon = useFocusSoon();
  const edit = useEvidenceEdit(candidate.id, evidence);
  const { add, save, remove, undo, addBatch, undoable, earlierUndos, dismissUndo } = useEvidenceActions({
    candidateId: candidate.id,
    filter,
    setAddDraft,
    titleRef,
    focusSoon,
    closeBrag: () => setBragOpen(false),
    finishEdit: edit.finish,
  });
  // N opens the quick-add form from anywhere on the page, as the button says.
  useNewItemShortcut(() => {
    setArrivedOpen(false);
    setAddOpen(true);
    titleRef.current?.focus();
  });

  const groups = criterionGroups(framework, candidate);
  // The lineage's other versions name a criterion the cycle's version dropped (a cycle moved to a newer version).
  const lineage = useLineage(framework?.lineageId ?? '');
  const criteria = criterionIndex(framework, lineage?.versions ?? []);
  const target = groups.find((g) => g.role === 'target');
  const visible = filterEvidence(evidence, filter);
  const evidenceWindow = cycle ? { from: cycle.evidenceFrom, to: cycle.evidenceTo } : null;
  const today = localToday();

  function openAdd() {
    setArrivedOpen(false);
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
      <EvidenceLogHead addOpen={addOpen} bragOpen={bragOpen} onLog={openAdd} onPaste={() => setBragOpen((o) => !o)} />

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
              setArrivedOpen(false);
              setAddOpen(false);
              focusSoon('evidence-log-button');
            }}
            closeLabel="Close"
            autoFocusTitle={!arrivedOpen}
            titleRef={titleRef}
          />
        </div>
      ) : null}

      {bragOpen ? (
        <BragImport
          groups={groups} criteria={criteria} today={today} window={evidenceWindow} recorded={evidence} onSave={addBatch}
          onClose={() => {
            setBragOpen(false);
            focusSoon('evidence-brag-button');
          }}
        />
      ) : null}

      {framework && cycle && target ? (
        <CoverageSummary framework={framework} cycle={cycle} packet={packet} target={target} evidence={evidence} onShow={showCriterion} />
      ) : null}

      {undoable ? <UndoRow text={undoText(undoable, earlierUndos)} onUndo={() => void undo()} onDismiss={dismissUndo} /> : null}

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
              editingId={edit.openId}
              hasChanges={edit.hasChanges}
              dateNotes={(item) => evidenceDateNotes(item.date, evidenceWindow, today)}
              onEdit={edit.open}
              onDelete={(item) => void remove(item)}
              renderEditor={(item) => (
                <EvidenceEditor item={item} edit={edit} groups={groups} cycle={cycle} onSave={(input) => save(item.id, input)} onClosed={() => focusSoon(`${evidenceDomId(item.id)}-edit`)} />
              )}
            />
          )}
        </>
      )}
    </section>
  );
}
