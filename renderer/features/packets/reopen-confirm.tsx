/**
 * What reopening a submitted revision does, said before it is done, from the
 * packet's status bar and from the candidate page's "evidence has changed"
 * notice alike: the submission is kept, the next revision is a draft, and
 * until it is submitted this machine has no submitted packet for the
 * candidate (the Packets list said "0 of 1 submitted" with no warning).
 */
import type { ConfirmRequest } from '../../components/confirm-dialog';

export function reopenRequest(revision: number, onConfirm: () => void | Promise<void>): ConfirmRequest {
  const next = revision + 1;
  return {
    title: `Reopen submitted revision ${revision}?`,
    body: (
      <>
        <p>
          Revision {revision} is kept as it was submitted, read-only, for the record. Revision {next} starts as a draft for your changes.
        </p>
        <p>
          Until you submit revision {next}, this candidate has no submitted packet on this computer: the packet is left out of bundle exports and of new calibration sessions.
          A chair who already imported revision {revision} keeps it until you send revision {next}.
        </p>
      </>
    ),
    confirmLabel: `Reopen as revision ${next}`,
    onConfirm,
  };
}
