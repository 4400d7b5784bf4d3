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
import { asciiJsonText, decodedText } from './ascii-json';

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

/**
 * A bundle file (a browser's File) as its bytes and their text: the bytes are
 * what a version-2 checksum is taken over, so they are kept rather than
 * encoded again from the text. The text is their ASCII form where there is
 * one (ascii-json.ts: the same JSON value; one accented name made the engine
 * decode and parse the whole file as two-byte text, issue 13), else their
 * decoding as `Blob.text()` gives it. The file is read once: reading it as
 * text beside its bytes took longer than the decoding here.
 */
export async function readBundleFile(file: Blob): Promise<{ text: string; bytes: Uint8Array<ArrayBuffer> }> {
  return bundleFileText(new Uint8Array(await file.arrayBuffer()));
}

/** The same for bytes already read (the import worker hands a copy to its digest worker first). */
export function bundleFileText(bytes: Uint8Array<ArrayBuffer>): { text: string; bytes: Uint8Array<ArrayBuffer> } {
  return { text: asciiJsonText(bytes) ?? decodedText(bytes), bytes };
}

/**
 * The same checks on the file's text (what the desktop's open-file dialog gives; the page posts it
 * to the worker as it is, with no encoding pass on the page), with its bytes when they were read (readBundleFile).
 */
export async function checkBundleText(
  text: string,
  options: { passphrase?: string; bytes?: Uint8Array<ArrayBuffer>; bodyDigest?: Promise<string | null> },
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<CheckedBundle> {
  onProgress({ phase: 'reading', done: 0, total: 1 });
  const opened = await openBundle(text, {
    ...(options.passphrase ? { passphrase: options.passphrase } : {}),
    ...(options.bytes === undefined ? {} : { bytes: options.bytes }),
    ...(options.bodyDigest === undefined ? {} : { bodyDigest: options.bodyDigest }),
    onProgress,
  });
  if (!opened.ok) return opened;
  onProgress({ phase: 'planning', done: 0, total: 1 });
  return { ok: true, content: opened.content, summary: opened.summary, ids: idsToLoad(opened.content) };
}
