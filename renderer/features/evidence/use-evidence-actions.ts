/**
 * What the evidence log does to a candidate's evidence (evidence-log.tsx):
 * add, edit, delete with undo, and add a brag document's items (undone as
 * one, items edited since kept), each
 * announced, a failure said in words (a full disk as such) and focus put
 * where the next step is. A refusal by the rules is thrown back to the form,
 * which shows it under the field at fault.
 */
import { useState, type Dispatch, type RefObject, type SetStateAction } from 'react';
import { quoted, type Evidence } from '../../../shared/domain';
import { couldNot } from '../../../shared/util/error-message';
import { commands } from '../../db/commands';
import { EvidenceInvalidError, type EvidenceInput } from '../../db/evidence';
import { saveFailureMessage } from '../../db/storage-errors';
import { useUiStore } from '../../state/ui-store';
import { quarterText } from '../../components/dates';
import { blankDraft, type EvidenceDraft } from './evidence-draft';
import { filterEvidence, type EvidenceFilter } from './evidence-filters';
import { evidenceDomId } from './evidence-list';

interface Options {
  candidateId: string;
  /** The log's filter: an added item it hides is said to be hidden. */
  filter: EvidenceFilter;
  setAddDraft: Dispatch<SetStateAction<EvidenceDraft>>;
  titleRef: RefObject<HTMLInputElement | null>;
  focusSoon: (elementId: string, options?: { takeFrom?: string }) => void;
  closeBrag: () => void;
  /** The open edit (use-evidence-edit.ts): a save or a delete ends it. */
  finishEdit: (item: Pick<Evidence, 'id'>) => void;
}

/** A change the log's Undo row takes back: one deleted item, or a brag document's items as added. */
export type UndoableChange = { kind: 'deleted'; row: Evidence } | { kind: 'added'; rows: Evidence[] };

/**
 * How many changes Undo goes back through, newest first. One was too few: a manager's trial deleted two items in a
 * row and the first had no Undo left (it survived only in a submitted revision's copy).
 */
export const UNDO_DEPTH = 20;

/** What the Undo row says: the newest change, and how many more Undo reaches after it. */
export function undoText(change: UndoableChange, earlier = 0): string {
  const what = change.kind === 'deleted' ? `Deleted “${change.row.title}”.` : `Added ${change.rows.length === 1 ? '1 item' : `${change.rows.length} items`} from the brag document.`;
  return earlier === 0 ? what : `${what} Undo again for ${earlier === 1 ? 'the change' : `the ${earlier} changes`} before it.`;
}

export function useEvidenceActions({ candidateId, filter, setAddDraft, titleRef, focusSoon, closeBrag, finishEdit }: Options) {
  const announce = useUiStore((s) => s.announce);
  // Newest last; Undo takes back the newest, then the one before it.
  const [undoStack, setUndoStack] = useState<UndoableChange[]>([]);
  const undoable = undoStack.at(-1) ?? null;
  const remember = (change: UndoableChange) => setUndoStack((stack) => [...stack, change].slice(-UNDO_DEPTH));

  async function add(input: EvidenceInput) {
    try {
      const item = await commands.addEvidence(candidateId, input, new Date().toISOString());
      setAddDraft((d) => ({ ...blankDraft(d.date), kind: d.kind, source: d.source }));
      const hidden = filterEvidence([item], filter).length === 0;
      announce(`Added ${quoted(item.title, 80)} to ${quarterText(item.date)}.${hidden ? ' It is hidden by the current filters.' : ''}`);
      titleRef.current?.focus();
    } catch (error) {
      if (error instanceof EvidenceInvalidError) throw error;
      announce(couldNot('add the evidence', saveFailureMessage(error)), 'error');
    }
  }

  async function save(id: string, input: EvidenceInput) {
    try {
      const item = await commands.updateEvidence(id, input, new Date().toISOString());
      finishEdit(item);
      focusSoon(`${evidenceDomId(id)}-edit`);
      announce(`Saved ${quoted(item.title, 80)}.`);
    } catch (error) {
      if (error instanceof EvidenceInvalidError) throw error;
      announce(couldNot('save the change', saveFailureMessage(error)), 'error');
    }
  }

  async function remove(item: Evidence) {
    try {
      const row = await commands.deleteEvidence(item.id);
      remember({ kind: 'deleted', row });
      finishEdit(item);
      focusSoon('evidence-undo');
      announce(`Deleted ${quoted(row.title, 80)}. Undo is at the top of the list.`);
    } catch (error) {
      announce(couldNot('delete', saveFailureMessage(error)), 'error');
    }
  }

  async function undo() {
    if (!undoable) return;
    try {
      if (undoable.kind === 'deleted') {
        await commands.restoreEvidence(undoable.row);
        // The Undo row may stay for an earlier change, its button keeping the focus: it is taken from there too.
        focusSoon(evidenceDomId(undoable.row.id), { takeFrom: 'evidence-undo' });
        announce(`Restored ${quoted(undoable.row.title, 80)}.`);
      } else {
        const { removed, kept } = await commands.undoEvidenceBatch(undoable.rows);
        focusSoon('evidence-heading', { takeFrom: 'evidence-undo' });
        const edited = kept.length === 0 ? '' : ` Kept ${kept.length === 1 ? '1 item' : `${kept.length} items`} you edited since: ${kept.map((r) => `“${r.title}”`).join(', ')}.`;
        announce(`Removed ${removed.length === 1 ? '1 item' : `${removed.length} items`} added from the brag document.${edited}`);
      }
      setUndoStack((stack) => stack.filter((c) => c !== undoable));
    } catch (error) {
      announce(couldNot(undoable.kind === 'deleted' ? 'restore' : 'undo the brag document', saveFailureMessage(error)), 'error');
    }
  }

  async function addBatch(inputs: EvidenceInput[]) {
    const rows = await commands.addEvidenceBatch(candidateId, inputs, new Date().toISOString());
    closeBrag();
    remember({ kind: 'added', rows });
    const quarters = [...new Set(rows.map((r) => quarterText(r.date)))].sort().reverse();
    announce(`Added ${rows.length === 1 ? '1 item' : `${rows.length} items`} from the brag document (${quarters.join(', ')}). Undo is at the top of the list.`);
    focusSoon('evidence-heading');
  }

  return { add, save, remove, undo, addBatch, undoable, earlierUndos: Math.max(0, undoStack.length - 1), dismissUndo: () => setUndoStack([]) };
}
