/**
 * The session page's base (issue 13): its rows (session-rows.ts, which the
 * route's first read starts before the page mounts) assembled into the
 * page's data, and the watch that keeps it current without reading it whole
 * (watched-read.ts).
 */
import Dexie from 'dexie';
import { isFrozen, sessionFrameworkVersionId } from '../../shared/calibration/session-record';
import type { SessionRow } from '../../shared/domain';
import type { LevelsetDatabase } from './database';
import { assembleSession } from './session-assembly';
import type { SessionData } from './session-hooks';
import { baseKeyOf, readSessionBaseRows, takeSessionBaseRows, type SessionBaseRows } from './session-rows';

/**
 * A session's data without its live votes and decisions and its live row:
 * what changes only when the session's candidates, their packets or
 * coverage, its cycle or framework do (or its base key). The session page
 * keeps it while the row, votes and decisions are read on their own
 * (loadSessionLive), so saving one re-reads three small indexed ranges
 * instead of the whole session.
 */
export type SessionBase = SessionData & { live: boolean; key: string };

/**
 * The session's data from its cycle's rows (renderer/db/session-assembly.ts),
 * without its live votes and decisions; null when its cycle or framework is missing.
 */
function assembleBase(session: SessionRow, read: SessionBaseRows): SessionBase | null {
  const { cycle, framework } = read;
  if (!cycle || !framework) return null;
  const frozen = isFrozen(session);
  const data = assembleSession({ ...read, session, cycle, framework, votes: [], decisions: [] });
  const cycleRows = session.blind || !read.cyclePackets ? {} : { cycleRows: { candidates: read.cycleCandidates, packets: read.cyclePackets } };
  return { ...data, ...cycleRows, live: !frozen, key: baseKeyOf(session) };
}

/** One read per table, in parallel (session-rows.ts readSessionBaseRows), assembled. */
export async function loadSessionBase(db: LevelsetDatabase, session: SessionRow): Promise<SessionBase | null> {
  return assembleBase(session, await readSessionBaseRows(db, session));
}

/**
 * What loadSessionBase reads from, watched without reading it whole: the
 * cycle and framework rows and a count of each range, so a live query
 * observes the ranges (renderer/db/watched-read.ts). The coverage and packets
 * are watched over the cycle's range, which holds the levels the base read
 * (those of the stored figures, watched too, which name them).
 */
export async function watchSessionBase(db: LevelsetDatabase, session: SessionRow): Promise<void> {
  const cycleId = session.cycleId;
  const frozen = isFrozen(session);
  await db.transaction('r', [db.cycles, db.candidates, db.candidateStats, db.coverage, db.packets, db.frameworks], async () => {
    const [cycle] = await Promise.all([
      db.cycles.get(cycleId),
      // A count, not the range's first row: a live query observes a count's whole range and every delete in the table,
      // while a read of one row misses the delete of any row after it (a candidate or their coverage going).
      db.candidates.where('cycleId').equals(cycleId).count(),
      frozen ? 0 : db.candidateStats.where('cycleId').equals(cycleId).count(),
      frozen ? 0 : db.coverage.where('[cycleId+targetLevelId]').between([cycleId, Dexie.minKey], [cycleId, Dexie.maxKey]).count(),
      frozen ? 0 : db.packets.where('cycleId').equals(cycleId).count(),
    ]);
    if (cycle) await db.frameworks.get(sessionFrameworkVersionId(session, cycle));
  });
}

/**
 * The base for this row: assembled from the rows the route read when it read
 * them and no write came since (a write after this is seen by its caller's
 * watch or, before the watch's first answer, by its count of writes:
 * watched-read.ts), else read now. Rows read for a row with another base key
 * are read again.
 */
export async function takeSessionBase(db: LevelsetDatabase, session: SessionRow): Promise<SessionBase | null> {
  // A failed read of the route's is read again here.
  const early = await takeSessionBaseRows(db, session.id)?.catch(() => null);
  if (early && baseKeyOf(early.session) === baseKeyOf(session)) return assembleBase(session, early.rows);
  return loadSessionBase(db, session);
}
