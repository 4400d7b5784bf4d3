/** Parts of a candidate's evidence log (evidence-log.tsx): its heading, the empty state that says what to do, and the undo row after a delete or a brag document. */
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

/** "Deleted …" or "Added 12 items from the brag document." with Undo (focused after a delete) and Dismiss. */
export function UndoRow({ text, onUndo, onDismiss }: { text: string; onUndo: () => void; onDismiss: () => void }) {
  return (
    <div className="undo-row">
      <span>{text}</span>
      <button type="button" id="evidence-undo" className="button button-small" onClick={onUndo}>
        Undo
      </button>
      <button type="button" className="button-link" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

/** The log's heading and its two ways in: log one item (N) or paste a brag document. */
export function EvidenceLogHead({ addOpen, bragOpen, onLog, onPaste }: { addOpen: boolean; bragOpen: boolean; onLog: () => void; onPaste: () => void }) {
  return (
    <div className="evidence-log-head">
      <h2 id="evidence-heading" tabIndex={-1}>
        Evidence
      </h2>
      <div className="evidence-log-actions">
        <button type="button" id="evidence-log-button" className="button button-primary" onClick={onLog} aria-expanded={addOpen} aria-keyshortcuts="N">
          Log evidence <kbd aria-hidden="true">N</kbd>
        </button>
        <button type="button" id="evidence-brag-button" className="button button-secondary" onClick={onPaste} aria-expanded={bragOpen}>
          Paste brag document
        </button>
      </div>
    </div>
  );
}
