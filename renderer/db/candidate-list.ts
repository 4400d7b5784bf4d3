/**
 * The Candidates list's read: the cycle's candidates and their stored list
 * figures (write/candidate-stats.ts), two indexed bulk reads in parallel,
 * inside ONE explicit read-only transaction. No evidence row is read: the
 * counts are kept by the write path. The explicit transaction keeps the rows
 * out of Dexie's live-query cache, which otherwise hands the list a deep copy
 * of every row (see packet-list.ts); the live query still answers again
 * after a write.
 */
import type { Candidate } from '../../shared/domain';
import type { LevelsetDatabase } from './database';

export interface CandidateListData {
  /** By name. */
  candidates: Candidate[];
  /** Evidence items per candidate id. */
  counts: Map<string, number>;
}

export function candidateListData(db: LevelsetDatabase, cycleId: string): Promise<CandidateListData> {
  return db.transaction('r', [db.candidates, db.candidateStats], async () => {
    const [candidates, stats] = await Promise.all([db.candidates.where('cycleId').equals(cycleId).toArray(), db.candidateStats.where('cycleId').equals(cycleId).toArray()]);
    candidates.sort((a, b) => a.name.localeCompare(b.name));
    return { candidates, counts: new Map(stats.map((s) => [s.id, s.evidenceCount])) };
  });
}
