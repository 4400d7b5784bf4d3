/**
 * Reads of the audit trail that check nothing: the entries of some records,
 * oldest first (the session's audit tab, the review's history), and the
 * trail's head (the decision book's cover). Apart from audit.ts, whose checks
 * bring the replay and the write path, so the session's screens load neither.
 */
import type { AuditEntry } from '../../shared/domain';
import type { LevelsetDatabase } from './database';

export async function auditFor(db: LevelsetDatabase, entityIds: string[]): Promise<AuditEntry[]> {
  if (entityIds.length === 0) return [];
  const rows = await db.audit.where('entityId').anyOf(entityIds).toArray();
  return rows.sort((a, b) => a.at.localeCompare(b.at) || a.seq - b.seq);
}

/** The trail's head without reading an entry (trail-head.ts, small enough for the startup chunk's book read). */
export { currentTrailHead } from './trail-head';
