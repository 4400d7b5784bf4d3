/**
 * Reads of the audit trail that check nothing: the entries of some records,
 * oldest first (the session's audit tab, the review's history), and the
 * trail's head (the decision book's cover). Apart from audit.ts, whose checks
 * bring the replay and the write path, so the session's screens load neither.
 */
import { trailHead, type TrailHead } from '../../shared/audit/replay';
import type { AuditEntry } from '../../shared/domain';
import { TRAIL_ORDER_INDEX, type LevelsetDatabase } from './database';

export async function auditFor(db: LevelsetDatabase, entityIds: string[]): Promise<AuditEntry[]> {
  if (entityIds.length === 0) return [];
  const rows = await db.audit.where('entityId').anyOf(entityIds).toArray();
  return rows.sort((a, b) => a.at.localeCompare(b.at) || a.seq - b.seq);
}

/**
 * The current head of the trail (for the decision book's cover and exports):
 * the count, and the last entry in trail order (at, device, sequence) read as
 * a key of the `[at+deviceId+seq+hash]` index, so no entry is read. The
 * newest entry is often an import's, which copies every row it wrote (about
 * 20 MB at 1,000 candidates): reading it to print its hash was most of the
 * decision book's read time after an import (issue 13), and more with
 * encryption at rest, which opens it.
 */
export async function currentTrailHead(db: LevelsetDatabase): Promise<TrailHead> {
  const [count, last] = await Promise.all([db.audit.count(), db.audit.orderBy(TRAIL_ORDER_INDEX).lastKey()]);
  if (!Array.isArray(last)) return trailHead([]);
  const [at, , , hash] = last as unknown as [string, string, number, string];
  return { count, hash, at };
}
