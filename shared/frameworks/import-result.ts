/**
 * The result every framework importer returns, and the small helpers they
 * share (size limit, field paths, line numbers).
 *
 * Importers never throw on bad input: a file a user picked is expected to be
 * wrong sometimes, and the UI and the CLI both need every problem at once,
 * each naming where it is (a line for syntax, a field path such as
 * `topics[2].content[0].level` for structure) so the user can fix the file.
 */
import type { z } from 'zod';
import type { Framework } from '../domain/framework';
import { issueText, refusal } from '../util/refusal';

/** One problem in an imported file. `line` is 1-based; `field` is a path like `topics[2].content[0].level`. */
export interface ImportIssue {
  message: string;
  line?: number;
  field?: string;
}

export type FrameworkImportResult =
  | { ok: true; framework: Framework; warnings: ImportIssue[] }
  | { ok: false; errors: ImportIssue[] };

/**
 * Largest framework file accepted, in bytes of UTF-8. The largest public
 * frameworks are a few tens of kilobytes; anything beyond this is not a
 * framework, and refusing it before parsing keeps a wrong pick from freezing
 * the UI.
 */
export const MAX_FRAMEWORK_FILE_BYTES = 2 * 1024 * 1024;

/**
 * The refusal for an oversized file, or null when it is small enough. Every
 * UTF-16 code unit takes one to three bytes of UTF-8, so most texts are
 * settled by their length alone and only the borderline ones are encoded.
 */
export function sizeLimitError(text: string): ImportIssue | null {
  if (text.length * 3 <= MAX_FRAMEWORK_FILE_BYTES) return null;
  const bytes = text.length > MAX_FRAMEWORK_FILE_BYTES ? text.length : new TextEncoder().encode(text).length;
  if (bytes <= MAX_FRAMEWORK_FILE_BYTES) return null;
  return { message: tooLargeMessage(bytes) };
}

export function tooLargeMessage(bytes: number): string {
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
  return `The file is too large to be a framework (${mb(bytes)} MB; the limit is ${mb(MAX_FRAMEWORK_FILE_BYTES)} MB). It was not read.`;
}

/** A refused import; every message is made one short line (shared/util/refusal.ts), whatever built it. */
export function fail(errors: ImportIssue[]): FrameworkImportResult {
  return { ok: false, errors: errors.map((e) => ({ ...e, message: refusal(e.message) })) };
}

/** `['topics', 2, 'content', 0, 'level']` → `topics[2].content[0].level`. */
export function fieldPath(path: ReadonlyArray<PropertyKey>, prefix = ''): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** A zod issue as a short phrase after its field path (shared/util/refusal.ts words it the same for every importer). */
export function issueMessage(issue: z.core.$ZodIssue): string {
  return issueText(issue);
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * `lineAt` for many offsets in one text: the line starts are found once and
 * each lookup is a binary search. Calling `lineAt` per issue rescans the text
 * from the start every time, which made a file with a warning per topic
 * quadratic (issue 12: 13 s for a 1.66 MB progression file).
 */
export function lineLocator(text: string): (offset: number) => number {
  let starts: number[] | null = null;
  return (offset) => {
    if (starts === null) {
      starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    const end = Math.min(Math.max(offset, 0), text.length);
    // The number of line starts at or before `end` is the 1-based line (a newline at `end` itself belongs to that line).
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! <= end) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Strips a UTF-8 byte-order mark, which editors on Windows like to add. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
