/**
 * Starts the checks of a bundle import (decrypt, checksum, every record)
 * in a Web Worker and hands back progress, the result, and a cancel that
 * terminates the worker. The database is not touched until the user
 * confirms the preview, so cancelling here leaves it as it was.
 *
 * Where there is no Worker (jsdom in unit tests) or the worker script
 * cannot be loaded, the same function (checkBundleBytes) runs inline: the
 * answer is the same, only the main thread does the work.
 */
import { checkBundleBytes, type CheckedBundle, type ImportProgress } from '../../shared/exchange/import-check';

export type ImportWorkerRequest = { bytes: ArrayBuffer; passphrase?: string };
export type ImportWorkerReply = { type: 'progress'; progress: ImportProgress } | { type: 'result'; result: CheckedBundle };

export class ImportCancelledError extends Error {
  override name = 'AbortError';
  constructor() {
    super('The import was cancelled.');
  }
}

export interface ImportCheckJob {
  /** The checked bundle; rejects with ImportCancelledError after cancel(). */
  result: Promise<CheckedBundle>;
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

export function checkBundleFile(text: string, passphrase: string | undefined, onProgress: (progress: ImportProgress) => void): ImportCheckJob {
  const encode = () => new TextEncoder().encode(text).buffer;
  let cancelled = false;
  let rejectCancelled: (e: Error) => void = () => {};
  const cancelledPromise = new Promise<never>((_, reject) => (rejectCancelled = reject));
  // A cancel after the result is in rejects nothing anyone waits for.
  cancelledPromise.catch(() => {});
  const report = (progress: ImportProgress) => {
    if (!cancelled) onProgress(progress);
  };
  const inline = () => checkBundleBytes(encode(), passphrase ? { passphrase } : {}, report);

  const worker = startWorker();
  const work: Promise<CheckedBundle> = worker
    ? new Promise<CheckedBundle>((resolve) => {
        let heard = false;
        worker.onmessage = (event: MessageEvent<ImportWorkerReply>) => {
          heard = true;
          if (event.data.type === 'progress') report(event.data.progress);
          else {
            worker.terminate();
            resolve(event.data.result);
          }
        };
        // A worker script that cannot load (an unusual protocol or policy) says so before any message: check inline instead.
        worker.onerror = (event) => {
          event.preventDefault();
          worker.terminate();
          if (!heard && !cancelled) resolve(inline());
        };
        // The bytes are transferred to the worker, not copied.
        const bytes = encode();
        worker.postMessage(passphrase ? { bytes, passphrase } : { bytes } satisfies ImportWorkerRequest, [bytes]);
      })
    : inline();

  return {
    result: Promise.race([work, cancelledPromise]),
    cancel() {
      if (cancelled) return;
      cancelled = true;
      worker?.terminate();
      rejectCancelled(new ImportCancelledError());
    },
  };
}
