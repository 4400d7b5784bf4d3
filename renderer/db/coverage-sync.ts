/**
 * Keeps the derived `coverage` table in step with packets and evidence.
 * Call `refreshCoverage` inside the same transaction as any write that
 * changes a candidate's packet or evidence (the transaction must include
 * the tables listed in COVERAGE_TABLES), so the aggregate can never disagree
 * with the rows it summarises.
 */
import { coverageRows, criterionCoverage } from '../../shared/packets/coverage';
import type { LevelsetDatabase } from './database';

export function coverageTables(db: LevelsetDatabase) {
  return [db.coverage, db.candidates, db.cycles, db.frameworks, db.packets, db.evidence] as const;
}

/** Rebuilds the coverage rows of one candidate from their current packet and evidence. */
export async function refreshCoverage(db: LevelsetDatabase, candidateId: string): Promise<void> {
  await db.coverage.where('candidateId').equals(candidateId).delete();
  const candidate = await db.candidates.get(candidateId);
  if (!candidate) return;
  const cycle = await db.cycles.get(candidate.cycleId);
  if (!cycle) return;
  const framework = await db.frameworks.get(cycle.frameworkVersionId);
  const packets = await db.packets.where('candidateId').equals(candidateId).toArray();
  const packet = packets.filter((p) => p.status !== 'superseded').sort((a, b) => b.revision - a.revision)[0];
  if (!framework || !packet) return;
  const evidence = await db.evidence.where('candidateId').equals(candidateId).toArray();
  const window = { from: cycle.evidenceFrom, to: cycle.evidenceTo };
  const coverage = criterionCoverage(framework, packet, evidence, window);
  await db.coverage.bulkPut(coverageRows(packet, candidate, coverage, window));
}

/** Rebuilds coverage for many candidates (imports, the sample cycle); one pass over the shared rows. */
export async function refreshCoverageFor(db: LevelsetDatabase, candidateIds: Iterable<string>): Promise<void> {
  for (const id of candidateIds) await refreshCoverage(db, id);
}
