/**
 * What a draft that follows a submission means for the committee: calibration
 * sessions keep reviewing the submission until the draft is submitted
 * (reviewedPacket). Said in these words wherever the packet's status is
 * shown: its status bar, the candidate page, the Packets list. Whether a
 * draft follows a submission is the shared rule's (reviewsEarlierRevision).
 */
import type { Packet } from '../../../shared/domain/packet';
import { reviewsEarlierRevision } from '../../../shared/rules/current-packet';

/** The sentence, for a draft that follows a submission; and its short form, under a status in a list's narrow column. */
export const SESSIONS_REVIEW_SUBMISSION = {
  sentence: 'Calibration sessions review the last submitted revision until you submit this one.',
  short: 'Sessions review the last submission',
} as const;

/** The note when the packet is a draft that follows a submission; null for every other packet. */
export function sessionsReviewNote(packet: Pick<Packet, 'revision' | 'status'> | null | undefined, form: keyof typeof SESSIONS_REVIEW_SUBMISSION = 'sentence'): string | null {
  return reviewsEarlierRevision(packet) ? SESSIONS_REVIEW_SUBMISSION[form] : null;
}
