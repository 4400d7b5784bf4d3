/**
 * The current head of the audit trail (for the decision book's cover and
 * exports): the count, and the last entry in trail order (at, device,
 * sequence) read as a key of the `[at+deviceId+seq+hash]` index, so no entry
 * is read. The newest entry is often an import's, which copies every row it
 * wrote (about 20 MB at 1,000 candidates): reading it to print its hash was
 * most of the decision book's read time after an import (issue 13), and more
 * with encryption at rest, which opens it. A module of its own, without the
 * trail's checks and their schemas, for the book's read in the startup
 * chunk (book-rows.ts).
 */
import type { TrailHead } from '../../shared/audit/replay';
import { TRAIL_ORDER_INDEX, type LevelsetDatabase } from './database';

export async function currentTrailHead(db: LevelsetDatabase): Promise<TrailHead> {
  const [count, last] = await Promise.all([db.audit.count(), db.audit.orderBy(TRAIL_ORDER_INDEX).lastKey()]);
  // An empty trail: what shared/audit/replay.ts trailHead gives for no entries.
  if (!Array.isArray(last)) return { count: 0, hash: '', at: null };
  const [at, , , hash] = last as unknown as [string, string, number, string];
  return { count, hash, at };
}
