/**
 * Saving a text as it is typed, the one way every such field does it (the
 * packet's texts, the framework editor's fields): the text goes to `save`
 * after a pause, and again on blur, when the field unmounts and when the
 * page is left, so the last words are kept. Every keystroke is also kept
 * synchronously in local storage (unsaved-text.ts) until a save of it lands:
 * after a reload, or after a save that failed (a full disk), the words are put
 * back and saved again. A failed save is tried again at the next pause or blur.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { forgetUnsaved, keepUnsaved, unsavedText } from './unsaved-text';
import { usePageLeave } from './use-page-leave';

/** Never a typed text: marks a send that failed, so the next flush sends again. */
const FAILED = '\u0000unsaved';

export interface SaveAsYouTypeOptions {
  /** The stored text. */
  value: string;
  /** Stores the text; a rejection means it was not stored. */
  save: (text: string) => Promise<unknown>;
  /** Names the synchronous copy of unsaved text; none: no copy is kept. */
  rescueKey?: string;
  delayMs: number;
  /** Told when a text is sent, when the last text sent is stored, and when a save failed. */
  onSending?: (text: string) => void;
  onSaved?: (text: string) => void;
  onFailed?: (error: unknown) => void;
}

export interface SaveAsYouType {
  /** Text typed before a reload whose save never landed (sent again at once), or null. */
  rescued: string | null;
  /** The field's text changed. */
  typed: (text: string) => void;
  /** Sends the text now if it was not sent (blur). */
  flush: () => void;
  /** Starts again from the stored text (a new visit to the field): what is typed next is compared with it. */
  restart: (text: string) => void;
  /** Drops the text not stored (and its kept copy): the stored text stands (the editor's Undo). */
  discard: () => void;
}

export function useSaveAsYouType({ value, save, rescueKey, delayMs, onSending, onSaved, onFailed }: SaveAsYouTypeOptions): SaveAsYouType {
  const [rescued] = useState(() => (rescueKey ? unsavedText(rescueKey, value) : null));
  const state = useRef({ timer: undefined as ReturnType<typeof setTimeout> | undefined, latest: rescued ?? value, sent: value, stored: value });
  const callbacks = useRef({ save, onSending, onSaved, onFailed, rescueKey });
  useEffect(() => {
    callbacks.current = { save, onSending, onSaved, onFailed, rescueKey };
  });
  useEffect(() => {
    // What a kept copy is typed over: the stored text as it is now (an undo elsewhere changes it).
    state.current.stored = value;
  }, [value]);

  const flush = useCallback(() => {
    const s = state.current;
    if (s.timer !== undefined) clearTimeout(s.timer);
    s.timer = undefined;
    if (s.latest === s.sent) return;
    const text = s.latest;
    s.sent = text;
    const { save: store, onSending: sending, rescueKey: key } = callbacks.current;
    sending?.(text);
    store(text).then(
      () => {
        state.current.stored = text;
        if (key && state.current.latest === text) forgetUnsaved(key);
        // Said only for the last text sent: a newer one may still be on its way.
        if (state.current.sent === text) callbacks.current.onSaved?.(text);
      },
      (error: unknown) => {
        // The copy stays, and the next pause or blur tries again with the same text.
        if (state.current.sent === text) state.current.sent = FAILED;
        callbacks.current.onFailed?.(error);
      },
    );
  }, []);

  const typed = useCallback(
    (text: string) => {
      const s = state.current;
      s.latest = text;
      const key = callbacks.current.rescueKey;
      if (key) keepUnsaved(key, text, s.stored);
      if (s.timer !== undefined) clearTimeout(s.timer);
      s.timer = setTimeout(flush, delayMs);
    },
    [flush, delayMs],
  );

  const restart = useCallback((text: string) => {
    const s = state.current;
    s.latest = text;
    s.sent = s.stored;
  }, []);

  const discard = useCallback(() => {
    const s = state.current;
    if (s.timer !== undefined) clearTimeout(s.timer);
    s.timer = undefined;
    s.latest = s.stored;
    s.sent = s.stored;
    const key = callbacks.current.rescueKey;
    if (key) forgetUnsaved(key);
  }, []);

  // Whatever is typed when the field goes away (route change, revision switch) is still saved,
  // and so is what was typed just before a reload or a closed window.
  useEffect(() => () => flush(), [flush]);
  usePageLeave(flush);
  useEffect(() => {
    if (rescued !== null) flush();
  }, [rescued, flush]);

  return { rescued, typed, flush, restart, discard };
}
