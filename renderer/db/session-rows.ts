/**
 * A session page's raw reads (issue 13), small enough for the startup chunk
 * so the route's first read (route-reads.ts) starts at once, before any page
 * chunk is evaluated: waiting for a chunk of its own put it behind the first
 * render and the schemas the profile gate compiles (some 600 ms of a cold
 * navigation on a busy machine). Assembling the rows into the page's data
 * is session-reads.ts's, in the page's chunk.
 *
 * Two parts: the live part (the session row, its votes and decisions,
 * re-read after each write) and the base rows (its cycle's candidates,
 * coverage and packets, its cycle and framework, read when they change).
 */
import Dexie, { type Table } from 'dexie';
import { isFrozen, sessionFrameworkVersionId, withSessionDefaults } from '../../shared/calibration/session-record';
import type { Candidate, Cycle, Decision, Framework, Session, SessionRow, Vote } from '../../shared/domain';
import { currentPacketByCandidate, packetHead, type PacketHead } from '../../shared/rules/current-packet';
import { reviewedCandidates, reviewedRevisions } from '../../shared/calibration/reviewed-revisions';
import type { CriterionCoverageRow } from '../../shared/packets/coverage';
import { unpackAll } from '../../shared/packets/stored-coverage';
import type { ConnectionSettings } from '../../shared/connected/state';
import type { SessionConnected, SessionConnectedRows } from './connected/session-state';
import { db as appDb, type LevelsetDatabase } from './database';
import { startEarly, takeStarted } from './early-read';
import { readReopenedPackets } from './reviewed-reads';
import type { CandidateStatsRow } from './write/candidate-stats';

/**
 * What a committee changes every minute: the session row (its status goes
 * from planned to live on the first vote, revealing pre-votes lists the
 * candidate in it) and its votes and decisions. Three small reads; the
 * session page re-reads them after each write.
 */
export interface SessionLive {
  /** With its optional fields filled in; null when the session is missing. */
  session: SessionRow | null;
  votes: Vote[];
  decisions: Decision[];
  /** The session's connected-mode state (null: its cycle is not connected here), read here so the votes panel comes with the session. */
  connected: SessionConnected | null;
}

/** The live part; `rowRead` is the row's read when already started (the route's read starts the base from it). */
export async function loadSessionLive(db: LevelsetDatabase, sessionId: string, rowRead: Promise<Session | undefined> = db.sessions.get(sessionId)): Promise<SessionLive> {
  const [row, votes, decisions, connections] = await Promise.all([
    rowRead,
    db.votes.where('sessionId').equals(sessionId).toArray(),
    db.decisions.where('sessionId').equals(sessionId).toArray(),
    db.connections.toArray(),
  ]);
  const connected = row ? await readConnected(db, row, connections) : null;
  return { session: row ? withSessionDefaults(row) : null, votes, decisions, connected };
}

/**
 * A connected session's rows, read here (inside a live query, so observed), then made its state by connected mode's
 * module, which (with the write path it brings) loads only for a connected cycle: not on every cold start. Its import
 * comes after the reads: a live query does not follow its querier past a promise that is not Dexie's.
 */
async function readConnected(db: LevelsetDatabase, row: Session, connections: ConnectionSettings[]): Promise<SessionConnected | null> {
  const settings = connections.find((c) => c.cycleId === row.cycleId);
  if (!settings) return null;
  const rows = await readConnectedRows(db, row.id);
  return (await import('./connected/session-state')).sessionConnectedFrom(settings, rows);
}

async function readConnectedRows(db: LevelsetDatabase, sessionId: string): Promise<SessionConnectedRows> {
  const [commitments, own, mode, applied] = await Promise.all([
    db.commitments.where('sessionId').equals(sessionId).toArray(),
    db.ownVotes.where('sessionId').equals(sessionId).toArray(),
    db.sessionModes.get(sessionId),
    db.applied.where('sessionId').equals(sessionId).toArray(),
  ]);
  return { commitments, own, mode, applied };
}

/**
 * The fields of the session row its base rows depend on (which candidates,
 * in what order, blind or not, frozen or not): the base is read again only
 * when these change, not when its status, revealed pre-votes or name do.
 */
export function baseKeyOf(session: SessionRow): string {
  return JSON.stringify([session.id, session.cycleId, session.candidateIds, session.blind, isFrozen(session) ? session.record.finalizedAt : null]);
}

