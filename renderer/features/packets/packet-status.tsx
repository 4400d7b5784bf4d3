/**
 * The status bar of the revision shown: draft, submitted or superseded, what
 * that means for editing and for the committee, and the action it allows
 * (reopen, back to the current revision, go to the checks). A submitted
 * revision is shown with its frozen evidence; the bar says so, and says
 * when the log has changed since.
 */
import type { RefObject } from 'react';
import type { Packet } from '../../../shared/domain/packet';
import type { SubmitReadiness } from '../../../shared/packets/checks';
import type { EvidenceChangeNotice } from '../../../shared/packets/evidence-notice';
import { CHECKS_HEADING_ID, focusOnPage } from './packet-checks';
import { STATUS_LABEL, keptEditsLabel } from './packet-history';
import { formatInstant } from '../../components/dates';
import { useConfirmDialog } from '../../components/use-confirm-dialog';
import { reopenRequest } from './reopen-confirm';
import { wasSubmitted } from '../../../shared/rules/current-packet';
import { sessionsReviewNote } from './sessions-review-note';

interface Props {
  viewed: Packet;
  current: Packet;
  verdict: SubmitReadiness;
  /** The change notice of the current revision, when it is submitted and the log has moved on. */
  notice: EvidenceChangeNotice | null;
  busy: boolean;
  selfHref: string;
  statusRef: RefObject<HTMLDivElement | null>;
  onBack: () => void;
  onReopen: () => void;
}

/**
 * What the revision shown means for editing and for the committee. A draft that follows a submission, and the
 * submission it follows, say that sessions review the submission until the draft is submitted (reviewedPacket); the
 * draft says it in the words the candidate page and the Packets list use (sessionsReviewNote).
 */
function explanation(viewed: Packet, current: Packet): string {
  if (viewed.status === 'draft') {
    const note = sessionsReviewNote(viewed);
    return note ? `Saves as you type. ${note}` : 'Saves as you type.';
  }
  const frozen = viewed.snapshot ? ' It is shown with its evidence as it was when it was submitted.' : '';
  if (viewed.status === 'submitted') return `Read-only: this is the case the committee reads, once it reaches them (Packets → Export, or Send to committee on a connected cycle).${frozen}`;
  const kept = keptEditsLabel(viewed);
  if (kept) return kept + frozen;
  if (current.status === 'draft' && current.parentId === viewed.id && wasSubmitted(viewed)) {
    return `Superseded by the draft revision ${current.revision}; until it is submitted, calibration sessions still review this revision. Kept read-only.${frozen}`;
  }
  return `Superseded by a later revision; kept read-only for the record.${frozen}`;
}

export function PacketStatus({ viewed, current, verdict, notice, busy, selfHref, statusRef, onBack, onReopen }: Props) {
  const isCurrent = viewed.id === current.id;
  const open = verdict.blockers.length + verdict.unacknowledged.length;
  const { ask, dialog } = useConfirmDialog();
  return (
    <>
      <div className={`packet-status packet-status-${viewed.status}`} ref={statusRef} tabIndex={-1} role="group" aria-label="Packet status">
        <p className="packet-status-text">
          <span className={`status status-${viewed.status}`}>{STATUS_LABEL[viewed.status]}</span> · revision {viewed.revision}
          {viewed.submittedAt && viewed.status !== 'draft' ? ` · submitted ${formatInstant(viewed.submittedAt)}` : ''}
          {' · '}
          {explanation(viewed, current)}
        </p>
        <div className="packet-status-actions">
          {!isCurrent ? (
            <button type="button" className="button button-secondary" onClick={onBack}>
              Back to the current revision ({current.revision})
            </button>
          ) : null}
          {isCurrent && viewed.status === 'submitted' ? (
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => ask(reopenRequest(viewed.revision, onReopen, viewed.candidateId))}>
              {busy ? 'Reopening…' : `Reopen (creates revision ${viewed.revision + 1})`}
            </button>
          ) : null}
          {isCurrent && viewed.status === 'draft' ? (
            <a
              href={selfHref}
              onClick={(e) => {
                e.preventDefault();
                focusOnPage(CHECKS_HEADING_ID);
              }}
            >
              {verdict.ok ? 'Ready to submit' : `${open} ${open === 1 ? 'check' : 'checks'} to resolve before submitting`}
            </a>
          ) : null}
        </div>
      </div>
      {dialog}
      {isCurrent && notice ? (
        <div className="packet-notice" role="note">
          <p>{notice.text} Reopen it to bring the changes into a new revision.</p>
        </div>
      ) : null}
    </>
  );
}
