/**
 * The part of a bundle import that needs no database: decode the file's
 * bytes, decrypt, verify the checksum, check every record, and list the ids
 * the merge plan must read. It runs in the import worker
 * (renderer/workers/import.worker.ts) so a large bundle never blocks the
 * UI; it is plain code so tests (and browsers without workers) run it
 * inline and get the same answer.
 */
import { openBundle, type BundleContent, type BundleError, type BundleProgress, type BundleSummary } from './bundle-format';
import { idsToLoad } from './merge-plan';

/** What the import UI shows: a phase and, while records are checked or written, how many of how many. */
export interface ImportProgress {
  phase: BundleProgress['phase'] | 'reading' | 'planning' | 'writing';
  done: number;
  total: number;
}

export type ImportIds = ReturnType<typeof idsToLoad>;

export type CheckedBundle =
  | { ok: true; content: BundleContent; summary: BundleSummary; ids: ImportIds }
  | { ok: false; error: BundleError };

export async function checkBundleBytes(bytes: ArrayBuffer, options: { passphrase?: string }, onProgress: (progress: ImportProgress) => void = () => {}): Promise<CheckedBundle> {
  onProgress({ phase: 'reading', done: 0, total: 1 });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: { code: 'not-a-bundle', message: 'This is not a Levelset bundle: the file is not UTF-8 text.' } };
  }
  return checkBundleText(text, options, onProgress);
}

/** The same checks on the file's text (what the open-file dialog gives): the page posts the text to the worker as it is, with no encoding pass on the page. */
export async function checkBundleText(text: string, options: { passphrase?: string; byteLength?: number }, onProgress: (progress: ImportProgress) => void = () => {}): Promise<CheckedBundle> {
  onProgress({ phase: 'reading', done: 0, total: 1 });
  const opened = await openBundle(text, { ...(options.passphrase ? { passphrase: options.passphrase } : {}), ...(options.byteLength === undefined ? {} : { byteLength: options.byteLength }), onProgress });
  if (!opened.ok) return opened;
  onProgress({ phase: 'planning', done: 0, total: 1 });
  return { ok: true, content: opened.content, summary: opened.summary, ids: idsToLoad(opened.content) };
}
