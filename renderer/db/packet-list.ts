/**
 * The Packets list's read: the cycle's candidates and their stored list
 * figures (candidateStats: each candidate's current packet, as id, target
 * level, status and revision, and its readiness), one indexed getAll each,
 * in parallel, inside ONE explicit read-only transaction. No packet row and
 * no coverage row is read: a packet row carries its assessments and
 * submitted snapshot, most of the bytes the list read to show five of its
 * fields, and counting readiness from the cycle's 40,000 coverage rows was
 * most of the list's time before (issue 13); the write path keeps both
 * figures (renderer/db/write/candidate-stats.ts).
 *
 * Why the explicit transaction (issue 13's profile of the list at 1,000
 * packets): inside a live query, Dexie's cache keeps each query's result
 * and hands the view a deep copy of it. Dexie does not cache reads made in
 * an explicit transaction, so the rows IndexedDB hands over are passed on as
 * they are; the live query still watches the ranges read and answers again
 * after a write.
 */
import type { Candidate } from '../../shared/domain';
import type { ListedPacket } from '../../shared/packets/packet-list';
import type { StoredReadiness } from '../../shared/packets/stored-readiness';
import type { LevelsetDatabase } from './database';

export interface PacketListData {
  /** Each candidate's current packet, as stored beside the candidate. */
  packets: ListedPacket[];
  candidates: Candidate[];
  /** Each candidate's stored readiness, for packetListRows. */
  readiness: Map<string, StoredReadiness>;
}

export function packetListData(db: LevelsetDatabase, cycleId: string): Promise<PacketListData> {
  return db.transaction('r', [db.candidates, db.candidateStats], async () => {
    const [candidates, stats] = await Promise.all([db.candidates.where('cycleId').equals(cycleId).toArray(), db.candidateStats.where('cycleId').equals(cycleId).toArray()]);
    const packets: ListedPacket[] = [];
    const readiness = new Map<string, StoredReadiness>();
    for (const row of stats) {
      if (row.packet) packets.push({ ...row.packet, candidateId: row.id });
      if (row.readiness) readiness.set(row.id, row.readiness);
    }
    return { packets, candidates, readiness };
  });
}
