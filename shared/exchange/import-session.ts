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
import { applyPlanRows, existingFromRows, planMerge, previewOfPlan, type MergePlan, type MergeRows, type PlanPreview } from './merge-plan';
import type { BundleContent } from './bundle-format';

/** What the page learns from the checks: no rows. */
export type CheckedHead = { ok: true; summary: BundleSummary; ids: ImportIds; cycleId: string } | { ok: false; error: BundleError };

/** The stored rows with the ids the plan needs (renderer/db/bundles.ts reads them). */
export type ExistingRowLists = MergeRows;

export class ImportSession {
  private content: BundleContent | null = null;
  private plan: MergePlan | null = null;

  async check(text: string, passphrase: string | undefined, onProgress: (progress: ImportProgress) => void): Promise<CheckedHead> {
    const checked = await checkBundleText(text, passphrase ? { passphrase } : {}, onProgress);
    if (!checked.ok) return checked;
    this.content = checked.content;
    return { ok: true, summary: checked.summary, ids: checked.ids, cycleId: checked.content.cycle.id };
  }

  /** Plans against the stored rows; `now` is the import's time (absent for a preview: this machine's clock). */
  planWith(existing: ExistingRowLists, now?: string): PlanPreview {
    if (!this.content) throw new Error('The bundle has not been checked.');
    this.plan = planMerge(this.content, existingFromRows(existing), now === undefined ? {} : { now });
    return previewOfPlan(this.plan);
  }

  /** The rows the last plan writes, per table (refuses a refused plan). */
  rowsToWrite(): MergeRows {
    if (!this.plan) throw new Error('The import has not been planned.');
    return applyPlanRows(this.plan);
  }
}
