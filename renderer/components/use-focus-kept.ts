/**
 * Keeps the keyboard's place when an action removes the control that held
 * the focus (a form replaced by its saved text, a button gone once used):
 * when `signal` changes to a truthy value (a new save time, "revealed") and
 * the focus has fallen to the page, it goes to `target` (a heading with
 * tabIndex -1) instead. Nothing happens on the first render.
 */
import { useEffect, useRef, type RefObject } from 'react';

export function useFocusKept(target: RefObject<HTMLElement | null>, signal: unknown): void {
  const previous = useRef(signal);
  useEffect(() => {
    const changed = signal !== previous.current;
    previous.current = signal;
    if (!changed || !signal) return;
    const active = document.activeElement;
    if (!active || active === document.body) target.current?.focus();
  }, [signal, target]);
}

/**
 * On mount, if the focus has fallen to the page, it goes to `target`: a panel that replaced the control that held it
 * (the import preview replaces "Cancel import"; a keyboard trial was left on the body).
 */
export function useFocusIfLost(target: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) target.current?.focus();
  }, [target]);
}
