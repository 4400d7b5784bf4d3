/**
 * The import preview: what importing a bundle would do, each packet
 * conflict with what each side changed since the revision both started from,
 * and the merge rule in plain words, so the user knows why before anything
 * is written. Every text here comes from the pure planner (merge-plan.ts)
 * and is rendered as text, never as HTML.
 */
import type { BundleSummary } from '../../../shared/exchange/bundle-format';
import { formatInstant } from '../../components/dates';
import { useRef } from 'react';
import { useFocusIfLost } from '../../components/use-focus-kept';
import { MERGE_RULE_TEXT, planHasChanges, type MergePlan, type PacketConflict } from '../../../shared/exchange/merge-plan';

/** What the preview shows of a plan: a whole plan, or the preview the import worker sends (counts, not rows). */
type ShownPlan = Pick<MergePlan, 'refusals' | 'summary' | 'conflicts'>;

/** The summary without the per-conflict lines, which the conflict list below shows with their details. */
function overview(plan: ShownPlan): string[] {
  const detailed = new Set(plan.conflicts.map((c) => `${c.candidateName}: ${c.reason}`));
  return plan.summary.filter((line) => !detailed.has(line));
}

function sinceText(c: PacketConflict): string {
  return c.baseRevision === null ? 'since the packets were started' : `since revision ${c.baseRevision}`;
}

function sideTitles(c: PacketConflict): [string, string] {
  if (c.kind === 'submitted-elsewhere') return ['Your unsent edits here (kept in the packet history)', 'The submission in the file (becomes current)'];
  if (c.kind === 'submitted-here') return ['The submission here (stays current)', 'The other machine’s unsent edits (kept in the packet history)'];
  if (c.kind === 'frozen-here') return [`Revision ${c.existingRevision} here (not changed)`, 'The different copy in the file (kept in the packet history)'];
  return [`Revision ${c.existingRevision} here`, `Revision ${c.incomingRevision} in the file`];
}

function ConflictItem({ conflict }: { conflict: PacketConflict }) {
  const [here, there] = sideTitles(conflict);
  return (
    <li className="import-conflict">
      <p>
        <strong>{conflict.candidateName}</strong>: {conflict.reason}
      </p>
      <div className="import-conflict-sides">
        {[
          { title: here, lines: conflict.changedHere },
          { title: there, lines: conflict.changedInBundle },
        ].map((side) => (
          <section key={side.title} aria-label={side.title}>
            <h4>
              {side.title}, changed {sinceText(conflict)}
            </h4>
            <ul>
              {side.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </li>
  );
}

/** A refused bundle: why, row by row, and no Import button (the plan would write nothing anyway). */
function Refused({ headingId, fileName, plan, onCancel }: { headingId: string; fileName: string; plan: ShownPlan; onCancel: () => void }) {
  const [headline, ...rows] = plan.summary;
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusIfLost(heading);
  return (
    <section className="import-panel" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {fileName} cannot be imported
      </h2>
      <div role="alert" className="issue-list">
        <p>{headline}</p>
        <ul>
          {rows.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </div>
      <div className="import-actions">
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Close
        </button>
      </div>
    </section>
  );
}

export function ImportPreview({
  headingId,
  fileName,
  summary,
  plan,
  onImport,
  onCancel,
}: {
  headingId: string;
  fileName: string;
  summary: BundleSummary;
  plan: Parameters<typeof planHasChanges>[0];
  onImport: () => void;
  onCancel: () => void;
}) {
  if (plan.refusals.length > 0) return <Refused headingId={headingId} fileName={fileName} plan={plan} onCancel={onCancel} />;
  return <Preview headingId={headingId} fileName={fileName} summary={summary} plan={plan} onImport={onImport} onCancel={onCancel} />;
}

function Preview({ headingId, fileName, summary, plan, onImport, onCancel }: Parameters<typeof ImportPreview>[0]) {
  // A bundle this database already holds: nothing to do, so no Import button that would write nothing.
  const nothing = !planHasChanges(plan) && plan.conflicts.length === 0;
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusIfLost(heading);
  return (
    <section className="import-panel" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {nothing ? `${fileName}: nothing to import` : `Import ${fileName}?`}
      </h2>
      <p>
        From cycle <strong>{summary.cycleName}</strong>, exported {formatInstant(summary.createdAt)}
        {summary.encrypted ? ' (was encrypted)' : ''}. Nothing is written until you choose Import.
      </p>
      <ul>
        {overview(plan).map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      {plan.conflicts.length > 0 ? (
        <div className="issue-list" role="note" aria-labelledby={`${headingId}-conflicts`}>
          <h3 id={`${headingId}-conflicts`}>Conflicts: what each side changed (both are kept)</h3>
          <ul>
            {plan.conflicts.map((c) => (
              <ConflictItem key={`${c.existingPacketId}/${c.incomingPacketId}`} conflict={c} />
            ))}
          </ul>
        </div>
      ) : null}
      <section className="muted" aria-labelledby={`${headingId}-rule`}>
        <h3 id={`${headingId}-rule`}>How the import decides</h3>
        <ul>
          {MERGE_RULE_TEXT.map((rule, i) => (
            <li key={i}>{rule}</li>
          ))}
        </ul>
      </section>
      <div className="import-actions">
        {nothing ? (
          <button type="button" className="button button-primary" onClick={onCancel}>
            Close
          </button>
        ) : (
          <>
            <button type="button" className="button button-primary" onClick={onImport}>
              Import
            </button>
            <button type="button" className="button button-secondary" onClick={onCancel}>
              Cancel
            </button>
          </>
        )}
      </div>
    </section>
  );
}
