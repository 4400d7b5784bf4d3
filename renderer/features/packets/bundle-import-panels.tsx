/**
 * The import's refusal panel, with its issues. Split from bundle-import.tsx
 * to keep each file small.
 */
import type { BundleError } from '../../../shared/exchange/bundle-format';
import { IssueList } from '../../components/issue-list';

export function RefusedPanel({ id, fileName, error, onClose }: { id: string; fileName: string; error: BundleError; onClose: () => void }) {
  return (
    <section className="import-panel" aria-labelledby={`${id}-et`}>
      <h2 id={`${id}-et`}>{fileName} cannot be imported</h2>
      <IssueList title={error.message} issues={error.issues ?? (error.field ? [{ message: 'the field to check in the file', field: error.field }] : [])} />
      <button type="button" className="button button-secondary" onClick={onClose}>
        Close
      </button>
    </section>
  );
}
