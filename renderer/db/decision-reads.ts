/**
 * What another session of the cycle decided of a candidate: read by the
 * candidate's index, for the write path (a second decision is refused,
 * sessions.ts) and for the review, which says it in place of a decision form
 * the save would refuse (useDecidedElsewhere), with the latest Defer made
 * elsewhere, which the review mentions.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { decidedElsewhere, decidesCandidate, deferredElsewhere, type DecidedElsewhere, type DeferredElsewhere } from '../../shared/rules/session-candidates';
import type { Session } from '../../shared/domain';
import { db as appDb, type LevelsetDatabase } from './database';

/** What other sessions of the cycle decided of a candidate: the decision that settles them (Defer aside), and the latest Defer. */
export interface ElsewhereInCycle {
  decided: DecidedElsewhere<Session> | null;
  deferred: DeferredElsewhere<Session> | null;
}

/** ElsewhereInCycle of a candidate: their decisions in other sessions by the candidate's index, then those sessions. */
async function elsewhereInCycle(db: LevelsetDatabase, session: Pick<Session, 'id' | 'cycleId'>, candidateId: string): Promise<ElsewhereInCycle> {
  const others = await db.decisions.where('candidateId').equals(candidateId).filter((d) => d.sessionId !== session.id).toArray();
  if (others.length === 0) return { decided: null, deferred: null };
  const sessions = await db.sessions.bulkGet([...new Set(others.map((d) => d.sessionId))]);
  return { decided: decidedElsewhere(session, others, sessions), deferred: deferredElsewhere(session, others, sessions) };
}

/** The decision another session of the cycle made of the candidate (Defer aside), with that session; null if none. */
export async function decisionElsewhere(db: LevelsetDatabase, session: Pick<Session, 'id' | 'cycleId'>, candidateId: string): Promise<DecidedElsewhere<Session> | null> {
  return (await elsewhereInCycle(db, session, candidateId)).decided;
}

/** ElsewhereInCycle of the candidate on screen, live; undefined while read. One indexed read, of this candidate's decisions only. */
export function useDecidedElsewhere(session: Pick<Session, 'id' | 'cycleId'>, candidateId: string | null): ElsewhereInCycle | null | undefined {
  const { id, cycleId } = session;
  return useLiveQuery(async () => (candidateId ? elsewhereInCycle(appDb, { id, cycleId }, candidateId) : null), [id, cycleId, candidateId]);
}

/**
 * How many of `candidateIds` (a session's undecided candidates) another session of the cycle decided (Defer aside),
 * live: the finalize hint says they hold the session back until taken out. One indexed read of those candidates' decisions.
 */
export function useDecidedElsewhereCount(sessionId: string, candidateIds: readonly string[]): number | undefined {
  const key = candidateIds.join(',');
  return useLiveQuery(async () => {
    if (candidateIds.length === 0) return 0;
    const rows = await appDb.decisions.where('candidateId').anyOf([...candidateIds]).filter((d) => d.sessionId !== sessionId && decidesCandidate(d)).toArray();
    return new Set(rows.map((d) => d.candidateId)).size;
  }, [sessionId, key]);
}
