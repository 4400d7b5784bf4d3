/**
 * A `<dialog>` shown modally while `open` is true and closed when it turns
 * false (the keys overlay and the command palette: a modal dialog keeps the
 * keys pressed in it from acting on the page behind, and the browser's Esc
 * closes it, which the dialog's onClose reports back).
 */
import { useEffect, type RefObject } from 'react';

export function useModalDialog(dialog: RefObject<HTMLDialogElement | null>, open: boolean): void {
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [dialog, open]);
}
