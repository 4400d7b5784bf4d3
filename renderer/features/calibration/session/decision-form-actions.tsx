/**
 * The decision form's last row and its refusal: Save decision; Cancel (a
 * change) or Discard draft (a new decision written and not saved), asking
 * first when there are unsaved words to lose; and, when the save was refused
 * because the decision was saved elsewhere meanwhile, the two ways on:
 * keep the saved one, or save this one over it.
 */
import { useConfirmDialog } from '../../../components/use-confirm-dialog';
import type { DecisionForm } from './use-decision-form';

export function DecisionFailure({ form }: { form: DecisionForm }) {
  if (!form.failure) return null;
  return (
    <div className="issue-list decision-failure" role="alert">
      <p>{form.failure}</p>
      {form.conflict ? (
        <p className="decision-actions">
          <button type="button" className="button button-secondary" onClick={form.cancel}>
            Show the saved decision
          </button>
          <button type="button" className="button button-secondary" onClick={form.overwrite} disabled={form.busy}>
            Save mine over it
          </button>
        </p>
      ) : null}
    </div>
  );
}

export function DecisionActions({ form, changing, candidateName }: { form: DecisionForm; changing: boolean; candidateName: string }) {
  const { ask, dialog } = useConfirmDialog();
  const label = changing ? 'Cancel' : 'Discard draft';
  // "Cancel" beside "Cancel the change" read as two ways to do one thing: the dialog's choices say what each keeps.
  const askFirst = () =>
    ask({
      title: changing ? 'Discard your changes to this decision?' : 'Discard this draft?',
      body: <p>{changing ? `What you changed in the decision for ${candidateName} is not saved and will be gone; the saved decision stays as it is.` : `What you wrote for ${candidateName} is not saved and will be gone.`}</p>,
      confirmLabel: changing ? 'Discard the changes' : 'Discard draft',
      cancelLabel: 'Keep editing',
      onConfirm: form.cancel,
    });
  return (
    <div className="decision-actions">
      <button type="submit" className="button button-primary" disabled={form.busy} aria-busy={form.busy}>
        Save decision
      </button>
      {changing || form.kept ? (
        <button type="button" className="button button-secondary" onClick={() => (form.kept ? askFirst() : form.cancel())}>
          {label}
        </button>
      ) : null}
      {form.kept ? <span className="field-hint">Not saved yet: the draft is kept on this computer until it is saved or {changing ? 'cancelled' : 'discarded'}.</span> : null}
      {dialog}
    </div>
  );
}
