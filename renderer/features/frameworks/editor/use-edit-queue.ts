/**
 * One queue per open editor: edits and undos run one after another, in the
 * order the user made them, so a debounced keystroke never lands after the
 * undo that was meant to take it back. Also tracks what the quiet save
 * indicator shows: a field whose save failed keeps its words (use-draft.ts)
 * and the indicator keeps saying so, even after other edits save, until a
 * save of that field lands or its row is gone.
 */
import { useCallback, useRef, useState } from 'react';
import type { Framework } from '../../../../shared/domain/framework';
import { editedFields, fieldRowIn, type FrameworkEdit } from '../../../../shared/frameworks/edit-ops';
import { commands } from '../../../db/commands';
import type { SubmitOptions } from './editor-context';
import { errorMessage } from '../../../../shared/util/error-message';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

export function useEditQueue(framework: Framework) {
  const frameworkId = framework.id;
  const tail = useRef<Promise<unknown>>(Promise.resolve());
  const [pending, setPending] = useState(0);
  const [last, setLast] = useState<SaveState>({ kind: 'idle' });
  /** Why each field's last save failed, by `editedFields` key, oldest first. */
  const [unsaved, setUnsaved] = useState<ReadonlyMap<string, string>>(new Map());
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
      const fields = editedFields(edit);
      if (fields.length > 0) {
        setUnsaved((before) => {
          const after = new Map(before);
          for (const field of fields) {
            after.delete(field);
            if (!result.ok) after.set(field, result.message);
          }
          return after;
        });
      }
      return result.ok ? null : result.message;
    },
    [enqueue, frameworkId],
  );

  /** Resolves to true when a change was undone, false when there was none, or the error message. */
  const undo = useCallback(async (): Promise<boolean | string> => {
    const result = await enqueue(() => commands.undoFrameworkEdit(frameworkId));
    return result.ok ? result.value : result.message;
  }, [enqueue, frameworkId]);

  const failed = [...unsaved].filter(([field]) => fieldRowIn(framework, field));
  const newest = failed.at(-1);
  const state: SaveState =
    pending > 0
      ? { kind: 'saving' }
      : newest
        ? { kind: 'error', message: failed.length > 1 ? `${failed.length} fields. ${newest[1]}` : newest[1] }
        : last;
  const storedAt = useCallback(() => lastStoredAt.current, []);
  return { submit, undo, state, storedAt };
}
