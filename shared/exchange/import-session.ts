/**
 * One bundle import as the import worker holds it: the checked content stays
 * here, the page gets only the summary and the ids to read, sends back the
 * stored rows with those ids, and gets the plan's preview (counts, conflicts,
 * the lines to show), never the bundle's rows; those it asks for only to
 * write them, in slices. Plain code, so the page runs the same object inline
 * where there is no worker, and tests run it directly.
 */
import type { BundleError, BundleSummary } from './bundle-format';
import { checkBundleText, type ImportIds, type ImportProgress } from './import-check';
import { applyPlanRows, existingFromRows, planMerge, previewOfPlan, type MergePlan, type MergeRows, type MergeTable, type PlanPreview } from './merge-plan';
import { RECORD_SCHEMAS } from '../domain/records';
import type { RowChange } from '../domain/audit';
import { newId } from '../domain/ids';
import { prepareChange, type PrepareInput, type PreparedChange } from '../audit/prepared-change';
import type { BundleContent } from './bundle-format';

/** What the page learns from the checks: no rows. */
export type CheckedHead = { ok: true; summary: BundleSummary; ids: ImportIds; cycleId: string } | { ok: false; error: BundleError };

/** The stored rows with the ids the plan needs (renderer/db/bundles.ts reads them). */
export type ExistingRowLists = MergeRows & { cycleFixed?: boolean; cycleNames?: string[] };

export class ImportSession {
  /** `showDate`: a day as the plan's conflict lines name it, the app's one date format on screen (the page's formatDate). */
  constructor(private readonly showDate: (isoDate: string) => string) {}

  private content: BundleContent | null = null;
  private plan: MergePlan | null = null;
  /** The stored rows the last plan was made against, for a plan again at the import's time when none changed. */
  private existing: ReturnType<typeof existingFromRows> | null = null;
  /** The rows of the last plan, as sent to be written: the audit entry records exactly these. */
  private toWrite: MergeRows | null = null;
  /** The rows the check produced (zod's output of their table's schema), so they are not validated again. */
  private readonly validated = new WeakMap<object, MergeTable>();

  /**
   * `bytes`: the file as read when it came as a File (readBundleFile), so the text is neither measured nor encoded
   * again; `bodyDigest`: their checksummed part hashed on another thread (OpenBundleOptions).
   */
  async check(text: string, passphrase: string | undefined, onProgress: (progress: ImportProgress) => void, bytes?: Uint8Array<ArrayBuffer>, bodyDigest?: Promise<string | null>): Promise<CheckedHead> {
    const checked = await checkBundleText(text, { ...(passphrase ? { passphrase } : {}), ...(bytes === undefined ? {} : { bytes }), ...(bodyDigest === undefined ? {} : { bodyDigest }) }, onProgress);
    if (!checked.ok) return checked;
    this.content = checked.content;
    const content = checked.content;
    this.validated.set(content.cycle, 'cycles');
    for (const table of ['frameworks', 'candidates', 'evidence', 'packets'] as const) for (const row of content[table]) this.validated.set(row, table);
    return { ok: true, summary: checked.summary, ids: checked.ids, cycleId: checked.content.cycle.id };
  }

  /**
   * Plans against the stored rows; `now` is the import's time (absent for a
   * preview: this machine's clock). `existing` null: against the rows of the
   * last plan, which the page knows are still stored as they were (the trail
   * head has not moved since it read them, renderer/db/import-flow.ts).
   */
  planWith(existing: ExistingRowLists | null, now?: string): PlanPreview {
    if (!this.content) throw new Error('The bundle has not been checked.');
    if (existing) this.existing = existingFromRows(existing);
    if (!this.existing) throw new Error('The stored rows have not been read.');
    this.plan = planMerge(this.content, this.existing, { showDate: this.showDate, ...(now === undefined ? {} : { now }) });
    this.toWrite = null;
    return previewOfPlan(this.plan);
  }

  /**
   * The rows the last plan writes, per table (refuses a refused plan), every
   * one valid by its table's schema: the bundle's rows as the check
   * validated them, and each row the plan built or changed (a stored packet
   * now superseded, a kept copy, a future time clamped) validated here. The
   * page's write path trusts these rows and does not validate them again
   * (renderer/db/write/checked-rows.ts); the plan never changes a row in
   * place, it copies, so an object the check produced is still as checked.
   */
  rowsToWrite(): MergeRows {
    if (!this.plan) throw new Error('The import has not been planned.');
    const rows = applyPlanRows(this.plan);
    const out = { ...rows };
    for (const table of MERGE_TABLES) {
      (out[table] as unknown[]) = rows[table].map((row) => (this.validated.get(row) === table ? row : validRow(table, row)));
    }
    this.toWrite = out;
    return out;
  }

  /**
   * The audit entry recording the write of the last rowsToWrite, prepared
   * (shared/audit/prepared-change.ts): the rows in the order the page writes
   * them (table by table, as sent), their counts as the summary. Null when
   * it cannot be prepared; the page then computes it.
   */
  prepareEntry(entry: Omit<PrepareInput, 'changes' | 'after'>): PreparedChange | null {
    const rows = this.toWrite;
    if (!rows) return null;
    const changes: RowChange[] = [];
    for (const table of MERGE_TABLES) for (const row of rows[table] as Array<{ id: string }>) changes.push({ table, id: row.id, row: row as Record<string, unknown> });
    const after = Object.fromEntries(MERGE_TABLES.map((t) => [t, rows[t].length]));
    return prepareChange({ ...entry, after, changes: { reset: false, rows: changes } }, () => newId());
  }
}

const MERGE_TABLES = ['frameworks', 'cycles', 'candidates', 'evidence', 'packets'] as const satisfies readonly MergeTable[];

/** A row the plan built, as the write path would store it (its schema's output), or an error naming the first problem. */
function validRow(table: MergeTable, row: unknown): unknown {
  const parsed = RECORD_SCHEMAS[table].safeParse(row);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`A ${table} row was refused: ${issue ? `${issue.path.join('.') || 'row'}: ${issue.message}` : 'invalid'}.`);
}
