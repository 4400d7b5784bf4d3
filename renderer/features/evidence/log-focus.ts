/**
 * Focus and keyboard helpers of the evidence log: where focus goes after a
 * write removed the focused control, and the N shortcut that opens the
 * quick-add form.
 */
import { useEffect, useRef } from 'react';
import { isTextEntry } from '../../components/text-entry';
import { useWindowKeydown } from '../../components/use-keydown';

/** How long a focus wish waits for its element: long enough for a live query to re-read, short enough not to surprise. */
const FOCUS_WAIT_MS = 1500;

/**
 * Where focus goes after a write removed the focused control (Delete, Save, Undo). The element may
 * appear a render later, or be remounted when the live query re-reads the rows (an edit that moves
 * an item to another quarter), so the wish holds for a moment and only takes focus that was lost.
 * The returned function is for event handlers (after a write), never for rendering.
 */
export function useFocusSoon(): (id: string, options?: { takeFrom?: string }) => void {
  const pendingFocus = useRef<{ id: string; until: number; takeFrom?: string } | null>(null);
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    if (Date.now() > pending.until) {
      pendingFocus.current = null;
      return;
    }
    const el = document.getElementById(pending.id);
    const active = document.activeElement;
    if (el && el !== active && (!active || active === document.body || (pending.takeFrom !== undefined && active.id === pending.takeFrom))) el.focus();
  });
  // `takeFrom`: the id of a control that may keep the focus though its work is done (Undo, whose row can stay for an
  // earlier change): the focus is taken from it too.
  return (id: string, options: { takeFrom?: string } = {}) => {
    pendingFocus.current = { id, until: Date.now() + FOCUS_WAIT_MS, ...options };
  };
}

/** N runs `open` from anywhere on the page, except while typing or with a dialog open. */
export function useNewItemShortcut(open: () => void): void {
  // Heard from the commit that shows the log (useWindowKeydown): N pressed as the page appeared did nothing while the
  // listener was added in an effect, a task after the paint.
  useWindowKeydown((event) => {
    if (event.key.toLowerCase() !== 'n' || event.ctrlKey || event.metaKey || event.altKey || isTextEntry(event.target)) return;
    if (document.querySelector('dialog[open]')) return;
    event.preventDefault();
    open();
  });
}
