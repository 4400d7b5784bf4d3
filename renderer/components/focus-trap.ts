/**
 * A modal's focus, one rule for every dialog: Tab stays inside it (from its
 * last control Tab goes to its first, and Shift+Tab from its first to its
 * last), the focus moves into it in the commit that draws it, and goes back
 * to what opened it when it closes.
 */
import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';

/** Controls a modal's Tab moves between: enabled buttons, fields and links. */
export const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), a[href]';

export function keepTabInside(event: KeyboardEvent, container: HTMLElement | null, selector: string = FOCUSABLE): void {
  if (event.key !== 'Tab' || !container) return;
  const focusable = [...container.querySelectorAll<HTMLElement>(selector)];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * When the dialog mounts, focuses what `initial` returns and remembers what had the focus (the opener);
 * when it unmounts, the focus goes back to the opener if it is still on the page (a deleted row's button
 * is not). It goes back after the click or key that closed the dialog has been handled, so that handler
 * cannot take it elsewhere. `initial` is read once, when the dialog opens.
 *
 * The focus moves in a layout effect, in the commit that draws the dialog. From an effect it moved only a
 * task after the paint when the dialog came from a read rather than straight from a click (the cycle's
 * Delete… and Change dates… ask the database first): a key pressed as the dialog appeared went to the
 * opener, so Escape did not close it and Enter pressed the opener again.
 *
 * StrictMode (development) mounts the dialog twice, running the cleanup in between: the second mount keeps
 * the opener the first one found (the focus is in the dialog by then) and calls off the return the cleanup
 * scheduled, which would otherwise take the focus out of the open dialog.
 */
export function useFocusInAndBack(initial: () => HTMLElement | null | undefined): void {
  const opener = useRef<HTMLElement | null | undefined>(undefined);
  const goingBack = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useLayoutEffect(() => {
    clearTimeout(goingBack.current);
    if (opener.current === undefined) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const back = opener.current;
    initial()?.focus();
    return () => {
      if (back?.isConnected) goingBack.current = setTimeout(() => back.focus(), 0);
    };
    // Focus moves in once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
