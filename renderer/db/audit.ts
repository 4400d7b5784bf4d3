/**
 * Reading the audit trail. Entries are appended only by the command layer
 * (write/run-command.ts), in the same transaction as the change they
 * record; nothing updates or deletes them.
 *
 * Verify checks two things: that every device's hash chain is intact (no
 * entry edited, removed or inserted), and that replaying the trail gives
 * exactly the records stored now (no record changed outside the trail).
 */
import { AUDITED_TABLES } from '../../shared/domain';
import { verifyAll, type AllChainsVerification } from '../../shared/audit/hash-chain';
import { replayAgainst, trailHead, type AuditedRecords, type ReplayResult, type TrailHead } from '../../shared/audit/replay';
import type { LevelsetDatabase } from './database';

export { DEVICE_ID_KEY, currentActor } from './write/run-command';
// Reading an entity's entries or the trail's head needs none of the checks below: modules of their own (audit-reads.ts,
// trail-head.ts, which the decision book's raw read in the startup chunk uses), for the screens that list them.
export { auditFor, currentTrailHead } from './audit-reads';

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
