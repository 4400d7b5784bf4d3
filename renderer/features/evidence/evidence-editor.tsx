/**
 * One evidence item open for editing in the log (use-evidence-edit.ts keeps
 * the changes): Esc closes and keeps them; Cancel drops them, asking first
 * when there are any; a form reopened over an item changed since says that
 * saving replaces those changes.
 */
import type { Cycle, Evidence } from '../../../shared/domain';
import { useConfirmDialog } from '../../components/use-confirm-dialog';
import type { EvidenceInput } from '../../db/evidence';
import type { CriterionGroup } from './criteria';
import { EvidenceForm } from './evidence-form';
import type { EvidenceEdit } from './use-evidence-edit';

interface Props {
  item: Evidence;
  edit: EvidenceEdit;
  groups: CriterionGroup[];
  cycle: Cycle | null;
  onSave: (input: EvidenceInput) => Promise<void>;
  /** After the form closed (Esc or Cancel): where the focus goes. */
  onClosed: () => void;
}

export function EvidenceEditor({ item, edit, groups, cycle, onSave, onClosed }: Props) {
  const { ask, dialog } = useConfirmDialog();
  const kept = edit.hasChanges(item);
  const note = !kept ? null : edit.changedSince(item) ? (
    <p className="field-hint evidence-edit-note" role="note">
      Your unsaved changes are back. The item was changed elsewhere since you began; saving replaces those changes with yours.
    </p>
  ) : (
    <p className="field-hint evidence-edit-note">Not saved yet: your changes are kept on this computer until you save or cancel them.</p>
  );
  return (
    <div className="evidence-item evidence-item-editing">
      <EvidenceForm
        label={`Edit “${item.title}”`}
        draft={edit.draftFor(item)}
        onDraftChange={(draft) => edit.change(item, draft)}
        groups={groups}
        cycle={cycle}
        submitLabel="Save changes"
        onSubmit={onSave}
        onClose={() => {
          edit.close();
          onClosed();
        }}
        onCancel={() => {
          if (kept) {
            ask({
              title: 'Discard your changes?',
              body: <p>{`Your changes to “${item.title}” are not saved and will be gone; the item stays as it is.`}</p>,
              confirmLabel: 'Discard changes',
              cancelLabel: 'Keep editing',
              onConfirm: () => {
                edit.finish(item);
                onClosed();
              },
            });
            return;
          }
          edit.finish(item);
          onClosed();
        }}
        closeLabel="Cancel"
        note={note}
        autoFocusTitle
      />
      {dialog}
    </div>
  );
}
