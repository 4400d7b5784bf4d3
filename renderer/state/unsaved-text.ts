/**
 * A synchronous copy of text typed into a field that saves after a pause.
 * IndexedDB writes are asynchronous, and one started while the page unloads
 * (a reload a moment after typing) may never finish; localStorage writes at
 * once. The copy records the stored value it was typed over (`base`), so it
 * is only put back while nothing else has changed that value since.
 * UI state, not a record: it never enters the database or the audit trail.
 */
const PREFIX = 'levelset.unsaved.';

interface Kept {
  text: string;
  base: string;
}

export function keepUnsaved(key: string, text: string, base: string): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify({ text, base } satisfies Kept));
  } catch {
    // Storage full or blocked: the debounced save still runs.
  }
}

export function forgetUnsaved(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing to forget.
  }
}

/** The text to put back into a field whose stored value is `stored`, or null. */
export function unsavedText(key: string, stored: string): string | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (!raw) return null;
    const kept = JSON.parse(raw) as Partial<Kept>;
    if (typeof kept.text !== 'string' || kept.base !== stored || kept.text === stored) {
      forgetUnsaved(key);
      return null;
    }
    return kept.text;
  } catch {
    return null;
  }
}
