/**
 * The decision book's raw reads (issue 13), small enough for the startup
 * chunk, so the print route's read (app/route-reads.ts) starts as the print
 * window boots, beside the print view's chunks: in a profile of the print
 * view at 1,000 candidates the read started only once those chunks had
 * arrived and the view had mounted, and the main thread then sat idle for
 * the reads' 200–280 ms. Turning the rows into the book's data is
 * session-book.ts's, in the print view's chunk.
 *
 * What is read: the session row first (it names the cycle and, once
 * finalized, holds the frozen record), then every other table in parallel
 * with one indexed read each, by cycle or by session (the book is filtered
 * to the session's candidates in memory: `bulkGet` and `anyOf` over 600 ids
 * cost a request or a cursor step per key). A live session's book prints
 * readiness, decisions, votes and the evidence its decisions cite, so it
 * reads no coverage, packet or uncited evidence row: its readiness comes
 * from the figures the write path stores beside each candidate
 * (candidateStats). Evidence is read for the candidates whose decisions cite
 * criteria: one indexed read each when they are few, the cycle's in one read
 * when they are many.
 */
import Dexie from 'dexie';
import type { TrailHead } from '../../shared/audit/replay';
import { isFrozen, sessionFrameworkVersionId, withSessionDefaults } from '../../shared/calibration/session-record';
import type { Candidate, Cycle, Decision, Evidence, Framework, Packet, SessionRow, Vote } from '../../shared/domain';
import type { CriterionCoverageRow } from '../../shared/packets/coverage';
import { unpackAll } from '../../shared/packets/stored-coverage';
import { reviewedCandidates, reviewedRevisions } from '../../shared/calibration/reviewed-revisions';
import { currentTrailHead } from './trail-head';
import { readReopenedPackets } from './reviewed-reads';
import { db as appDb, type LevelsetDatabase } from './database';
import { startEarly, takeEarly } from './early-read';
import type { CandidateStatsRow } from './write/candidate-stats';

/** The stored rows a decision book is made from (session-book.ts bookFromRows). */
export interface BookRows {
  /** With its optional fields filled in (withSessionDefaults). */
  session: SessionRow;
  cycle: Cycle | undefined;
  framework: Framework | undefined;
  /** Every candidate of the cycle. */
  cycleCandidates: Candidate[];
  /**
   * The stored figures of the cycle's candidates; null when the book takes readiness from coverage rows or a frozen
   * record. A session's candidate whose packet was reopened has the figures of the submitted revision the session
   * reviews (reviewed-revisions.ts), not the draft's.
   */
  stats: CandidateStatsRow[] | null;
  /** The cycle's packets, read for the nomination section only (a finalized, named session). */
  cyclePackets: Packet[];
  /** Read only for a session finalized before records were frozen, which prints its fairness figures from them. */
  coverage: CriterionCoverageRow[];
  votes: Vote[];
  decisions: Decision[];
  evidence: Evidence[];
  /** The audit trail's head when the book is read, printed on its cover. */
  head: TrailHead;
  /** The reviewed revision's assessments of each candidate whose decision cites criteria (a live session's book reads no coverage row). */
  citedAssessments: Map<string, Packet['assessments']>;
}

/** From this share of the cycle's candidates citing criteria, the cycle's evidence is read whole (as coverage.ts decides). */
const WHOLE_CYCLE_SHARE = 1 / 8;

/** Every table the book reads. */
const bookTables = (db: LevelsetDatabase) => [db.sessions, db.cycles, db.frameworks, db.candidates, db.candidateStats, db.packets, db.coverage, db.votes, db.decisions, db.evidence, db.audit];

/**
 * The book's rows, in one read-only transaction: the print view's read is
 * kept current by a watch (watchBookTables), and reads outside an explicit
 * transaction go through Dexie's query cache, which deep-clones every
 * result. Null when the session does not exist.
 */
