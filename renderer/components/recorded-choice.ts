/**
 * Keys for a radio group whose choice is recorded the moment it is made (a
 * vote, a session's final-vote mode): the arrow keys move the focus between
 * the options without choosing, and Space (the browser's own) or Enter
 * chooses the option in focus. With the browser's radio behaviour every
 * arrow press chose the option it reached, so a member moving from Promote
 * to Defer recorded Not yet on the way, and the trail kept both votes.
 *
 * Put it on the element that holds the options (`onKeyDown`).
 */
import type { KeyboardEvent } from 'react';

const STEP: Readonly<Record<string, number>> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

export function recordedChoiceKeys(event: KeyboardEvent<HTMLElement>): void {
  const target = event.target;
  if (!(target instanceof HTMLInputElement) || target.type !== 'radio') return;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === 'Enter') {
    event.preventDefault();
    if (!target.checked) target.click();
    return;
  }
  const step = STEP[event.key];
  if (step === undefined) return;
  event.preventDefault();
  const options = [...event.currentTarget.querySelectorAll<HTMLInputElement>('input[type="radio"]')].filter((r) => r.name === target.name && !r.disabled);
  const at = options.indexOf(target);
  options[(at + step + options.length) % options.length]?.focus();
}
