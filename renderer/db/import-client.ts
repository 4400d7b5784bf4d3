/**
 * One bundle import, run in a Web Worker (renderer/workers/import.worker.ts):
 * the checks (decrypt, checksum, every record), then the merge plan, with
 * progress and a cancel that terminates the worker. The checked bundle stays
 * in the worker: the page receives the summary and the ids of the stored rows
 * the plan needs, sends those rows back, and receives the plan's preview
 * (counts, conflicts, lines to show), never the bundle's rows; those come
 * only to be written, in small messages so no single task on the page is
 * long. The database is not touched until the user confirms the preview, so
 * cancelling before that leaves it as it was.
 *
 * Where there is no Worker (jsdom in unit tests) or the worker script cannot
 * be loaded, the same ImportSession runs inline: the answers are the same,
 * only the page does the work.
 */
import { readBundleFile, type ImportProgress } from '../../shared/exchange/import-check';
import { ImportSession, type CheckedHead, type ExistingRowLists } from '../../shared/exchange/import-session';
import type { MergeRows, MergeTable, PlanPreview } from '../../shared/exchange/merge-plan';
import { markCheckedRows } from './write/checked-rows';
import { formatDate } from '../components/dates';
import type { PrepareInput, PreparedChange } from '../../shared/audit/prepared-change';

/** What the page tells the worker of the import's audit entry: who, when, which cycle (the rows and counts are the worker's). */
export type EntryHead = Omit<PrepareInput, 'changes' | 'after'>;

const TABLES: readonly MergeTable[] = ['frameworks', 'cycles', 'candidates', 'evidence', 'packets'];

export type ImportWorkerRequest =
  /** The bundle as text, or (from a browser's file input) the File unread: the worker decodes it, not the page. */
  | { type: 'check'; text: string | Blob; passphrase?: string }
  /** `existing` null: plan against the rows of the last plan (ImportSession.planWith). */
  | { type: 'plan'; existing: ExistingRowLists | null; now?: string }
  | { type: 'rows' }
  | { type: 'entry'; entry: EntryHead };
export type ImportWorkerReply =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'checked'; head: CheckedHead }
  | { type: 'planned'; preview: PlanPreview }
  | { type: 'rows'; table: MergeTable; rows: MergeRows[MergeTable]; last: boolean }
  | { type: 'entry'; prepared: PreparedChange | null }
  | { type: 'failed'; message: string };

/** Rows per message from the worker: each message is decoded on the page in one task, so it stays small. */
export const ROWS_PER_MESSAGE = 250;

export class ImportCancelledError extends Error {
  override name = 'AbortError';
  constructor() {
    super('The import was cancelled.');
  }
}

export interface ImportJob {
  /** The checks' answer (no rows); rejects with ImportCancelledError after cancel(). */
  result: Promise<CheckedHead>;
  /** Plans against the stored rows the checks named (null: those of the last plan, still stored as they were); `now` is the import's time (absent: a preview). */
  plan(existing: ExistingRowLists | null, now?: string): Promise<PlanPreview>;
  /** The rows the last plan writes. */
  rows(): Promise<MergeRows>;
  /** The audit entry recording the write of those rows, prepared off the page (null: the page computes it). */
  entry(head: EntryHead): Promise<PreparedChange | null>;
  /** Stops the worker; every pending and later answer rejects with ImportCancelledError. */
  cancel(): void;
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'levelset-import' });
  } catch {
    return null;
  }
}

/** A worker started before it was needed, and whether its script failed to load meanwhile. */
let spare: { worker: Worker; failed: boolean } | null = null;

/**
 * Starts the import worker ahead of need, when the file dialog opens, so its
 * script (the schemas, the merge plan) loads and compiles while the person
 * picks a file instead of after: that start was a fifth of opening a large
 * bundle (issue 13). The next startImport takes it; calling this again
 * while one waits does nothing.
 */
export function prepareImport(): void {
  if (spare) return;
  const worker = startWorker();
  if (!worker) return;
  const waiting = { worker, failed: false };
  worker.onerror = (event) => {
    event.preventDefault();
    waiting.failed = true;
  };
  spare = waiting;
}

/** The prepared worker if it is still good, else a new one. */
function takeWorker(): Worker | null {
  const waiting = spare;
  spare = null;
  if (waiting && !waiting.failed) return waiting.worker;
  waiting?.worker.terminate();
  return startWorker();
}

const emptyRows = (): MergeRows => ({ frameworks: [], cycles: [], candidates: [], evidence: [], packets: [] });

