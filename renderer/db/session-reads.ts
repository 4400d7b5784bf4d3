/**
 * The session page's reads (issue 13), apart from its hooks
 * (session-hooks.ts) so that the route's first read (route-reads.ts) loads
 * only these: the live part (the session row, its votes and decisions,
 * re-read after each write) and the base (the session's candidates, their
 * coverage and packets, its cycle and framework, read only when they
 * change), each with a watch that observes what it reads without reading it
 * whole (watched-read.ts), and the route's read of both started before the
 * page mounts and handed to the page once (early-read.ts).
 */
import Dexie from 'dexie';
import { isFrozen, sessionFrameworkVersionId, withSessionDefaults } from '../../shared/calibration/session-record';
import type { Decision, Session, SessionRow, Vote } from '../../shared/domain';
import type { SessionConnected } from './connected/session-state';
import { db as appDb, type LevelsetDatabase } from './database';
import { startEarly, takeEarly } from './early-read';
import { assembleSession } from './session-assembly';
import type { SessionData } from './session-hooks';

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

export async function loadSessionLive(db: LevelsetDatabase, sessionId: string, rowRead: Promise<Session | undefined> = db.sessions.get(sessionId)): Promise<SessionLive> {
  const [row, votes, decisions, connections] = await Promise.all([
    rowRead,
    db.votes.where('sessionId').equals(sessionId).toArray(),
    db.decisions.where('sessionId').equals(sessionId).toArray(),
    db.connections.toArray(),
  ]);
  // Connected mode's module (and the write path it brings) loads only for a connected cycle: not on a cold start's first read.
  const connected = row && connections.some((c) => c.cycleId === row.cycleId) ? await (await import('./connected/session-state')).loadSessionConnected(db, row, connections) : null;
  return { session: row ? withSessionDefaults(row) : null, votes, decisions, connected };
}

/**
 * The fields of the session row its base rows depend on (which candidates,
 * in what order, blind or not, frozen or not): the base is read again only
 * when these change, not when its status, revealed pre-votes or name do.
 */
export function baseKeyOf(session: SessionRow): string {
  return JSON.stringify([session.id, session.cycleId, session.candidateIds, session.blind, isFrozen(session) ? session.record.finalizedAt : null]);
}

/**
 * A session's data without its live votes and decisions and its live row:
 * what changes only when the session's candidates, their packets or
 * coverage, its cycle or framework do (or its base key). The session page
 * keeps it while the row, votes and decisions are read on their own
 * (loadSessionLive), so saving one re-reads three small indexed ranges
 * instead of the whole session.
 */
export type SessionBase = SessionData & { live: boolean; key: string };

/** One read per table, in parallel, each an indexed range by cycle, kept in memory to the session's (renderer/db/session-assembly.ts). */
export async function loadSessionBase(db: LevelsetDatabase, session: SessionRow): Promise<SessionBase | null> {
  const cycleId = session.cycleId;
  const frozen = isFrozen(session);
  // One read-only transaction, as the floor reads: a live query's reads outside an explicit transaction go through
  // Dexie's query cache, which deep-clones every result (some 650 ms of the heatmap's CPU profile for 40,000 coverage
  // rows); inside one they are still observed, so the base is re-read when its rows change.
  const read = await db.transaction('r', [db.cycles, db.candidates, db.coverage, db.packets, db.frameworks], async () => {
    // `anyOf` over the session's candidate ids walked an index cursor key by key (some 5,800 requests for 600 candidates).
    const [cycle, cycleCandidates, coverage, packets] = await Promise.all([
      db.cycles.get(cycleId),
      db.candidates.where('cycleId').equals(cycleId).toArray(),
      frozen ? [] : db.coverage.where('[cycleId+targetLevelId]').between([cycleId, Dexie.minKey], [cycleId, Dexie.maxKey]).toArray(),
      frozen ? [] : db.packets.where('cycleId').equals(cycleId).toArray(),
    ]);
    const framework = cycle ? await db.frameworks.get(sessionFrameworkVersionId(session, cycle)) : undefined;
    return { cycle, cycleCandidates, coverage, packets, framework };
  });
  const { cycle, framework } = read;
  if (!cycle || !framework) return null;
  const data = assembleSession({ ...read, session, cycle, framework, votes: [], decisions: [] });
  const cycleRows = session.blind || frozen ? {} : { cycleRows: { candidates: read.cycleCandidates, packets: read.packets } };
  return { ...data, ...cycleRows, live: !frozen, key: baseKeyOf(session) };
}

