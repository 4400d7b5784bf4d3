/**
 * The Packets list's read: the cycle's packets, candidates and their stored
 * list figures (candidateStats, which carry each candidate's readiness), one
 * indexed getAll each, in parallel, inside ONE explicit read-only
 * transaction. No coverage row is read: counting readiness from the cycle's
 * 40,000 coverage rows was most of what remained of the list's time (issue
 * 13); the write path keeps the counts (renderer/db/write/candidate-stats.ts).
 *
 * Why the explicit transaction (issue 13's profile of the list at 1,000
 * packets): inside a live query, Dexie's cache keeps each query's result
 * and hands the view a deep copy of it. For this list that is 1,000 packets
 * (with their assessments and snapshots) and 40,000 coverage rows copied
 * object by object: about a third of the navigation time, plus the garbage
 * collection after it. Dexie does not cache reads made in an explicit
 * transaction, so the rows IndexedDB hands over are passed on as they are;
 * the live query still watches the ranges read and answers again after a
 * write.
 */
import type { Candidate, Packet } from '../../shared/domain';
import type { StoredReadiness } from '../../shared/packets/stored-readiness';
import type { LevelsetDatabase } from './database';

export interface PacketListData {
  packets: Packet[];
  candidates: Candidate[];
  /** Each candidate's stored readiness, for packetListRows. */
  readiness: Map<string, StoredReadiness>;
}

export function packetListData(db: LevelsetDatabase, cycleId: string): Promise<PacketListData> {
  return db.transaction('r', [db.packets, db.candidates, db.candidateStats], async () => {
    const [packets, candidates, stats] = await Promise.all([
      db.packets.where('cycleId').equals(cycleId).toArray(),
      db.candidates.where('cycleId').equals(cycleId).toArray(),
      db.candidateStats.where('cycleId').equals(cycleId).toArray(),
    ]);
    const readiness = new Map<string, StoredReadiness>();
    for (const row of stats) if (row.readiness) readiness.set(row.id, row.readiness);
    return { packets, candidates, readiness };
  });
}
