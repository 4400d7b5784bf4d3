/**
 * For a control an inline form replaces while it is open (Rename): when
 * `open` goes from true to false, the focus goes to the control again, where
 * it would otherwise fall to the page with the form that held it. Attach the
 * returned ref to the control.
 */
import { useEffect, useRef } from 'react';

export function useFocusBack<T extends HTMLElement>(open: boolean) {
  const control = useRef<T>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) control.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return control;
}
