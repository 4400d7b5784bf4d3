/**
 * Live reads for the packet views (useLiveQuery inside, so a view re-renders
 * when its rows change). Views never hold the database object; every write
 * is a command (commands.ts). The bundle panels' one-off reads are in
 * bundle-reads.ts: the packet print, in the print view's chunk, imports this
 * module, and the decision book waited for the bundle code's chunks (issue 13).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './database';
import { packetWorkspace, type PacketWorkspace } from './packets';

/** Everything the packet builder (and the packet print) shows for one candidate; null when the candidate is not stored, undefined while loading. */
export function usePacketWorkspace(candidateId: string): PacketWorkspace | null | undefined {
  return useLiveQuery(() => packetWorkspace(db, candidateId), [candidateId]);
}

/**
 * How many sessions on this machine, not yet finalized, review the candidate: reopening their packet changes what
 * those committees see (the current packet becomes the new draft). The sessions are few; they are read whole.
 */
/** The candidate's manager as stored, live; '' for a candidate not found, undefined while reading. */
export function useCandidateManager(candidateId: string): string | undefined {
  return useLiveQuery(() => db.candidates.get(candidateId).then((c) => c?.manager ?? ''), [candidateId]);
}

export function useOpenSessionsReviewing(candidateId: string): number | undefined {
  return useLiveQuery(() => db.sessions.filter((s) => s.status !== 'finalized' && s.candidateIds.includes(candidateId)).count(), [candidateId]);
}
