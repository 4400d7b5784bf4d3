/** Parts of a candidate's evidence log (evidence-log.tsx): the empty state that says what to do, and the undo row after a delete. */
import { EmptyState } from '../../components/empty-state';

export function NoEvidenceYet({ firstName, onLog, onPaste }: { firstName: string; onLog: () => void; onPaste: () => void }) {
  return (
    <EmptyState
      title="No evidence yet"
      action={
        <div className="detail-actions">
          <button type="button" className="button button-primary" onClick={onLog}>
            Log the first item
          </button>
          <button type="button" className="button button-secondary" onClick={onPaste}>
            Paste a brag document
          </button>
        </div>
      }
    >
      <p>
        Evidence is what the packet stands on: dated, concrete things {firstName} did, each linked to the criteria of the target level it shows.
      </p>
      <p>Log items as they happen. A criterion with evidence in two or more quarters counts as sustained, which is what a committee looks for.</p>
    </EmptyState>
  );
}

/** "Deleted …" with Undo (focused after the delete) and Dismiss. */
export function UndoDeleteRow({ title, onUndo, onDismiss }: { title: string; onUndo: () => void; onDismiss: () => void }) {
  return (
    <div className="undo-row">
      <span>Deleted “{title}”.</span>
      <button type="button" id="evidence-undo" className="button button-small" onClick={onUndo}>
        Undo
      </button>
      <button type="button" className="button-link" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
