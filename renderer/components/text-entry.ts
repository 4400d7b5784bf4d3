/**
 * Whether a key pressed on `target` is typing rather than a shortcut: a text
 * field, a text area, a select (letters and digits choose its options) or
 * editable content. A radio, a checkbox or a button is not: the app's single
 * keys (digits for sections, ?, N, J/K) work there, which is where P, F and D
 * put the focus in a session (a committee trial pressed ? on a vote and got
 * nothing). One rule for every single-key shortcut.
 */
const NOT_TEXT = new Set(['radio', 'checkbox', 'button', 'submit', 'reset', 'image', 'range', 'color', 'file']);

export function isTextEntry(target: EventTarget | null, { select = true }: { select?: boolean } = {}): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return true;
  if (target.tagName === 'SELECT') return select;
  return target instanceof HTMLInputElement && !NOT_TEXT.has(target.type);
}
