/**
 * Reading the audit trail. Entries are appended only by the command layer
 * (write/run-command.ts), in the same transaction as the change they
 * record; nothing updates or deletes them.
 *
 * Verify checks two things: that every device's hash chain is intact (no
 * entry edited, removed or inserted), and that replaying the trail gives
 * exactly the records stored now (no record changed outside the trail).
 */
import type { AuditEntry } from '../../shared/domain';
import { AUDITED_TABLES } from '../../shared/domain';
import { verifyAll, type AllChainsVerification } from '../../shared/audit/hash-chain';
import { replayAgainst, trailHead, type AuditedRecords, type ReplayResult, type TrailHead } from '../../shared/audit/replay';
import type { LevelsetDatabase } from './database';

export { DEVICE_ID_KEY, currentActor } from './write/run-command';
// In a module of its own, which the decision book's raw read in the startup chunk uses (book-rows.ts).
export { currentTrailHead } from './trail-head';

export async function auditFor(db: LevelsetDatabase, entityIds: string[]): Promise<AuditEntry[]> {
  if (entityIds.length === 0) return [];
  const rows = await db.audit.where('entityId').anyOf(entityIds).toArray();
  return rows.sort((a, b) => a.at.localeCompare(b.at) || a.seq - b.seq);
}

export interface RecordVerification {
  /** Every device's chain links. */
  chains: AllChainsVerification;
  /** The trail replayed against the stored records. */
  replay: ReplayResult;
  /** The head to compare with exports and the decision book. */
  head: TrailHead;
  ok: boolean;
}

/** Reads the trail and every record in one snapshot and checks both. */
export async function verifyAudit(db: LevelsetDatabase): Promise<RecordVerification> {
  const { entries, records } = await db.transaction('r', [db.audit, ...AUDITED_TABLES.map((t) => db[t])], async () => {
    const [entries, ...rows] = await Promise.all([db.audit.toArray(), ...AUDITED_TABLES.map((t) => db[t].toArray())]);
    return { entries, records: Object.fromEntries(AUDITED_TABLES.map((t, i) => [t, rows[i] ?? []])) as unknown as AuditedRecords };
  });
  const chains = await verifyAll(entries);
  const replay = replayAgainst(entries, records);
  return { chains, replay, head: trailHead(entries), ok: chains.ok && replay.ok };
}
