/**
 * What reopening a submitted revision does, said before it is done, from the
 * packet's status bar and from the candidate page's "evidence has changed"
 * notice alike: the submission is kept, the next revision is a draft, and
 * until it is submitted bundles leave the packet out (the Packets list said
 * "0 of 1 submitted" with no warning) while sessions review the submission.
 */
import type { ConfirmRequest } from '../../components/confirm-dialog';
import { useCandidateManager, useOpenSessionsReviewing } from '../../db/packet-hooks';
import { useProfile } from '../../db/profile';
import { someoneElse } from '../../../shared/rules/record-name';
import { plural } from '../../../shared/util/plural';

/** Said when a session not yet finalized reviews the candidate: its committee keeps the submitted revision (reviewedPacket) until the next is submitted. */
function UnderReview({ candidateId, revision }: { candidateId: string; revision: number }) {
  const sessions = useOpenSessionsReviewing(candidateId);
  if (!sessions) return null;
  return (
    <p className="confirm-warning">
      {sessions === 1 ? 'A calibration session on this computer that is not finalized reviews' : `${plural(sessions, 'calibration session')} on this computer that are not finalized review`} this candidate:
      {sessions === 1 ? ' its committee keeps reviewing' : ' their committees keep reviewing'} revision {revision} as submitted, and {sessions === 1 ? 'sees' : 'see'} revision {revision + 1} only once you submit it.
    </p>
  );
}

/**
 * What the bundle sentence says, by who is reopening: the manager (the sentence as it was), or someone else on this
 * machine, usually a chair holding the manager's imported packet, who was told about "a chair who already imported"
 * it (a trial as a chair). Their revision stays on this computer, and a revision the manager sends later is a branch
 * the import lists as a conflict (shared/exchange/merge-plan.ts).
 */
function WhoseCopy({ candidateId, revision }: { candidateId: string; revision: number }) {
  const profile = useProfile();
  const manager = useCandidateManager(candidateId);
  const other = profile === undefined || manager === undefined ? null : someoneElse(profile?.name, manager);
  if (!other) return <>A chair who already imported revision {revision} keeps it until you send revision {revision + 1}.</>;
  return (
    <strong>
      This is {other}’s packet: revision {revision + 1} will exist only on this computer, and {other}’s own copy does not change. If {other} later sends a revision of their own, the
      import lists the two as a conflict for the committee to settle. To change the case, ask {other} to reopen it and send a new bundle.
    </strong>
  );
}

export function reopenRequest(revision: number, onConfirm: () => void | Promise<void>, candidateId: string): ConfirmRequest {
  const next = revision + 1;
  return {
    title: `Reopen submitted revision ${revision}?`,
    body: (
      <>
        <p>
          Revision {revision} is kept as it was submitted, read-only, for the record. Revision {next} starts as a draft for your changes.
        </p>
        <p>
          Until you submit revision {next}, calibration sessions review revision {revision} as it was submitted, and “Select submitted” on the Packets page leaves the packet out of bundles.{' '}
          <WhoseCopy candidateId={candidateId} revision={revision} />
        </p>
        <UnderReview candidateId={candidateId} revision={revision} />
      </>
    ),
    confirmLabel: `Reopen as revision ${next}`,
    onConfirm,
  };
}
