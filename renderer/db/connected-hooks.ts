/**
 * Connected mode's reads for views and the app's database bound for the
 * transport (renderer/connected/sync.ts), which may not hold the database
 * itself. Writes stay in renderer/db/connected (through commands).
 */
import { liveQuery } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { cycleCommittee } from '../../shared/connected/committee';
import type { StreamDelivery } from '../../shared/connected/contract';
import type { CommitteeMember } from '../../shared/domain';
import type { BundleContentInput } from '../../shared/exchange/bundle-format';
import { applyStreamEvent, chairOpenSessions, committeeCopyChecksum, committeeCopyContent, connectionFor, cyclePassphrase, importCommitteeCopy, importedCopyChecksum, markSent, outboxCount, pendingOutbox, resumeFrom } from './connected';
import { db, type LevelsetDatabase } from './database';

export { sessionConnection, useConnection, useOutboxCount } from './connection-hook';


/** Everyone who sits on a committee of the cycle, once each (the identities a connected app can act as; shared/connected/committee.ts). */
export function useCycleCommittee(cycleId: string | null | undefined): CommitteeMember[] | undefined {
  return useLiveQuery(async () => {
    if (!cycleId) return [];
    return cycleCommittee(await db.sessions.where('cycleId').equals(cycleId).toArray());
  }, [cycleId]);
}

/**
 * Runs chairOpenSessions now and after every change to the cycle's sessions,
 * one run at a time. `onQueued` (the chair's app sends a fresh committee copy)
 * follows every run that queued an event, also one that then failed on a later
 * session: what it queued stays queued and is sent, so the copy must match it.
 */
export function openSessionsWhileConnected(database: LevelsetDatabase, cycleId: string, onError: (error: unknown) => void, onQueued: () => void): () => void {
  let queue = Promise.resolve();
  const sub = liveQuery(() => database.sessions.where('cycleId').equals(cycleId).toArray()).subscribe({
    next: () => {
      queue = queue.then(async () => {
        let queued = 0;
        try {
          await chairOpenSessions(database, cycleId, undefined, () => void (queued += 1));
        } finally {
          if (queued > 0) onQueued();
        }
      }).catch(onError);
    },
    error: onError,
  });
  return () => sub.unsubscribe();
}

/** The app's database as the transport sees it (shared/connected/contract.ts), plus watches to start and nudge it. */
export const connectedApp = {
  pending: (cycleId: string) => pendingOutbox(db, cycleId),
  markSent: (msgId: string) => markSent(db, msgId),
  apply: (raw: unknown, delivery: StreamDelivery) => applyStreamEvent(db, raw, delivery),
  /** Where a connection resumes the stream, once the events kept waiting have been tried again (apply-stream.ts resumeFrom). */
  resumeFrom: (stream: string, cycleId: string) => resumeFrom(db, stream, cycleId),
  /** The cycle's settings with the credentials, for a connection only (never shown). */
  connection: (cycleId: string) => connectionFor(db, cycleId),
  /** The cycle passphrase for the committee copy (never shown), or null. */
  passphrase: (cycleId: string) => cyclePassphrase(db, cycleId),
  copyContent: (cycleId: string) => committeeCopyContent(db, cycleId),
  copyChecksum: (content: BundleContentInput) => committeeCopyChecksum(content),
  importedChecksum: (cycleId: string) => importedCopyChecksum(db, cycleId),
  importCopy: (cycleId: string, text: string, passphrase: string) => importCommitteeCopy(db, cycleId, text, passphrase, new Date().toISOString()),
  /**
   * The chair's app: opens the cycle's sessions to the committee now and
   * whenever one is created or changed (session.open, queued in the outbox;
   * a session already opened is skipped). Nothing happens for a member.
   */
  openSessionsWhileConnected(cycleId: string, onError: (error: unknown) => void, onQueued: () => void = () => undefined): () => void {
    return openSessionsWhileConnected(db, cycleId, onError, onQueued);
  },
  /**
   * Calls back (not on subscribing) whenever a write touches the cycle's
   * candidates, evidence or packets: every such command rewrites their
   * candidateStats rows (write/candidate-stats.ts), so one indexed range is
   * watched. The chair's app then sends the committee copy again (a packet
   * imported after the committee joined), at most every `quietMs`.
   */
  watchCycleContent(cycleId: string, callback: () => void, quietMs = 5_000): () => void {
    let first = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const sub = liveQuery(() => db.candidateStats.where('cycleId').equals(cycleId).toArray()).subscribe({
      next: () => {
        if (first) return void (first = false);
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = null;
          callback();
        }, quietMs);
      },
      error: () => undefined,
    });
    return () => {
      if (timer) clearTimeout(timer);
      sub.unsubscribe();
    };
  },
  /** Calls back with the cycle's outbox size now and whenever a change is queued or sent. */
  watchOutbox(cycleId: string, callback: (count: number) => void): () => void {
    const sub = liveQuery(() => outboxCount(db, cycleId)).subscribe({ next: callback, error: () => undefined });
    return () => sub.unsubscribe();
  },
};