/** The stored rows a session's base is assembled from (session-reads.ts loadSessionBase). */
export interface SessionBaseRows {
  cycle: Cycle | undefined;
  cycleCandidates: Candidate[];
  /** The session's candidates' coverage rows (and maybe others': the views pick the session's). */
  coverage: CriterionCoverageRow[];
  /**
   * The packet the session reviews of each candidate (and maybe others' current packets): its head, from the stored
   * figures; from the cycle's packet rows only when the figures do not name every candidate's level. A candidate
   * whose packet was reopened has the submitted revision's head, and coverage rows computed for it
   * (reviewed-revisions.ts). Empty for a frozen session (its record has them).
   */
  packets: PacketHead[];
  framework: Framework | undefined;
  /**
   * Each candidate's current packet of the whole cycle, as the write path stores it (candidateStats), and every
   * revision of the reopened ones (nominationPackets): what the nomination section counts. Null for a frozen session.
   */
  cyclePackets: PacketHead[] | null;
}

/** The current packet of each candidate, from the figures the write path keeps beside them (renderer/db/write/candidate-stats.ts). */
export function storedCurrentPackets(stats: readonly CandidateStatsRow[]): PacketHead[] {
  const out: PacketHead[] = [];
  for (const s of stats) if (s.packet) out.push(packetHead({ ...s.packet, candidateId: s.id }));
  return out;
}

/**
 * What the nomination section counts (nominationReport): each candidate's stored current packet (`current`,
 * storedCurrentPackets), and the heads of every revision of the candidates whose packet was reopened (`reopened`,
 * readReopenedPackets), so a submission followed by a draft counts as put forward, as the session reviews it.
 */
export function nominationPackets(current: readonly PacketHead[], reopened: readonly PacketHead[]): PacketHead[] {
  return [...current, ...reopened.map(packetHead)];
}

/**
 * The target levels of the session's candidates' current packets (stored beside each candidate by the write path):
 * their coverage rows are about that level, and the current packet is the rule's pick among any set of the
 * candidate's packets that holds it, so reading the packets of these levels gives the session's current packets
 * and coverage. Null when a level is not known (no stored figures, or a packet without a level, which no level
 * index holds): then the cycle's packets are read.
 */
export function packetLevelsOf(session: SessionRow, stats: readonly CandidateStatsRow[]): string[] | null {
  const byId = new Map(stats.map((s) => [s.id, s]));
  const levels = new Set<string>();
  for (const id of session.candidateIds) {
    const packet = byId.get(id)?.packet;
    if (packet === null) continue;
    if (packet === undefined || packet.targetLevelId === null) return null;
    levels.add(packet.targetLevelId);
  }
  return [...levels].sort();
}

/**
 * One indexed read per table, in parallel: the cycle's candidates (a blind session withholds the names of the
 * others) and the figures stored beside them, then the coverage and packets of the levels the session's current
 * packets are at (packetLevelsOf) — not the whole cycle's: a 1,000-candidate session of a 3,000-candidate cycle read
 * and deserialised three times the rows it shows. The cycle's candidates and stored current packets are what the
 * fairness view's nomination section counts.
 */