/**
 * What loadSessionBase reads from, watched without reading it whole: the
 * cycle and framework rows and one row of each range, so a live query
 * observes the ranges (renderer/db/watched-read.ts).
 */
export async function watchSessionBase(db: LevelsetDatabase, session: SessionRow): Promise<void> {
  const cycleId = session.cycleId;
  const frozen = isFrozen(session);
  await db.transaction('r', [db.cycles, db.candidates, db.coverage, db.packets, db.frameworks], async () => {
    const [cycle] = await Promise.all([
      db.cycles.get(cycleId),
      db.candidates.where('cycleId').equals(cycleId).limit(1).toArray(),
      frozen ? [] : db.coverage.where('[cycleId+targetLevelId]').between([cycleId, Dexie.minKey], [cycleId, Dexie.maxKey]).limit(1).toArray(),
      frozen ? [] : db.packets.where('cycleId').equals(cycleId).limit(1).toArray(),
    ]);
    if (cycle) await db.frameworks.get(sessionFrameworkVersionId(session, cycle));
  });
}

/**
 * What loadSessionLive reads from, watched without reading it whole (a row of
 * each range observes the range), for a live query whose first result is the
 * route's read: a write after that read still re-runs the query.
 */
export async function watchSessionLive(db: LevelsetDatabase, sessionId: string): Promise<void> {
  const [row, , , connections] = await Promise.all([
    db.sessions.get(sessionId),
    db.votes.where('sessionId').equals(sessionId).limit(1).toArray(),
    db.decisions.where('sessionId').equals(sessionId).limit(1).toArray(),
    db.connections.toArray(),
  ]);
  if (row && connections.some((c) => c.cycleId === row.cycleId)) await (await import('./connected/session-state')).loadSessionConnected(db, row, connections);
}

const LIVE = (sessionId: string) => `session-live\u0000${sessionId}`;
const BASE = (sessionId: string) => `session-base\u0000${sessionId}`;

/**
 * Starts a session page's reads before it mounts: the row, then at once its
 * base (which needs the row's cycle and candidates), beside its live part.
 * The page's hooks take them (takeSessionLive, takeSessionBase).
 */
export function startSessionReadIn(db: LevelsetDatabase, sessionId: string): Promise<unknown> {
  const row = db.sessions.get(sessionId);
  const live = loadSessionLive(db, sessionId, row);
  startEarly(db, LIVE(sessionId), () => live);
  startEarly(db, BASE(sessionId), async () => {
    const found = await row;
    return found ? loadSessionBase(db, withSessionDefaults(found)) : null;
  });
  return live;
}

/** The route's read of a session page (route-reads.ts), on the app's database. */
export function startSessionRead(sessionId: string): Promise<unknown> {
  return startSessionReadIn(appDb, sessionId);
}

/**
 * The live part for the page's live query: the route's read when one was
 * started and no write came since, else read now. Taken with a watch of the
 * same rows, so the live query still observes them and a later write re-runs it.
 */
export async function takeSessionLive(db: LevelsetDatabase, sessionId: string): Promise<SessionLive> {
  let early = true;
  const live = takeEarly(db, LIVE(sessionId), () => {
    early = false;
    return loadSessionLive(db, sessionId);
  });
  if (!early) return live;
  const [value] = await Promise.all([live, watchSessionLive(db, sessionId)]);
  return value;
}

/**
 * The base for this row: the route's read when one was started and no write
 * came since (its caller watches the base first, so a write after this is
 * seen), else read now. A base read with another base key (or none found) is read again.
 */
export async function takeSessionBase(db: LevelsetDatabase, session: SessionRow): Promise<SessionBase | null> {
  let early = true;
  const base = await takeEarly(db, BASE(session.id), () => {
    early = false;
    return loadSessionBase(db, session);
  });
  return !early || base?.key === baseKeyOf(session) ? base : loadSessionBase(db, session);
}
