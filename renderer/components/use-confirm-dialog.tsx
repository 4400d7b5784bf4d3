/**
 * The one way a view asks before acting: `ask(request)` opens the
 * ConfirmDialog, and its `onConfirm` runs only when the person confirms (a
 * dialog closed any other way does nothing). `dialog` is what the view
 * renders (null while nothing is asked); `open` says whether it is showing,
 * for a view that makes the page behind it inert. A failure of `onConfirm`
 * goes to `onError`, which says it in words.
 */
import { useState, type ReactNode } from 'react';
import { ConfirmDialog, type ConfirmRequest } from './confirm-dialog';

export function useConfirmDialog({ onError }: { onError?: (error: unknown) => void } = {}): { ask: (request: ConfirmRequest) => void; dialog: ReactNode; open: boolean } {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  async function close(confirmed: boolean) {
    const closing = request;
    setRequest(null);
    if (!confirmed || !closing) return;
    try {
      await closing.onConfirm();
    } catch (error) {
      if (!onError) throw error;
      onError(error);
    }
  }
  const dialog = request ? <ConfirmDialog request={request} onClose={(confirmed) => void close(confirmed)} /> : null;
  return { ask: setRequest, dialog, open: request !== null };
}
