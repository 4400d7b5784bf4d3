/**
 * The one way a view asks before acting: `ask(request)` opens the
 * ConfirmDialog, and its `onConfirm` runs only when the person confirms.
 * `dialog` is what the view renders (null while nothing is asked).
 */
import { useState, type ReactNode } from 'react';
import { ConfirmDialog, type ConfirmRequest } from './confirm-dialog';

export function useConfirmDialog(): { ask: (request: ConfirmRequest) => void; dialog: ReactNode } {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const dialog = request ? (
    <ConfirmDialog
      request={request}
      onClose={(confirmed) => {
        setRequest(null);
        if (confirmed) void request.onConfirm();
      }}
    />
  ) : null;
  return { ask: setRequest, dialog };
}
