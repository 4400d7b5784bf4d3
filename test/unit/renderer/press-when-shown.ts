/**
 * A key pressed the earliest a person could press it: from a MutationObserver,
 * the moment `shown` finds what they wait for in the page, before anything
 * React runs after that change (its effects come a task later, after the
 * paint, when no key or click started the render, only a read). The key goes
 * where a browser sends it, to the focused element, and does what a browser
 * does with it unless the keydown was prevented: Enter on a button clicks it,
 * Tab moves the focus to the next control in the page's order (from the page
 * itself, to the first).
 */
import { onTestFinished } from 'vitest';
import { FOCUSABLE } from '../../../renderer/components/focus-trap';

export function pressWhenShown(shown: () => Element | null, key: string): { pressedOn: () => Element | null | undefined } {
  let pressedOn: Element | null | undefined;
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    const target = document.activeElement ?? document.body;
    pressedOn = target;
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    target.dispatchEvent(event);
    if (event.defaultPrevented) return;
    if (key === 'Enter' && target instanceof HTMLButtonElement) target.click();
    if (key === 'Tab') {
      const order = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)];
      order[order.indexOf(target as HTMLElement) + 1]?.focus();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
  onTestFinished(() => observer.disconnect());
  return { pressedOn: () => pressedOn };
}
