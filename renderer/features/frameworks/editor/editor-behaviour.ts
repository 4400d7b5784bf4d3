/**
 * The framework editor's behaviour around its fields: focus moved only once
 * an edit is on screen, and undo (its button and Ctrl/Cmd+Z outside a text
 * field). Its confirmations are the app's one dialog (useConfirmDialog).
 *
 * The focus moves in layout effects, in the commit that draws the editor or
 * the edit, as dialogs take it (focus-trap.ts). Both come from a read (the
 * framework, re-read once an edit is stored), a render no click or key
 * started, and from an effect the focus moved a task after the paint: the
 * first key typed for a new criterion went to "Add criterion", and a digit
 * typed for a new framework's name, to the page, where it is a section key.
 */
import { useCallback, useLayoutEffect, useRef } from 'react';
import type { Framework } from '../../../../shared/domain/framework';
import { isTextEntry } from '../../../components/text-entry';
import { useWindowKeydown } from '../../../components/use-keydown';
import { useUiStore } from '../../../state/ui-store';
import { couldNot } from '../../../../shared/util/error-message';
import type { UndoOutcome } from './use-edit-queue';

function focusById(elementId: string): void {
  const element = document.getElementById(elementId);
  if (element && !(element instanceof HTMLButtonElement && element.disabled)) element.focus();
  // A new item's field holds words to replace ("New criterion"): selected, the first key typed replaces them.
  if (element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement && element.type === 'text')) element.select();
}

/** The framework just created or copied here, whose editor opens with its name selected to type over. */
let namingNext: string | null = null;

/** Asks the editor of `frameworkId`, once it opens, to put the focus on the framework's name. */
export function nameOnOpen(frameworkId: string): void {
  namingNext = frameworkId;
}

/** On opening the editor of a framework just created or copied: its name field focused, the words selected. */
export function useNameFocusOnOpen(frameworkId: string, nameFieldId: string): void {
  useLayoutEffect(() => {
    if (namingNext !== frameworkId) return;
    namingNext = null;
    focusById(nameFieldId);
  }, [frameworkId, nameFieldId]);
}

/**
 * Where focus goes after an item moved up or down with its buttons: the button pressed, which moves with its item,
 * unless the item reached that end of its list (where the button is disabled), then the other one. `position` is
 * the item's 1-based place before the move, of `count`. The one rule for criteria, levels and tracks.
 */
export function focusAfterMove(direction: 'up' | 'down', position: number, count: number, ids: { up: string; down: string }): string {
  const atEnd = direction === 'up' ? position - 1 === 1 : position + 1 === count;
  if (atEnd) return direction === 'up' ? ids.down : ids.up;
  return direction === 'up' ? ids.up : ids.down;
}

/**
 * Focus requested after an edit waits until the edited document is on
 * screen: the element may not exist yet, or may be about to move.
 * `storedAt` is the queue's time of the last stored edit.
 */
export function useFocusWhenReady(framework: Framework, storedAt: () => string): (elementId: string) => void {
  const pendingFocus = useRef<{ elementId: string; until: string } | null>(null);
  const renderedAt = useRef(framework.updatedAt);
  useLayoutEffect(() => {
    renderedAt.current = framework.updatedAt;
    const pending = pendingFocus.current;
    if (pending && framework.updatedAt >= pending.until) {
      pendingFocus.current = null;
      focusById(pending.elementId);
    }
  }, [framework]);
  return useCallback(
    (elementId: string) => {
      const until = storedAt();
      if (renderedAt.current >= until) focusById(elementId);
      else pendingFocus.current = { elementId, until };
    },
    [storedAt],
  );
}

/**
 * Undo of the last stored edit, announced; bound to Ctrl/Cmd+Z outside a text
 * field (in one, it is the field's own undo of typing) while no dialog is open.
 */
export function useUndo(undoQueued: () => Promise<UndoOutcome>, dialogOpen: boolean): () => Promise<void> {
  const announce = useUiStore((s) => s.announce);
  const undo = useCallback(async () => {
    const result = await undoQueued();
    if (result.kind === 'took back') announce('Took back the words that were not saved: the field shows what is stored.');
    else if (result.kind === 'undid') announce(`Undid ${result.what}.`);
    else if (result.kind === 'nothing') announce('There is nothing to undo.');
    else announce(couldNot('undo', result.message), 'error');
  }, [undoQueued, announce]);
  useWindowKeydown((event) => {
    if (dialogOpen || event.altKey || event.shiftKey || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z') return;
    if (isTextEntry(event.target, { select: false })) return;
    event.preventDefault();
    void undo();
  });
  return undo;
}
