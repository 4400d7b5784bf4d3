/**
 * Keys for a radio group whose choice is recorded the moment it is made (a
 * vote, a session's final-vote mode): the arrow keys move the focus between
 * the options without choosing, and Space (the browser's own) or Enter
 * chooses the option in focus. With the browser's radio behaviour every
 * arrow press chose the option it reached, so a member moving from Promote
 * to Defer recorded Not yet on the way, and the trail kept both votes.
 *
 * Put it on the element that holds the options (`onKeyDown`). For a list
 * box, useRecordedSelect below.
 */
import { useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';

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

/** Keys with which a closed list box changes its value on the spot: arrows, paging, and typing a letter to jump. */
const isSteppingKey = (event: KeyboardEvent<HTMLSelectElement>) =>
  !event.altKey && !event.ctrlKey && !event.metaKey && (event.key.startsWith('Arrow') || ['Home', 'End', 'PageUp', 'PageDown'].includes(event.key) || (event.key.length === 1 && event.key !== ' '));

/**
 * The same for a list box whose choice is recorded (a vote's level): a value
 * reached with the keys of a closed list box (arrows, letters) is only shown
 * until Enter is pressed or the focus leaves it; a value picked from the
 * open list (mouse, or the list's own keys) is recorded at once. With the
 * browser's own behaviour every arrow press recorded the level it passed: a
 * chair's trial arrowed from M1 to M3 and the trail kept three final votes.
 * `show` puts a value on screen; `record` records it.
 */
export function useRecordedSelect(show: (value: string) => void, record: (value: string) => void) {
  const keyed = useRef(false);
  const [pending, setPending] = useState<string | null>(null);
  const commit = (value: string) => {
    setPending(null);
    record(value);
  };
  return {
    /** A value shown and not yet recorded, or null. */
    pending,
    onKeyDown(event: KeyboardEvent<HTMLSelectElement>) {
      if (event.key === 'Enter' && pending !== null) {
        event.preventDefault();
        commit(pending);
      } else if (isSteppingKey(event)) keyed.current = true;
    },
    onChange(event: ChangeEvent<HTMLSelectElement>) {
      const value = event.target.value;
      if (!keyed.current) return commit(value);
      keyed.current = false;
      setPending(value);
      show(value);
    },
    onBlur() {
      if (pending !== null) commit(pending);
    },
  };
}
