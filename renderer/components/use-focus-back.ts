/**
 * For a control an inline form or panel replaces while it is open (Rename,
 * Export and Import bundle): when `open` goes from true to false, the focus
 * goes to the control again, where it would otherwise fall to the page with
 * the form that held it. Attach the returned ref to the control.
 *
 * The page may draw the control anew just after (the Packets page, once an
 * import brought its first cycle, shows its list and a new button): until
 * the focus moves elsewhere, a control that replaces the one given the focus
 * takes it, if the focus has fallen to the page meanwhile.
 *
 * `from`, asked as the form closes, names another control the form was
 * opened from this time (the committee inbox's Open… starts an import):
 * the focus goes back there instead, if it is on the page; otherwise to
 * the control. Pass a stable function.
 *
 * The focus goes back in a layout effect, in the commit that closes the
 * form, as dialogs take it (focus-trap.ts). A form closes once its save has
 * finished (Rename's Enter), a render no click or key started, and from an
 * effect the focus stayed on the page until a task after the paint: a Tab
 * pressed as the form closed started from the page, then the focus was
 * taken back to the control, and Enter did nothing.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, type RefCallback } from 'react';

const fallen = () => !document.activeElement || document.activeElement === document.body;

export function useFocusBack<T extends HTMLElement>(open: boolean, from?: () => HTMLElement | null | undefined): RefCallback<T> {
  const control = useRef<T | null>(null);
  const wasOpen = useRef(open);
  // The focus was given back, and nothing else has taken it since.
  const givenBack = useRef(false);
  useLayoutEffect(() => {
    if (wasOpen.current && !open) {
      const elsewhere = from?.();
      if (elsewhere?.isConnected) elsewhere.focus();
      else {
        control.current?.focus();
        givenBack.current = true;
      }
    } else if (open) givenBack.current = false;
    wasOpen.current = open;
  }, [open, from]);
  useEffect(() => {
    const moved = (event: FocusEvent) => {
      if (event.target !== control.current) givenBack.current = false;
    };
    document.addEventListener('focusin', moved);
    return () => document.removeEventListener('focusin', moved);
  }, []);
  return useCallback((element: T | null) => {
    control.current = element;
    if (element && givenBack.current && fallen()) element.focus();
  }, []);
}
