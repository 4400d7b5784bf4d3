/**
 * Keys heard on the whole window (or document), one rule for every page-wide
 * shortcut: from the commit that puts the view on screen, always with the
 * handler of the latest render.
 *
 * The listener is added in a layout effect, in the same commit as the view.
 * From an effect it was added only a task later when the view came from data,
 * a page's code or the app's start (React lets the browser paint first), and
 * a key pressed as the view appeared did nothing (J in the review, N in the
 * evidence log, ? as the app opened). The handler is an effect event: the
 * listener stays attached across renders and calls the one just committed, so
 * no key is heard by a handler from a render that is no longer on screen.
 */
import { useEffectEvent, useLayoutEffect } from 'react';

function useKeydownOn(on: 'window' | 'document', handler: (event: KeyboardEvent) => void): void {
  const onKey = useEffectEvent(handler);
  useLayoutEffect(() => {
    const target: EventTarget = on === 'window' ? window : document;
    const listener = (event: Event) => onKey(event as KeyboardEvent);
    target.addEventListener('keydown', listener);
    return () => target.removeEventListener('keydown', listener);
  }, [on]);
}

/** `handler` hears every keydown that reaches the window (after the page's own handlers and the document's). */
export function useWindowKeydown(handler: (event: KeyboardEvent) => void): void {
  useKeydownOn('window', handler);
}

/** `handler` hears every keydown that reaches the document, before the window's listeners (a modal's Escape). */
export function useDocumentKeydown(handler: (event: KeyboardEvent) => void): void {
  useKeydownOn('document', handler);
}
