/**
 * The decision book's read: a constant number of IndexedDB requests whatever
 * the session's size. The session row first (it names the cycle and, once
 * finalized, holds the frozen record), then every other table in parallel
 * with one indexed read each, by cycle or by session, filtered in memory to
 * the session's candidates. `bulkGet` and `anyOf` over 600 candidate ids
 * cost a request (or a cursor step) per key; reading the cycle's rows is one.
 */
import Dexie from 'dexie';
import { isFrozen, sessionFrameworkVersionId, withSessionDefaults } from '../../shared/calibration/session-record';
import type { Framework, Packet } from '../../shared/domain';
import { currentTrailHead } from './audit';
import type { LevelsetDatabase } from './database';
import { assembleSession } from './session-assembly';
import type { SessionBookData } from './session-hooks';

export async function loadBook(db: LevelsetDatabase, sessionId: string): Promise<SessionBookData | null> {
  const row = await db.sessions.get(sessionId);
  if (!row) return null;
  const session = withSessionDefaults(row);
  const { cycleId } = session;
  const frozen = isFrozen(session);
  // The nomination section reads the whole cycle (a finalized, named session only).
  const wantsCycle = !session.blind && session.status === 'finalized';
  const none = Promise.resolve([]);
  // One read-only transaction: the book is a live query, and a live query's reads outside an explicit transaction go
  // through Dexie's query cache, which deep-clones every result (10,000 evidence and 40,000 coverage rows at 1,000
  // candidates); inside one they are still observed.
  const tables = [db.cycles, db.frameworks, db.candidates, db.packets, db.coverage, db.votes, db.decisions, db.evidence, db.audit];
  const [cycle, framework, cycleCandidates, cyclePackets, coverage, votes, decisions, evidence, head] = await db.transaction('r', tables, () => {
    const cycleRead = db.cycles.get(cycleId);
    return Promise.all([
      cycleRead,
      cycleRead.then((c): Promise<Framework | undefined> | undefined => (c ? db.frameworks.get(sessionFrameworkVersionId(session, c)) : undefined)),
      db.candidates.where('cycleId').equals(cycleId).toArray(),
      !frozen || wantsCycle ? db.packets.where('cycleId').equals(cycleId).toArray() : none,
      frozen ? none : db.coverage.where('[cycleId+criterionId]').between([cycleId, Dexie.minKey], [cycleId, Dexie.maxKey]).toArray(),
      frozen ? none : db.votes.where('sessionId').equals(sessionId).toArray(),
      frozen ? none : db.decisions.where('sessionId').equals(sessionId).toArray(),
      frozen ? none : db.evidence.where('cycleId').equals(cycleId).toArray(),
      currentTrailHead(db),
    ]);
  });
  if (!cycle || !framework) return null;
  // The same assembly (frozen, blind) as the session's screens: renderer/db/session-assembly.ts.
  const { evidence: shown = [], ...data } = assembleSession({ session, cycle, framework, cycleCandidates, coverage, packets: cyclePackets as Packet[], votes, decisions, evidence });
  const book: SessionBookData = { ...data, evidence: shown, trailHead: head };
  return !session.blind && wantsCycle ? { ...book, cycleCandidates, cyclePackets: cyclePackets as Packet[] } : book;
}
