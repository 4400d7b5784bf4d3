/**
 * One queue per open editor: edits and undos run one after another, in the
 * order the user made them, so a debounced keystroke never lands after the
 * undo that was meant to take it back. Also tracks what the quiet save
 * indicator shows.
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
  /** `updatedAt` of the last document this editor stored, so focus can wait until that document is on screen. */
  const lastStoredAt = useRef('');

  const enqueue = useCallback(<T,>(task: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; message: string }> => {
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
          setLast({ kind: 'error', message });
          return { ok: false as const, message };
        },
      )
      .finally(() => setPending((n) => n - 1));
  }, []);

  const submit = useCallback(
    async (edit: FrameworkEdit, options: SubmitOptions = {}): Promise<string | null> => {
      const result = await enqueue(async () => {
        const stored = await commands.editFramework(frameworkId, edit, options);
        lastStoredAt.current = stored.updatedAt;
        return stored;
      });
      return result.ok ? null : result.message;
    },
    [enqueue, frameworkId],
  );

  /** Resolves to true when a change was undone, false when there was none, or the error message. */
  const undo = useCallback(async (): Promise<boolean | string> => {
    const result = await enqueue(() => commands.undoFrameworkEdit(frameworkId));
    return result.ok ? result.value : result.message;
  }, [enqueue, frameworkId]);

  const state: SaveState = pending > 0 ? { kind: 'saving' } : last;
  const storedAt = useCallback(() => lastStoredAt.current, []);
  return { submit, undo, state, storedAt };
}
