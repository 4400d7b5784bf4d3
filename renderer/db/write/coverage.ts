/**
 * The derived `coverage` table: per-criterion coverage of each candidate's
 * current packet, kept so committee views read one indexed table instead of
 * rescanning evidence. Only the command layer calls this, after a command's
 * writes and inside the same transaction (see run-command.ts), for every
 * candidate whose candidate row, evidence, packets, cycle or framework the
 * command touched. No caller has to remember it.
 */
import { coverageRows, criterionCoverage } from '../../../shared/packets/coverage';
import { currentPacket } from '../../../shared/rules/current-packet';
import { packetEvidence } from '../../../shared/packets/snapshot';
import type { LevelsetDatabase } from '../database';

/** Rebuilds the coverage rows of one candidate from their current packet and evidence. */
export async function refreshCoverage(db: LevelsetDatabase, candidateId: string): Promise<void> {
  await db.coverage.where('candidateId').equals(candidateId).delete();
  const candidate = await db.candidates.get(candidateId);
  if (!candidate) return;
  const cycle = await db.cycles.get(candidate.cycleId);
  if (!cycle) return;
  const framework = await db.frameworks.get(cycle.frameworkVersionId);
  const packet = currentPacket(await db.packets.where('candidateId').equals(candidateId).toArray());
  if (!framework || !packet) return;
  const evidence = await db.evidence.where('candidateId').equals(candidateId).toArray();
  const window = { from: cycle.evidenceFrom, to: cycle.evidenceTo };
  const coverage = criterionCoverage(framework, packet, packetEvidence(packet, evidence), window);
  await db.coverage.bulkPut(coverageRows(packet, candidate, coverage, window));
}

/** Rebuilds coverage for many candidates. */
export async function refreshCoverageFor(db: LevelsetDatabase, candidateIds: Iterable<string>): Promise<void> {
  for (const id of candidateIds) await refreshCoverage(db, id);
}

/** Derived data only: fills the coverage table from scratch for data that predates it (an upgraded database). */
export async function rebuildCoverage(db: LevelsetDatabase): Promise<void> {
  await db.transaction('rw', [db.coverage, db.candidates, db.cycles, db.frameworks, db.packets, db.evidence], async () => {
    await db.coverage.clear();
    await refreshCoverageFor(db, await db.candidates.toCollection().primaryKeys());
  });
}
