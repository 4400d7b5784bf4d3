/**
 * The Packets list's read: the cycle's packets, candidates and stored
 * coverage, one indexed getAll each, in parallel, inside ONE explicit
 * read-only transaction.
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
import Dexie from 'dexie';
import type { Candidate, Packet } from '../../shared/domain';
import type { CriterionCoverageRow } from '../../shared/packets/coverage';
import type { LevelsetDatabase } from './database';

export interface PacketListData {
  packets: Packet[];
  candidates: Candidate[];
  coverage: CriterionCoverageRow[];
}

export function packetListData(db: LevelsetDatabase, cycleId: string): Promise<PacketListData> {
  return db.transaction('r', [db.packets, db.candidates, db.coverage], async () => {
    const [packets, candidates, coverage] = await Promise.all([
      db.packets.where('cycleId').equals(cycleId).toArray(),
      db.candidates.where('cycleId').equals(cycleId).toArray(),
      db.coverage.where('[cycleId+targetLevelId]').between([cycleId, Dexie.minKey], [cycleId, Dexie.maxKey]).toArray(),
    ]);
    return { packets, candidates, coverage };
  });
}
