/**
 * A text field's draft while it is edited (fields.tsx TextField): kept while
 * the field has focus and committed after a short pause (DEBOUNCE_MS), and
 * again on blur, unmount or leaving the page, and kept until a save of it lands
 * (renderer/state/use-save-as-you-type.ts). Each visit to a field is one undo
 * group.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { errorMessage } from '../../../../shared/util/error-message';
import { useSaveAsYouType } from '../../../state/use-save-as-you-type';

export const DEBOUNCE_MS = 250;

export type Commit = (value: string, group: string) => Promise<unknown>;

/** What a text field tells the editor's header: words typed and not yet sent, or words a save failed to store. */
export type FieldStatus = { kind: 'typing' } | { kind: 'unsaved'; message: string; discard: () => void };
export type ReportField = (fieldId: string, status: FieldStatus | null) => void;

let visitSerial = 0;

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
 * `onCommit` resolves to an error message when the edit was not stored.
 */
export function useDraft(
  id: string,
  rescueKey: string,
  value: string,
  onCommit: Commit,
  normalize: ((text: string) => string) | undefined,
  report: ReportField,
): Draft {
  const group = useRef(`${id}#rescued`);
  /** Why the last save failed, until one lands. */
  const [failure, setFailure] = useState<string | null>(null);
  /** The text last handed to the save (or the stored text at the start of a visit), and whether what is typed differs. */
  const handed = useRef(value);
  const [unsent, setUnsent] = useState(false);
  const saving = useSaveAsYouType({
    value,
    rescueKey,
    delayMs: DEBOUNCE_MS,
    save: async (text) => {
      const result = await onCommit(text, group.current);
      // The editor's queue says why (under the header); the words stay kept until they are stored.
      if (typeof result === 'string') throw new Error(result);
    },
    onSending: (text) => {
      handed.current = text;
      setUnsent(false);
      setExpected(normalize ? normalize(text) : text);
    },
    onSaved: () => setFailure(null),
    onFailed: (error) => setFailure(errorMessage(error)),
  });
  const { rescued } = saving;
  const [local, setLocal] = useState<string | null>(rescued);
  const [focused, setFocused] = useState(false);
  /** What the stored value will read once the last commit lands. */
  const [expected, setExpected] = useState<string | null>(() => (rescued === null ? null : normalize ? normalize(rescued) : rescued));

  // Once the stored value has caught up with what was typed, show the stored value again.
  if (!focused && local !== null && (expected === null || expected === value)) {
    setLocal(null);
    setExpected(null);
  }

  // Words a save failed to store, and not typed back to the stored text: the editor's header says so until they are
  // stored or taken back, and the field going away (its row removed, the page left) takes the report with it.
  const unsaved = failure !== null && local !== null && local !== value ? failure : null;
  const { discard: drop } = saving;
  const discard = useCallback(() => {
    drop();
    setLocal(null);
    setExpected(null);
    setFailure(null);
    setUnsent(false);
  }, [drop]);
  const status = useMemo<FieldStatus | null>(() => (unsaved !== null ? { kind: 'unsaved', message: unsaved, discard } : unsent ? { kind: 'typing' } : null), [unsaved, unsent, discard]);
  useEffect(() => report(id, status), [report, id, status]);
  useEffect(() => () => report(id, null), [report, id]);

  return {
    shown: local ?? value,
    onFocus: () => {
      // A draft that failed to save earlier is kept, and saved again on the next pause.
      const start = local ?? value;
      saving.restart(start);
      handed.current = value;
      group.current = `${id}#${++visitSerial}`;
      setLocal(start);
      setFocused(true);
    },
    onChange: (event) => {
      saving.typed(event.target.value);
      setLocal(event.target.value);
      setUnsent(event.target.value !== handed.current);
    },
    onBlur: () => {
      setFocused(false);
      saving.flush();
    },
  };
}
