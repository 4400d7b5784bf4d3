/**
 * "Paste brag document": the candidate's own running list of wins, pasted
 * as Markdown bullets, becomes one evidence item per bullet. Nothing is
 * saved until the manager has reviewed the rows (title, date, kind,
 * criteria, include or not) and pressed "Add N items", which saves them in
 * one transaction: all of them or, on any failure, none.
 */
import { useId } from 'react';
import type { EvidenceWindow } from '../../../shared/packets/coverage';
import type { EvidenceInput } from '../../db/evidence';
import { BragBulkBar } from './brag-bulk-bar';
import { BragReviewRow } from './brag-review-row';
import type { CriterionGroup, NamedCriterion } from './criteria';
import { useBragImport } from './use-brag-import';

const EXAMPLE = `## March 2026
- Shipped the receipts queue (2026-03-14)
- Mentored Ana through her first design doc
## Q2 2026
- Led the post-incident review for the checkout outage https://wiki.example.com/pir-42`;

export function BragImport({
  groups,
  criteria,
  today,
  window,
  recorded,
  onSave,
  onClose,
}: {
  groups: CriterionGroup[];
  criteria: Map<string, NamedCriterion>;
  today: string;
  /** The cycle's evidence window, to say which items will not count. */
  window: EvidenceWindow | null;
  /** The candidate's evidence already on record: a bullet repeating one starts left out. */
  recorded: readonly { title: string; date: string }[];
  /** Saves every item in one transaction; throws EvidenceInvalidError naming items by index. */
  onSave: (inputs: EvidenceInput[]) => Promise<void>;
  onClose: () => void;
}) {
  const id = useId();
  const { text, setText, error, rows, warnings, source, setSource, bulkCriterion, setBulkCriterion, rowProblems, busy, included, parse, updateRow, linkAll, save } = useBragImport({ id, today, recorded, onSave });

  return (
    <section className="brag-import" aria-labelledby={`${id}-heading`}>
      <div className="brag-import-head">
        <h3 id={`${id}-heading`}>Paste a brag document</h3>
        <button type="button" className="button button-small" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="muted brag-import-lede">
        One evidence item per top-level bullet. Dates in a bullet (2026-03-14, 14 Mar 2026, March 2026, Q2 2026) or in a heading above it set the
        quarter; bullets without one get today’s date. You review every item before anything is saved.
      </p>
      <label htmlFor={`${id}-text`} className="evidence-field-label">
        Brag document (Markdown)
      </label>
      <textarea
        id={`${id}-text`}
        className="brag-text"
        rows={rows ? 4 : 8}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={EXAMPLE}
        spellCheck={false}
        // Opened by "Paste brag document": the focus goes where the pasting is (it stayed on the button, two Tabs away).
        autoFocus
        aria-describedby={error ? `${id}-error` : undefined}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            parse();
          }
        }}
      />
      <div className="evidence-form-actions">
        <button type="button" className="button button-secondary" onClick={parse} disabled={text.trim() === ''}>
          {rows ? 'Parse again' : 'Parse'}
        </button>
      </div>
      {error ? (
        <p className="issue-list" role="alert" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {warnings.length > 0 ? (
        <div className="brag-warnings" role="status">
          <h4>{warnings.length === 1 ? '1 thing to check' : `${warnings.length} things to check`}</h4>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>
                <strong>Line {w.line}:</strong> {w.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {rows ? (
        <div className="brag-review">
          <BragBulkBar source={source} setSource={setSource} bulkCriterion={bulkCriterion} setBulkCriterion={setBulkCriterion} groups={groups} linkAll={linkAll} noneIncluded={included.length === 0} />
          <table className="data-table compact brag-table">
            <caption>
              Review {rows.length === 1 ? 'the item' : `${rows.length} items`} before adding
            </caption>
            <thead>
              <tr>
                <th scope="col">Add</th>
                <th scope="col">Title</th>
                <th scope="col">Date</th>
                <th scope="col">Kind</th>
                <th scope="col">Criteria</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <BragReviewRow key={r.key} id={id} row={r} n={i + 1} problems={rowProblems.get(r.key)} groups={groups} criteria={criteria} window={window} today={today} updateRow={updateRow} />
              ))}
            </tbody>
          </table>
          <div className="evidence-form-actions">
            <button type="button" className="button button-primary" onClick={() => void save()} disabled={busy || included.length === 0} aria-busy={busy}>
              {included.length === 1 ? 'Add 1 item' : `Add ${included.length} items`}
            </button>
            <span className="muted">
              {rows.length - included.length > 0 ? `${rows.length - included.length} left out. ` : ''}Saved together: all of them or, if anything fails, none.
            </span>
          </div>
        </div>
      ) : null}
    </section>
  );
}
