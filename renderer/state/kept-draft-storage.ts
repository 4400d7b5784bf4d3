/**
 * The kept drafts' copy in localStorage, so a reload or a closed window does
 * not lose a decision half written (as evidence drafts are kept,
 * features/evidence/use-evidence-draft.ts). Written at once on every change:
 * an IndexedDB write started while the page unloads may never finish.
 * UI state, not a record: it never enters the database or the audit trail.
 * What comes back is unknown until the form that owns the key checks it.
 */
const PREFIX = 'levelset.draft.';

/** Every kept draft, by key, as stored (unchecked). */
export function readKeptDrafts(): Record<string, unknown> {
  const drafts: Record<string, unknown> = {};
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const name = localStorage.key(i);
      if (!name?.startsWith(PREFIX)) continue;
      try {
        drafts[name.slice(PREFIX.length)] = JSON.parse(localStorage.getItem(name) ?? 'null') as unknown;
      } catch {
        // Not JSON: not a draft this app wrote. Left alone; the form starts afresh.
      }
    }
  } catch {
    // Storage blocked: no kept drafts.
  }
  return drafts;
}

export function writeKeptDraft(key: string, value: unknown): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the draft still lives in this run of the app.
  }
}

export function forgetKeptDraft(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing to forget.
  }
}
