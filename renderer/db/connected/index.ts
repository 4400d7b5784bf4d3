/**
 * Connected mode's data side (issue 14), in one place: the transport calls
 * `connectedStore` (the contract in shared/connected/contract.ts); views call
 * the member's and chair's actions through commands.ts.
 */
import type { ConnectedStore } from '../../../shared/connected/contract';
import type { LevelsetDatabase } from '../database';
import { applyStreamEvent, lastAppliedSeq } from './apply-stream';
import { markSent, pendingOutbox } from './outbox';

export const connectedStore: ConnectedStore<LevelsetDatabase> = { pendingOutbox, markSent, applyStreamEvent, lastAppliedSeq };

export { applyStreamEvent, lastAppliedSeq, resumeFrom, retryWaiting } from './apply-stream';
export { markSent, outboxCount, pendingOutbox } from './outbox';
export { castOpenVote, castSealedVote, chairDecide, chairOpenSessions, chairFinalize, chairReopen, chairRevealVotes, chairSetFinalVotes } from './local';
export { connectionFor, connectionSummary, cyclePassphrase, forgetConnection, joinCommittee, saveConnection } from './connection';
export { committeeCopyChecksum, committeeCopyContent, importCommitteeCopy, importedCopyChecksum } from './committee-copy';
export { connectedStatus, type ConnectedStatus } from './status';
