/**
 * Keeps Tab inside a modal: from its last control Tab goes to its first,
 * and Shift+Tab from its first to its last. One rule for every dialog.
 */
import type { KeyboardEvent } from 'react';

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
