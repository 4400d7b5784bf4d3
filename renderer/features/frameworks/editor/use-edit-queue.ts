/**
 * One queue per open editor: edits and undos run one after another, in the
 * order the user made them, so a debounced keystroke never lands after the
 * undo that was meant to take it back. Also tracks what the quiet save
 * indicator shows. Each text field reports here (`reportField`, use-draft.ts)
 * words typed and not yet sent ("Saving…", not "Saved", during the pause
 * before they are sent) and words a save failed to store: the indicator keeps
 * "Not saved" until they are stored, typed back, taken back by "Undo last
 * change", or the field is gone, whatever other edits save meanwhile.
 */
import { useCallback, useRef, useState } from 'react';
import type { FrameworkEdit } from '../../../../shared/frameworks/edit-ops';
import { commands } from '../../../db/commands';
import type { SubmitOptions } from './editor-context';
import type { FieldStatus } from './use-draft';
import { errorMessage } from '../../../../shared/util/error-message';

/** What an undo did; `what` names the edit it took back (shared/frameworks/edit-label.ts). */
export type UndoOutcome = { kind: 'undid'; what: string } | { kind: 'nothing' } | { kind: 'took back' } | { kind: 'failed'; message: string };

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

export function useEditQueue(frameworkId: string) {
  const tail = useRef<Promise<unknown>>(Promise.resolve());
  const [pending, setPending] = useState(0);
  const [last, setLast] = useState<SaveState>({ kind: 'idle' });
  /** `updatedAt` of the last document this editor stored, so focus can wait until that document is on screen. */
  const lastStoredAt = useRef('');
  /** What each text field reports (use-draft.ts FieldStatus), by field id, oldest first. */
  const [fields, setFields] = useState<ReadonlyMap<string, FieldStatus>>(new Map());
  const reportField = useCallback((field: string, status: FieldStatus | null) => {
    setFields((before) => {
      if (before.get(field) === (status ?? undefined)) return before;
      const after = new Map(before);
      after.delete(field);
      if (status !== null) after.set(field, status);
      return after;
    });
  }, []);

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

  const unsaved = [...fields.values()].filter((f): f is Extract<FieldStatus, { kind: 'unsaved' }> => f.kind === 'unsaved');
  const newest = unsaved.at(-1);

  /**
   * What undo did: took back a stored edit (named), found none, failed (the
   * message), or dropped words a save had failed to store (the last thing done
   * that is not stored comes back first).
   */
  const undo = useCallback(async (): Promise<UndoOutcome> => {
    if (newest) {
      newest.discard();
      return { kind: 'took back' };
    }
    const result = await enqueue(() => commands.undoFrameworkEdit(frameworkId));
    if (!result.ok) return { kind: 'failed', message: result.message };
    return result.value === null ? { kind: 'nothing' } : { kind: 'undid', what: result.value };
  }, [enqueue, frameworkId, newest]);

  const typing = [...fields.values()].some((f) => f.kind === 'typing');
  const state: SaveState =
    pending > 0 || typing
      ? { kind: 'saving' }
      : newest
        ? { kind: 'error', message: unsaved.length > 1 ? `${unsaved.length} fields. ${newest.message}` : newest.message }
        : last;
  const storedAt = useCallback(() => lastStoredAt.current, []);
  return { submit, undo, state, storedAt, reportField, unsavedFields: unsaved.length };
}
