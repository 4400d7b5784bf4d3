/**
 * A synchronous copy of text typed into a field that saves after a pause.
 * IndexedDB writes are asynchronous, and one started while the page unloads
 * (a reload a moment after typing) may never finish; localStorage writes at
 * once. The copy records the stored value it was typed over (`base`), so it
 * is only put back while nothing else has changed that value since.
 * Stored as one kind of kept text (kept-text.ts).
 */
import { forgetKept, readKept, writeKept } from './kept-text';

interface Kept {
  text: string;
  base: string;
}

export function keepUnsaved(key: string, text: string, base: string): void {
  // Storage full or blocked: the debounced save still runs.
  writeKept('unsaved', key, { text, base } satisfies Kept);
}

export function forgetUnsaved(key: string): void {
  forgetKept('unsaved', key);
}

/** The text to put back into a field whose stored value is `stored`, or null. */
export function unsavedText(key: string, stored: string): string | null {
  const kept = readKept('unsaved', key) as Partial<Kept> | null;
  if (kept === null) return null;
  if (typeof kept !== 'object' || typeof kept.text !== 'string' || kept.base !== stored || kept.text === stored) {
    forgetUnsaved(key);
    return null;
  }
  return kept.text;
}