export function readBookRows(db: LevelsetDatabase, sessionId: string): Promise<BookRows | null> {
  return db.transaction('r', bookTables(db), async () => {
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
    const cycleRead = db.cycles.get(cycleId);
    const candidatesRead = db.candidates.where('cycleId').equals(cycleId).toArray();
    const decisionsRead = frozen ? Promise.resolve([] as Decision[]) : db.decisions.where('sessionId').equals(sessionId).toArray();
    const statsRead = frozen || wantsCoverage ? Promise.resolve(null) : db.candidateStats.where('cycleId').equals(cycleId).toArray();
    const [cycle, framework, cycleCandidates, stored, cyclePackets, coverage, votes, decisions, evidence, head, reopened] = await Promise.all([
      cycleRead,
      cycleRead.then((c): Promise<Framework | undefined> | undefined => (c ? db.frameworks.get(sessionFrameworkVersionId(session, c)) : undefined)),
      candidatesRead,
      statsRead,
      wantsCycle ? db.packets.where('cycleId').equals(cycleId).toArray() : none,
      wantsCoverage ? db.coverage.where('[cycleId+id]').between([cycleId, Dexie.minKey], [cycleId, Dexie.maxKey]).toArray().then(unpackAll) : none,
      frozen ? none : db.votes.where('sessionId').equals(sessionId).toArray(),
      decisionsRead,
      frozen ? none : Promise.all([decisionsRead, candidatesRead]).then(([d, c]) => citedEvidence(db, cycleId, d, c.length)),
      currentTrailHead(db),
      statsRead.then((rows) => (rows ? readReopenedPackets(db, session.candidateIds, rows) : [])),
    ]);
    const instead = cycle && framework && reopened.length > 0 ? reviewedRevisions({ framework, cycle, candidates: cycleCandidates, packets: reopened }) : null;
    const stats = instead && stored ? stored.map((s) => ({ ...s, ...(instead.get(s.id)?.figures ?? {}) })) : stored;
    const citedAssessments = await readCitedAssessments(db, decisions, stats);
    return { session, cycle, framework, cycleCandidates: instead ? reviewedCandidates(cycleCandidates, instead) : cycleCandidates, stats, cyclePackets, coverage, votes, decisions, evidence, head, citedAssessments };
  });
}

/**
 * The ratings the book prints beside cited criteria, for a live session read from its stored figures: the reviewed
 * revision of each candidate whose decision cites criteria, read by id (a finalized session's record has its coverage).
 */
async function readCitedAssessments(db: LevelsetDatabase, decisions: readonly Decision[], stats: readonly CandidateStatsRow[] | null): Promise<Map<string, Packet['assessments']>> {
  const citing = new Set(decisions.filter((d) => d.citedCriterionIds.length > 0).map((d) => d.candidateId));
  const ids = (stats ?? []).filter((s) => citing.has(s.id) && s.packet).map((s) => s.packet!.id);
  if (ids.length === 0) return new Map();
  const packets = await db.packets.bulkGet(ids);
  return new Map(packets.filter((p): p is Packet => p !== undefined).map((p) => [p.candidateId, p.assessments]));
}

/** The evidence of the candidates whose decisions in this session cite criteria: all the book prints of it. */
function citedEvidence(db: LevelsetDatabase, cycleId: string, decisions: readonly Decision[], cycleSize: number): Promise<Evidence[]> {
  const citing = [...new Set(decisions.filter((d) => d.citedCriterionIds.length > 0).map((d) => d.candidateId))];
  if (citing.length === 0) return Promise.resolve([]);
  if (citing.length >= cycleSize * WHOLE_CYCLE_SHARE) return db.evidence.where('cycleId').equals(cycleId).toArray();
  return Promise.all(citing.map((id) => db.evidence.where('candidateId').equals(id).toArray())).then((lists) => lists.flat());
}

/**
 * Observes every table the book reads, without reading a row: a count of a
 * whole table observes every write to it. Finer ranges would not re-read
 * the book less often: it prints the audit trail's head, and every command
 * appends to the trail.
 */
export function watchBookTables(db: LevelsetDatabase): Promise<unknown> {
  return db.transaction('r', bookTables(db), () => Promise.all(bookTables(db).map((table) => table.count())));
}

const BOOK = (sessionId: string) => `book\u0000${sessionId}`;

/** Starts the book's read before the print view mounts (route-reads.ts); the view takes it (takeBookRows). */
export function startBookReadIn(db: LevelsetDatabase, sessionId: string): Promise<unknown> {
  const read = readBookRows(db, sessionId);
  startEarly(db, BOOK(sessionId), () => read);
  return read;
}

/** The print route's read, on the app's database. */
export function startBookRead(sessionId: string): Promise<unknown> {
  return startBookReadIn(appDb, sessionId);
}

/** The rows the route read, if no write came since; else read now. */
export function takeBookRows(db: LevelsetDatabase, sessionId: string): Promise<BookRows | null> {
  return takeEarly(db, BOOK(sessionId), () => readBookRows(db, sessionId));
}
