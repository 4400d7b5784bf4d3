/**
 * A small confirmation dialog for destructive edits, built without the
 * native <dialog> element: an `alertdialog` that takes focus (on Cancel, the
 * safe choice), keeps Tab inside itself, closes on Escape, and hands focus
 * back to the control that opened it (or to a fallback when the confirmed
 * action removed that control).
 */
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { keepTabInside, useFocusInAndBack } from './focus-trap';

export interface ConfirmRequest {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  /** The safe choice's words; "Cancel" unless that would read like the action (cancelling a change: "Keep editing"). */
  cancelLabel?: string;
  onConfirm: () => void | Promise<void>;
  /**
   * For what cannot be got back (a committee's record of its decisions): the
   * confirm button waits until this text is typed, as a second, deliberate step.
   */
  typeToConfirm?: string;
}

/** Text as a person can type what the dialog shows: spaces as one (the page shows runs of them as one), curly quotes as straight. */
function asTyped(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/[“”„]/g, '"').replace(/[‘’]/g, "'");
}

export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest; onClose: (confirmed: boolean) => void }) {
  const titleId = useId();
  const bodyId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const typedId = useId();
  const [typed, setTyped] = useState('');
  const confirmable = request.typeToConfirm === undefined || asTyped(typed) === asTyped(request.typeToConfirm);

  useFocusInAndBack(() => cancel.current);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // Modal: the page's shortcuts (J/K in a session, the section keys) do not act behind it.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose(false);
      return;
    }
    keepTabInside(event, dialog.current);
  }

  return (
    <div className="confirm-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose(false)}>
      <div ref={dialog} className="confirm-dialog" role="alertdialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={bodyId} onKeyDown={onKeyDown}>
        <h2 id={titleId}>{request.title}</h2>
        <div id={bodyId} className="confirm-body">
          {request.body}
        </div>
        {request.typeToConfirm === undefined ? null : (
          <div className="confirm-typed">
            <label htmlFor={typedId}>Type “{request.typeToConfirm}” to confirm</label>
            <input id={typedId} type="text" autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && confirmable && onClose(true)} />
          </div>
        )}
        <div className="confirm-actions">
          <button ref={cancel} type="button" className="button button-secondary" onClick={() => onClose(false)}>
            {request.cancelLabel ?? 'Cancel'}
          </button>
          <button type="button" className="button button-danger" disabled={!confirmable} onClick={() => onClose(true)}>
            {request.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
