/**
 * Rows that already passed their table's schema (RECORD_SCHEMAS) in the
 * import worker, so the write path does not validate them a second time on
 * the page: the check of a 1,000-packet bundle validates about 22,000
 * records and snapshot copies, and doing it again in `ctx.bulkPut` cost the
 * page about a second per import (issue 13).
 *
 * Why it is safe: the worker's ImportSession sends only rows that are either
 * the very objects the bundle check produced (zod's output of the same
 * schemas) or rows it validated again after the merge plan changed them
 * (shared/exchange/import-session.ts `rowsToWrite`). A structured clone of
 * such a row (postMessage) holds the same plain values, and validity depends
 * on values alone. A mark names the table, so a row checked as a candidate
 * is still validated if written as anything else; rows are marked when they
 * arrive from the worker (import-client.ts) and nothing on the page changes
 * them before they are written. Every other row is validated as before.
 */
import type { AuditedTable } from '../../../shared/domain';

const checked = new WeakMap<object, AuditedTable>();

/** Notes rows the import worker validated for `table` (import-client.ts only). */
export function markCheckedRows(table: AuditedTable, rows: readonly unknown[]): void {
  for (const row of rows) if (typeof row === 'object' && row !== null) checked.set(row, table);
}

/** Whether `row` is a row the import worker validated for `table`. */
export function wasChecked(table: AuditedTable, row: unknown): boolean {
  return typeof row === 'object' && row !== null && checked.get(row) === table;
}
