/**
 * The Candidates list's read: the cycle's candidates and their stored list
 * figures (write/candidate-stats.ts), two indexed bulk reads in parallel.
 * No evidence row is read: the counts are kept by the write path.
 */
import type { Candidate } from '../../shared/domain';
import type { LevelsetDatabase } from './database';

export interface CandidateListData {
  /** By name. */
  candidates: Candidate[];
  /** Evidence items per candidate id. */
  counts: Map<string, number>;
}

export async function candidateListData(db: LevelsetDatabase, cycleId: string): Promise<CandidateListData> {
  const [candidates, stats] = await Promise.all([db.candidates.where('cycleId').equals(cycleId).toArray(), db.candidateStats.where('cycleId').equals(cycleId).toArray()]);
  candidates.sort((a, b) => a.name.localeCompare(b.name));
  return { candidates, counts: new Map(stats.map((s) => [s.id, s.evidenceCount])) };
}
