/**
 * A modal dialog for confirmations that may carry a field (the reason to
 * reopen a session): role="dialog" with aria-modal, focus moves into it
 * (to `initialFocus`, else the first control), Tab stays inside, Escape
 * cancels (also when focus has left it), and focus returns to the control
 * that opened it. The confirm button is never disabled while its action
 * runs, only marked busy: a disabled button drops the focus it holds to the
 * page, where Escape and Tab no longer reach the dialog.
 */
import { FOCUSABLE, keepTabInside, useFocusInAndBack } from '../../../components/focus-trap';
import { useDocumentKeydown } from '../../../components/use-keydown';
import { useId, useRef, type FormEvent, type KeyboardEvent, type ReactNode, type RefObject } from 'react';


export function SessionDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  initialFocus,
  busy = false,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  initialFocus?: RefObject<HTMLElement | null>;
  busy?: boolean;
}) {
  const titleId = useId();
  const bodyId = useId();
  const box = useRef<HTMLDivElement>(null);

  useFocusInAndBack(() => initialFocus?.current ?? box.current?.querySelector<HTMLElement>(FOCUSABLE));

  // Escape pressed with the focus outside the dialog (on the page, after a click on the backdrop's edge) still
  // cancels: the dialog is modal. Inside it, onKeyDown below handles the key and stops it here. Heard from the commit
  // that shows the dialog (useDocumentKeydown), not only a task after its paint.
  useDocumentKeydown((event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
      return;
    }
    // Keys typed in the dialog belong to the dialog, not to the presenter's shortcuts.
    event.stopPropagation();
    keepTabInside(event, box.current);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!busy) onConfirm();
  }

  return (
    <div className="session-dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onCancel()}>
      <div ref={box} className="session-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={bodyId} onKeyDown={onKeyDown}>
        <form onSubmit={submit} noValidate>
          <h2 id={titleId}>{title}</h2>
          <div id={bodyId} className="session-dialog-body">
            {children}
          </div>
          <div className="session-dialog-actions">
            <button type="button" className="button button-secondary" onClick={onCancel}>
              Cancel
            </button>
            <button type="submit" className="button button-primary" aria-disabled={busy || undefined} aria-busy={busy}>
              {confirmLabel}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