export function readSessionBaseRows(db: LevelsetDatabase, session: SessionRow): Promise<SessionBaseRows> {
  const cycleId = session.cycleId;
  const frozen = isFrozen(session);
  // One read-only transaction, as the floor reads: a live query's reads outside an explicit transaction go through
  // Dexie's query cache, which deep-clones every result (some 650 ms of the heatmap's CPU profile for 40,000 coverage
  // rows); inside one they are still observed, so the base is re-read when its rows change.
  return db.transaction('r', [db.cycles, db.candidates, db.candidateStats, db.coverage, db.packets, db.frameworks], async () => {
    const cycleRead = db.cycles.get(cycleId);
    const frameworkRead = cycleRead.then((cycle) => (cycle ? db.frameworks.get(sessionFrameworkVersionId(session, cycle)) : undefined));
    // The figures first, then the candidates: the database answers a transaction's requests in order, and the
    // coverage read waits for the levels the figures name, not for the candidates (issue 13: the coverage was asked
    // for only once both had come, some 60 ms later on a 1,000-candidate session).
    // `anyOf` over the session's candidate ids walked an index cursor key by key (some 5,800 requests for 600 candidates).
    const statsRead = frozen ? Promise.resolve(null) : db.candidateStats.where('cycleId').equals(cycleId).toArray();
    const candidatesRead = db.candidates.where('cycleId').equals(cycleId).toArray();
    const afterStats = statsRead.then(async (stats) => {
      const levels = stats ? packetLevelsOf(session, stats) : [];
      // The level index holds no row without a level, so unknown levels read the cycle's range: every row with one.
      const byLevel = <T>(table: Table<T, string>) =>
        levels === null
          ? table.where('[cycleId+targetLevelId]').between([cycleId, Dexie.minKey], [cycleId, Dexie.maxKey]).toArray()
          : Promise.all(levels.map((l) => table.where('[cycleId+targetLevelId]').equals([cycleId, l]).toArray())).then((lists) => lists.flat());
      // No packet rows: each candidate's current packet is known from the stored figures (its head: id, revision,
      // status), and the screens read the text of the one on screen (useSessionPacket). Reading the 1,000 packets
      // whole, with their snapshots, was the session's slowest read (issue 13: 1.3 s of a 2.9 s heatmap navigation).
      // Only where the figures do not name every level (rows stored before them) are the cycle's packets read, as before.
      const current = stats && storedCurrentPackets(stats);
      const [coverage, packets, reopened] = await Promise.all([
        // One stored row per candidate (database version 8), unpacked into the criterion rows the views read.
        byLevel(db.coverage).then(unpackAll),
        frozen ? [] : levels === null ? db.packets.where('cycleId').equals(cycleId).toArray().then((rows) => [...currentPacketByCandidate(rows).values()].map(packetHead)) : (current ?? []),
        // A blind session shows no nomination section, so it reads no reopened candidate outside the session.
        stats ? readReopenedPackets(db, session.candidateIds, stats, { wholeCycle: !session.blind }) : [],
      ]);
      return { current, coverage, packets, reopened };
    });
    const [cycle, cycleCandidates, { current, coverage, packets, reopened }, framework] = await Promise.all([cycleRead, candidatesRead, afterStats, frameworkRead]);
    const rows = { cycle, cycleCandidates, coverage, packets, framework, cyclePackets: current && nominationPackets(current, reopened) };
    const inSession = new Set(session.candidateIds);
    const reviewed = reopened.filter((p) => inSession.has(p.candidateId));
    return cycle && framework && reviewed.length > 0 ? withReviewedRevisions(rows, reviewedRevisions({ framework, cycle, candidates: cycleCandidates, packets: reviewed })) : rows;
  });
}

/**
 * The base rows with the reviewed revision's head and coverage in place of the current packet's, and its target level
 * in place of the candidate's (asReviewed), for the candidates whose packet was reopened.
 */
function withReviewedRevisions(rows: SessionBaseRows, instead: ReturnType<typeof reviewedRevisions>): SessionBaseRows {
  if (instead.size === 0) return rows;
  return {
    ...rows,
    cycleCandidates: reviewedCandidates(rows.cycleCandidates, instead),
    coverage: [...rows.coverage.filter((r) => !instead.has(r.candidateId)), ...[...instead.values()].flatMap((r) => r.coverage)],
    packets: [...rows.packets.filter((p) => !instead.has(p.candidateId)), ...[...instead.values()].map((r) => packetHead(r.packet))],
  };
}

const LIVE = (sessionId: string) => `session-live\u0000${sessionId}`;
const BASE = (sessionId: string) => `session-base\u0000${sessionId}`;

/** The base rows the route read, with the row they were read for (null: no such session then). */
export type EarlyBaseRows = { session: SessionRow; rows: SessionBaseRows } | null;

/**
 * Starts a session page's reads before it mounts: the row, and as soon as it
 * comes the base rows (which need its cycle), beside the live part. The
 * page's hooks take them (takeSessionLiveRead, session-reads.ts takeSessionBase).
 */
export function startSessionReadIn(db: LevelsetDatabase, sessionId: string): Promise<unknown> {
  const row = db.sessions.get(sessionId);
  const live = loadSessionLive(db, sessionId, row);
  const base = (async (): Promise<EarlyBaseRows> => {
    const found = await row;
    if (!found) return null;
    const session = withSessionDefaults(found);
    return { session, rows: await readSessionBaseRows(db, session) };
  })();
  startEarly(db, LIVE(sessionId), () => live);
  startEarly(db, BASE(sessionId), () => base);
  return Promise.all([live, base]);
}

/** The route's read of a session page (route-reads.ts), on the app's database. */
export function startSessionRead(sessionId: string): Promise<unknown> {
  return startSessionReadIn(appDb, sessionId);
}

/**
 * The live part the route read for this session (startSessionRead), if it read it and no write came since; else
 * undefined. The page shows it until its live query first answers (session-hooks.ts useSessionData).
 */
export function takeSessionLiveRead(db: LevelsetDatabase, sessionId: string): Promise<SessionLive> | undefined {
  return takeStarted<SessionLive>(db, LIVE(sessionId));
}

/** The base rows the route read for this session, if it read them and no write came since; else undefined. It may have failed. */
export function takeSessionBaseRows(db: LevelsetDatabase, sessionId: string): Promise<EarlyBaseRows> | undefined {
  return takeStarted<EarlyBaseRows>(db, BASE(sessionId));
}
