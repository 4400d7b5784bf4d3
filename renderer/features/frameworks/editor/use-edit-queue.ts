/**
 * One queue per open editor: edits and undos run one after another, in the
 * order the user made them, so a debounced keystroke never lands after the
 * undo that was meant to take it back. Also tracks what the quiet save
 * indicator shows. A text field whose save failed keeps its words
 * (use-draft.ts) and says so here (`reportUnsaved`) until they are stored,
 * typed back to the stored text, or the field is gone: the indicator keeps
 * "Not saved" that long, whatever other edits save meanwhile.
 */
import { useCallback, useRef, useState } from 'react';
import type { FrameworkEdit } from '../../../../shared/frameworks/edit-ops';
import { commands } from '../../../db/commands';
import type { SubmitOptions } from './editor-context';
import { errorMessage } from '../../../../shared/util/error-message';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

export function useEditQueue(frameworkId: string) {
  const tail = useRef<Promise<unknown>>(Promise.resolve());
  const [pending, setPending] = useState(0);
  const [last, setLast] = useState<SaveState>({ kind: 'idle' });
  /** Text fields holding words a save failed to store, by field id, with the reason; oldest first. */
  const [unsaved, setUnsaved] = useState<ReadonlyMap<string, string>>(new Map());
  const reportUnsaved = useCallback((field: string, message: string | null) => {
    setUnsaved((before) => {
      if (message === null ? !before.has(field) : before.get(field) === message) return before;
      const after = new Map(before);
      after.delete(field);
      if (message !== null) after.set(field, message);
      return after;
    });
  }, []);
  /** `updatedAt` of the last document this editor stored, so focus can wait until that document is on screen. */
  const lastStoredAt = useRef('');

  /** `fieldReports`: a text field's edit, whose failure the field reports (its words are kept), not the queue. */
  const enqueue = useCallback(<T,>(task: () => Promise<T>, fieldReports = false): Promise<{ ok: true; value: T } | { ok: false; message: string }> => {
    setPending((n) => n + 1);
    const run = tail.current.then(task);
    tail.current = run.catch(() => undefined);
    return run
      .then(
        (value) => {
          setLast({ kind: 'saved' });
          return { ok: true as const, value };
        },
        (error: unknown) => {
          const message = errorMessage(error);
          if (!fieldReports) setLast({ kind: 'error', message });
          return { ok: false as const, message };
        },
      )
      .finally(() => setPending((n) => n - 1));
  }, []);

  const submit = useCallback(
    async (edit: FrameworkEdit, options: SubmitOptions = {}): Promise<string | null> => {
      // A text field's edit comes in an undo group (one visit to the field).
      const result = await enqueue(async () => {
        const stored = await commands.editFramework(frameworkId, edit, options);
        lastStoredAt.current = stored.updatedAt;
        return stored;
      }, options.group !== undefined);
      return result.ok ? null : result.message;
    },
    [enqueue, frameworkId],
  );

  /** Resolves to true when a change was undone, false when there was none, or the error message. */
  const undo = useCallback(async (): Promise<boolean | string> => {
    const result = await enqueue(() => commands.undoFrameworkEdit(frameworkId));
    return result.ok ? result.value : result.message;
  }, [enqueue, frameworkId]);

  const newest = [...unsaved].at(-1);
  const state: SaveState =
    pending > 0
      ? { kind: 'saving' }
      : newest
        ? { kind: 'error', message: unsaved.size > 1 ? `${unsaved.size} fields. ${newest[1]}` : newest[1] }
        : last;
  const storedAt = useCallback(() => lastStoredAt.current, []);
  return { submit, undo, state, storedAt, reportUnsaved };
}
