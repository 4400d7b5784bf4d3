/**
 * The decision book's read: what the book prints and nothing else, a
 * constant number of IndexedDB requests whatever the session's size. The
 * session row first (it names the cycle and, once finalized, holds the
 * frozen record), then every other table in parallel with one indexed read
 * each, by cycle or by session, filtered in memory to the session's
 * candidates. `bulkGet` and `anyOf` over 600 candidate ids cost a request
 * (or a cursor step) per key; reading the cycle's rows is one.
 *
 * A live session's book prints readiness, decisions, votes and the evidence
 * its decisions cite, so it reads no coverage, packet or uncited evidence row
 * (issue 13's profile of the print view at 1,000 candidates: reading and
 * deserialising the cycle's 40,000 coverage rows, 10,000 evidence items and
 * 1,000 packets, and the live query noting every key read, were most of the
 * time to ready). Readiness comes from the figures the write path stores
 * beside each candidate (candidateStats), the same rule over the same rows
 * (shared/packets/stored-readiness.ts readinessFromStored). Evidence is read
 * for the candidates whose decisions cite criteria: one indexed read each
 * when they are few, the cycle's in one read when they are many.
 */
import Dexie from 'dexie';
import { isFrozen, sessionFrameworkVersionId, withSessionDefaults } from '../../shared/calibration/session-record';
import type { Decision, Evidence, Framework, Packet } from '../../shared/domain';
import type { StoredFigures } from '../../shared/packets/stored-readiness';
import { unpackAll } from '../../shared/packets/stored-coverage';
import { currentTrailHead } from './audit-reads';
import type { LevelsetDatabase } from './database';
import { assembleSession } from './session-assembly';
import type { SessionBookData } from './session-hooks';

/** From this share of the cycle's candidates citing criteria, the cycle's evidence is read whole (as coverage.ts decides). */
const WHOLE_CYCLE_SHARE = 1 / 8;

export async function loadBook(db: LevelsetDatabase, sessionId: string): Promise<SessionBookData | null> {
  const row = await db.sessions.get(sessionId);
  if (!row) return null;
  const session = withSessionDefaults(row);
  const { cycleId } = session;
  const frozen = isFrozen(session);
  const finalized = session.status === 'finalized';
  // The nomination section reads the whole cycle (a finalized, named session only).
  const wantsCycle = !session.blind && finalized;
  // A session finalized before records were frozen prints its fairness figures from the live coverage rows.
  const wantsCoverage = finalized && !frozen;
  const none = Promise.resolve([]);
  // One read-only transaction: the book is a live query, and a live query's reads outside an explicit transaction go
  // through Dexie's query cache, which deep-clones every result; inside one they are still observed.
  const tables = [db.cycles, db.frameworks, db.candidates, db.candidateStats, db.packets, db.coverage, db.votes, db.decisions, db.evidence, db.audit];
  const [cycle, framework, cycleCandidates, stats, cyclePackets, coverage, votes, decisions, evidence, head] = await db.transaction('r', tables, () => {
    const cycleRead = db.cycles.get(cycleId);
    const candidatesRead = db.candidates.where('cycleId').equals(cycleId).toArray();
    const decisionsRead = frozen ? Promise.resolve([] as Decision[]) : db.decisions.where('sessionId').equals(sessionId).toArray();
    return Promise.all([
      cycleRead,
      cycleRead.then((c): Promise<Framework | undefined> | undefined => (c ? db.frameworks.get(sessionFrameworkVersionId(session, c)) : undefined)),
      candidatesRead,
      frozen || wantsCoverage ? none : db.candidateStats.where('cycleId').equals(cycleId).toArray(),
      wantsCycle ? db.packets.where('cycleId').equals(cycleId).toArray() : none,
      wantsCoverage ? db.coverage.where('[cycleId+id]').between([cycleId, Dexie.minKey], [cycleId, Dexie.maxKey]).toArray().then(unpackAll) : none,
      frozen ? none : db.votes.where('sessionId').equals(sessionId).toArray(),
      decisionsRead,
      frozen ? none : Promise.all([decisionsRead, candidatesRead]).then(([d, c]) => citedEvidence(db, cycleId, d, c.length)),
      currentTrailHead(db),
    ]);
  });
  if (!cycle || !framework) return null;
  // The same assembly (frozen, blind) as the session's screens: renderer/db/session-assembly.ts.
  const { evidence: shown = [], ...data } = assembleSession({ session, cycle, framework, cycleCandidates, coverage, packets: cyclePackets as Packet[], votes, decisions, evidence });
  const book: SessionBookData = { ...data, evidence: shown, trailHead: head };
  if (!frozen && !wantsCoverage) book.stored = new Map(stats.map((s): [string, StoredFigures] => [s.id, { readiness: s.readiness, packet: s.packet ?? null }]));
  return !session.blind && wantsCycle ? { ...book, cycleCandidates, cyclePackets: cyclePackets as Packet[] } : book;
}

/** The evidence of the candidates whose decisions in this session cite criteria: all the book prints of it. */
function citedEvidence(db: LevelsetDatabase, cycleId: string, decisions: readonly Decision[], cycleSize: number): Promise<Evidence[]> {
  const citing = [...new Set(decisions.filter((d) => d.citedCriterionIds.length > 0).map((d) => d.candidateId))];
  if (citing.length === 0) return Promise.resolve([]);
  if (citing.length >= cycleSize * WHOLE_CYCLE_SHARE) return db.evidence.where('cycleId').equals(cycleId).toArray();
  return Promise.all(citing.map((id) => db.evidence.where('candidateId').equals(id).toArray())).then((lists) => lists.flat());
}