export function startImport(text: string | Blob, passphrase: string | undefined, onProgress: (progress: ImportProgress) => void): ImportJob {
  let cancelled = false;
  let inline: ImportSession | null = null;
  let worker = takeWorker();
  // The one request the worker is answering (the page asks one thing at a time).
  let pending: { onReply: (reply: ImportWorkerReply) => void; reject: (e: Error) => void } | null = null;
  let rejectCancelled: (e: Error) => void = () => {};
  const cancelledPromise = new Promise<never>((_, reject) => (rejectCancelled = reject));
  // A cancel after the last answer rejects nothing anyone waits for.
  cancelledPromise.catch(() => {});
  /** Inline work cannot be stopped, but its answer is dropped: the caller sees the cancel at once. */
  const orCancelled = <T>(work: Promise<T>): Promise<T> => Promise.race([work, cancelledPromise]);
  const report = (progress: ImportProgress) => {
    if (!cancelled) onProgress(progress);
  };

  const runInline = (): Promise<CheckedHead> => {
    inline = new ImportSession(formatDate);
    const session = inline;
    return (typeof text === 'string' ? Promise.resolve({ text, bytes: undefined }) : readBundleFile(text)).then((file) => session.check(file.text, passphrase, report, file.bytes));
  };

  function ask<T>(request: ImportWorkerRequest, onReply: (reply: ImportWorkerReply, resolve: (value: T) => void) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (cancelled) return reject(new ImportCancelledError());
      pending = {
        onReply: (reply) => {
          if (reply.type === 'failed') {
            pending = null;
            reject(new Error(reply.message));
          } else onReply(reply, (value) => {
            pending = null;
            resolve(value);
          });
        },
        reject,
      };
      worker!.postMessage(request);
    });
  }

  let result: Promise<CheckedHead>;
  if (worker) {
    const w = worker;
    let heard = false;
    w.onmessage = (event: MessageEvent<ImportWorkerReply>) => {
      heard = true;
      if (event.data.type === 'progress') report(event.data.progress);
      else pending?.onReply(event.data);
    };
    result = new Promise<CheckedHead>((resolve, reject) => {
      // A worker script that cannot load (an unusual protocol or policy) says so before any message: run inline instead.
      w.onerror = (event) => {
        event.preventDefault();
        w.terminate();
        worker = null;
        if (cancelled) return;
        if (!heard) {
          pending = null;
          resolve(runInline());
        } else pending?.reject(new Error('The import stopped unexpectedly. Try again.'));
      };
      ask<CheckedHead>(passphrase ? { type: 'check', text, passphrase } : { type: 'check', text }, (reply, done) => {
        if (reply.type === 'checked') done(reply.head);
      }).then(resolve, reject);
    });
  } else result = runInline();
  result = orCancelled(result);
  result.catch(() => {});

  return {
    result,
    async plan(existing, now) {
      if (cancelled) throw new ImportCancelledError();
      if (!worker) {
        if (!inline) throw new Error('The bundle has not been checked.');
        return orCancelled(Promise.resolve(inline.planWith(existing, now)));
      }
      return ask<PlanPreview>(now === undefined ? { type: 'plan', existing } : { type: 'plan', existing, now }, (reply, done) => {
        if (reply.type === 'planned') done(reply.preview);
      });
    },
    async rows() {
      if (cancelled) throw new ImportCancelledError();
      if (!worker) {
        if (!inline) throw new Error('The bundle has not been checked.');
        const inlineRows = inline.rowsToWrite();
        for (const table of TABLES) markCheckedRows(table, inlineRows[table]);
        return orCancelled(Promise.resolve(inlineRows));
      }
      const rows = emptyRows();
      return ask<MergeRows>({ type: 'rows' }, (reply, done) => {
        if (reply.type !== 'rows') return;
        // Validated in the worker (ImportSession.rowsToWrite): the write path does not validate them again.
        markCheckedRows(reply.table, reply.rows);
        (rows[reply.table] as unknown[]).push(...reply.rows);
        if (reply.last) done(rows);
      });
    },
    async entry(head) {
      if (cancelled) throw new ImportCancelledError();
      if (!worker) {
        if (!inline) throw new Error('The bundle has not been checked.');
        return orCancelled(Promise.resolve(inline.prepareEntry(head)));
      }
      return ask<PreparedChange | null>({ type: 'entry', entry: head }, (reply, done) => {
        if (reply.type === 'entry') done(reply.prepared);
      });
    },
    cancel() {
      if (cancelled) return;
      cancelled = true;
      worker?.terminate();
      pending?.reject(new ImportCancelledError());
      pending = null;
      inline = null;
      rejectCancelled(new ImportCancelledError());
    },
  };
}
