/**
 * The state of a packet text field (packet-text-field.tsx): the typed text,
 * saved as you type (renderer/state/use-save-as-you-type.ts), the save's
 * status, and whether the stored text was changed in another window or tab
 * meanwhile (`elsewhere`: a stored text this field neither shows nor saved),
 * in which case nothing is saved until the person chooses `showSaved` or
 * `keepMine`.
 */
import { useEffect, useRef, useState } from 'react';
import { saveFailureMessage } from '../../db/storage-errors';
import { useSaveAsYouType } from '../../state/use-save-as-you-type';

export const SAVE_DEBOUNCE_MS = 300;

const CHANGED_ELSEWHERE = 'this text was changed in another window; choose which to keep.';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

export function usePacketText({ value, readOnly, onSave, rescueKey }: { value: string; readOnly: boolean; onSave: (text: string) => Promise<unknown>; rescueKey?: string }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  // The stored text this field last showed or saved: a stored text other than it, and other than the typing here, was written elsewhere.
  const [saved, setSaved] = useState(value);
  const known = draft === null ? value : saved;
  const elsewhere = draft !== null && value !== known && value !== draft;
  // Read when a save is sent (after a pause, on blur, when leaving).
  const held = useRef(elsewhere);
  useEffect(() => {
    held.current = elsewhere;
  }, [elsewhere]);
  const saving = useSaveAsYouType({
    value,
    save: (text) => (held.current ? Promise.reject(new Error(CHANGED_ELSEWHERE)) : onSave(text)),
    // Text typed just before a reload whose save never landed comes back, and is saved at once.
    rescueKey: readOnly ? undefined : rescueKey,
    delayMs: SAVE_DEBOUNCE_MS,
    onSending: () => setSave({ kind: 'saving' }),
    onSaved: (text) => {
      setSaved(text);
      setSave({ kind: 'saved' });
    },
    // A full disk is said in words (not "AbortError"); the text stays in the field and in its kept copy.
    onFailed: (error) => setSave({ kind: 'error', message: saveFailureMessage(error) }),
  });
  const text = draft ?? saving.rescued ?? value;

  return {
    text,
    save,
    elsewhere,
    rescued: saving.rescued,
    flush: saving.flush,
    typed(next: string) {
      // Typing starts over the stored text as shown now.
      if (draft === null) setSaved(value);
      setDraft(next);
      // Not while the text was changed elsewhere: the kept copy of unsaved typing is shared by the tabs, and the
      // other tab's reload put this tab's words back as its own and saved them over its text (a re-test).
      if (!elsewhere) saving.typed(next);
    },
    showSaved() {
      saving.discard();
      setDraft(null);
      setSave({ kind: 'idle' });
    },
    keepMine() {
      setSaved(value);
      held.current = false;
      saving.restart(text);
      saving.flush();
    },
  };
}
