/**
 * useKeptDraft: form state that outlives its component, kept in the UI
 * store under a key until the form clears it (on save or cancel). Without a
 * kept draft the form shows `initial()`; the first change keeps one.
 */
import { useUiStore } from './ui-store';

export type DraftUpdate<T> = T | ((current: T) => T);

export interface KeptDraft<T> {
  draft: T;
  /** True once a change is kept (the form was edited and not yet saved). */
  kept: boolean;
  setDraft: (update: DraftUpdate<T>) => void;
  clear: () => void;
}

export function useKeptDraft<T>(key: string, initial: () => T): KeptDraft<T> {
  // The key names one form, and only that form writes it, so the stored value is a T.
  const stored = useUiStore((s) => s.drafts[key]) as T | undefined;
  const keep = useUiStore((s) => s.setDraft);
  const drop = useUiStore((s) => s.clearDraft);
  const kept = stored !== undefined;
  return {
    draft: kept ? stored : initial(),
    kept,
    setDraft: (update) => {
      // Read the store, not the render's value, so two updates in one event both apply.
      const current = (useUiStore.getState().drafts[key] as T | undefined) ?? initial();
      keep(key, typeof update === 'function' ? (update as (c: T) => T)(current) : update);
    },
    clear: () => drop(key),
  };
}
