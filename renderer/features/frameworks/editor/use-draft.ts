/**
 * A text field's draft while it is edited (fields.tsx TextField): kept while
 * the field has focus and committed after a short pause (DEBOUNCE_MS), and
 * again on blur, unmount or leaving the page. Every keystroke is also kept
 * synchronously in local storage until its save lands
 * (renderer/state/unsaved-text.ts): after a reload the words are put back and
 * saved. Each visit to a field is one undo group.
 */
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { forgetUnsaved, keepUnsaved, unsavedText } from '../../../state/unsaved-text';
import { usePageLeave } from '../../../state/use-page-leave';

export const DEBOUNCE_MS = 250;

export type Commit = (value: string, group: string) => Promise<unknown>;

interface DraftState {
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The text as typed. */
  latest: string;
  /** The text last handed to `commit`. */
  sent: string;
  group: string;
  commit: Commit;
  onSent: (text: string) => void;
}

let visitSerial = 0;

function flush(state: DraftState): Promise<unknown> | null {
  if (state.timer !== undefined) clearTimeout(state.timer);
  state.timer = undefined;
  if (state.latest === state.sent) return null;
  state.sent = state.latest;
  state.onSent(state.latest);
  return state.commit(state.latest, state.group);
}

export interface Draft {
  /** The text to show: the draft while there is one, else the stored value. */
  shown: string;
  onFocus: () => void;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  onBlur: () => void;
}

/**
 * The draft of the field `id` whose stored text is `value`; `normalize` gives
 * the stored form of a typed text, to recognise when the stored value has caught up.
 */
export function useDraft(id: string, rescueKey: string, value: string, onCommit: Commit, normalize?: (text: string) => string): Draft {
  const [rescued] = useState(() => unsavedText(rescueKey, value));
  const [local, setLocal] = useState<string | null>(rescued);
  const [focused, setFocused] = useState(false);
  /** What the stored value will read once the last commit lands. */
  const [expected, setExpected] = useState<string | null>(() => (rescued === null ? null : normalize ? normalize(rescued) : rescued));
  const state = useRef<DraftState>({
    timer: undefined,
    latest: rescued ?? value,
    sent: value,
    group: `${id}#rescued`,
    commit: onCommit,
    onSent: () => undefined,
  });

  useEffect(() => {
    state.current.commit = (text, group) =>
      Promise.resolve(onCommit(text, group)).then((result) => {
        // The stored value now holds this text (unless more was typed since): the local copy can go.
        if (state.current.latest === text) forgetUnsaved(rescueKey);
        return result;
      });
    state.current.onSent = (text) => setExpected(normalize ? normalize(text) : text);
  });
  useEffect(() => {
    // Words put back after a reload are saved at once.
    if (rescued !== null) void flush(state.current);
  }, [rescued]);
  useEffect(() => {
    const current = state.current;
    // Leaving the page (another section, undo elsewhere) must not drop a pending draft.
    return () => void flush(current);
  }, []);
  // A reload or a closed window right after typing keeps the last words.
  usePageLeave(() => void flush(state.current));

  // Once the stored value has caught up with what was typed, show the stored value again.
  if (!focused && local !== null && (expected === null || expected === value)) {
    setLocal(null);
    setExpected(null);
  }

  return {
    shown: local ?? value,
    onFocus: () => {
      const st = state.current;
      // A draft that failed to save earlier is kept, and saved again on the next pause.
      const start = local ?? value;
      st.latest = start;
      st.sent = value;
      st.group = `${id}#${++visitSerial}`;
      setLocal(start);
      setFocused(true);
    },
    onChange: (event) => {
      const st = state.current;
      st.latest = event.target.value;
      keepUnsaved(rescueKey, event.target.value, value);
      setLocal(event.target.value);
      if (st.timer !== undefined) clearTimeout(st.timer);
      st.timer = setTimeout(() => void flush(st), DEBOUNCE_MS);
    },
    onBlur: () => {
      setFocused(false);
      void flush(state.current);
    },
  };
}
