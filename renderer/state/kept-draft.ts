/**
 * useKeptDraft: form state that outlives its component and a reload, kept in
 * the UI store (and its localStorage copy) under a key until the form clears
 * it (on save or cancel). Without a kept draft the form shows `initial()`;
 * the first change keeps one, and a change back to `initial()` (typing, then
 * deleting it) keeps none: there is nothing unsaved. A kept value is checked with `restore` before
 * use (it may come from storage an older build or another hand wrote);
 * one that fails the check counts as none.
 */
import { useMemo } from 'react';
import type { z } from 'zod';
import { useUiStore } from './ui-store';

/**
 * The `restore` of a form whose draft has the shape of `schema`: the kept
 * value when it passes, else null (written by another build, or edited by
 * hand). Made once per form, at module level, so its identity stays put.
 */
export function restoredBy<T>(schema: z.ZodType<T>): (value: unknown) => T | null {
  return (value) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : null;
  };
}

export type DraftUpdate<T> = T | ((current: T) => T);

export interface KeptDraft<T> {
  draft: T;
  /** True once a change is kept (the form was edited and not yet saved). */
  kept: boolean;
  setDraft: (update: DraftUpdate<T>) => void;
  clear: () => void;
}

export function useKeptDraft<T>(key: string, initial: () => T, restore: (value: unknown) => T | null): KeptDraft<T> {
  const raw = useUiStore((s) => s.drafts[key]);
  const keep = useUiStore((s) => s.setDraft);
  const drop = useUiStore((s) => s.clearDraft);
  // Checked once per kept value, so the draft keeps its identity between renders.
  const stored = useMemo(() => (raw === undefined ? null : restore(raw)), [raw, restore]);
  const kept = stored !== null;
  return {
    draft: kept ? stored : initial(),
    kept,
    setDraft: (update) => {
      // Read the store, not the render's value, so two updates in one event both apply.
      const held = useUiStore.getState().drafts[key];
      const start = initial();
      const current = (held === undefined ? null : restore(held)) ?? start;
      const next = typeof update === 'function' ? (update as (c: T) => T)(current) : update;
      // Drafts are plain data (they are kept as JSON): equal text is equal JSON.
      if (JSON.stringify(next) === JSON.stringify(start)) drop(key);
      else keep(key, next);
    },
    clear: () => drop(key),
  };
}
