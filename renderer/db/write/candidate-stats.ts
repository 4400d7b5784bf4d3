/**
 * The derived `candidateStats` table: per-candidate figures the lists show
 * (the evidence count; the current packet's summary and its readiness), kept
 * so the Candidates list reads one indexed row per candidate instead of
 * walking every evidence row of the cycle (issue 13: 30,000 rows read to draw
 * 3,000 counts), the Packets list reads neither a coverage row (40,000 rows
 * read and copied to draw 1,000 readiness figures) nor a packet row (their
 * assessments and snapshots were most of the bytes it read), and the decision
 * book prints readiness without reading the cycle's coverage. Readiness is
 * counted from the coverage rows the same command just wrote, with the shared
 * rule, and the packet is the one those rows are about (the shared
 * current-packet rule). Like coverage, only the command layer refreshes it,
 * after a command's writes and inside the same transaction (run-command.ts);
 * the version 4, 6 and 7 upgrades fill it once. Not a record: not audited,
 * not in backups, rebuilt on restore.
 */
import type { Packet } from '../../../shared/domain';
import type { CriterionCoverageRow } from '../../../shared/packets/coverage';
import { storedPacket, storedReadinessByCandidate, type StoredPacket, type StoredReadiness } from '../../../shared/packets/stored-readiness';
import { currentPacket, currentPacketByCandidate } from '../../../shared/rules/current-packet';
import { unpackCoverage } from '../../../shared/packets/stored-coverage';
import type { LevelsetDatabase } from '../database';
import { CycleReads, WHOLE_CYCLE_SHARE } from './cycle-rows';
import type { CoverageWritten } from './coverage';

export interface CandidateStatsRow {
  /** The candidate's id. */
  id: string;
  cycleId: string;
  /** Evidence items logged for the candidate. */
  evidenceCount: number;
  /** Readiness of the packet the candidate's coverage rows are about; null without coverage rows (no packet or framework). */
  readiness: StoredReadiness | null;
  /** The candidate's current packet (id, target level, status, revision); null without one. Absent only in a row written before version 7. */
  packet: StoredPacket | null;
}

/** Each candidate's coverage rows and current packet, as the coverage refresh of the same command wrote them (refreshCoverageFor). */
export type CoverageByCandidate = ReadonlyMap<string, CoverageWritten>;

/** The readiness to store for one candidate from their coverage rows. */
export function storedReadiness(candidateId: string, rows: readonly CriterionCoverageRow[]): StoredReadiness | null {
  return storedReadinessByCandidate(rows).get(candidateId) ?? null;
}

/** The rows for these candidates from their evidence, counted in one pass, their readiness and current packet (none given: null, the version 4 upgrade). */
export function candidateStatsRows(
  candidates: ReadonlyArray<{ id: string; cycleId: string }>,
  evidence: ReadonlyArray<{ candidateId: string }>,
  readiness: ReadonlyMap<string, StoredReadiness> = new Map(),
  packets: ReadonlyMap<string, StoredPacket | null> = new Map(),
): CandidateStatsRow[] {
  const counts = new Map<string, number>();
  for (const e of evidence) counts.set(e.candidateId, (counts.get(e.candidateId) ?? 0) + 1);
  return candidates.map((c) => ({ id: c.id, cycleId: c.cycleId, evidenceCount: counts.get(c.id) ?? 0, readiness: readiness.get(c.id) ?? null, packet: packets.get(c.id) ?? null }));
}

/** From how many candidates a whole-cycle read beats one count each. */
const MANY = 4;

/**
 * Recounts the stats of these candidates (a deleted candidate loses its
 * row). One indexed `count` per candidate, issued together so IndexedDB
 * pipelines them; no evidence row is read. Readiness and the current packet
 * come from `coverage`, what the command's coverage refresh wrote for these
 * candidates; a candidate it does not name has their stored coverage rows and
 * packets read by index.
 */
export async function refreshCandidateStats(
  db: LevelsetDatabase,
  candidateIds: Iterable<string>,
  cycleIds: Iterable<string> = [],
  coverage: CoverageByCandidate = new Map(),
  reads: CycleReads = new CycleReads(db),
): Promise<void> {
  const pending = new Set(candidateIds);
  const unknown = [...pending].filter((id) => !coverage.has(id));
  const read = await Promise.all(
    unknown.map(async (id): Promise<CoverageWritten> => {
      const [stored, packets] = await Promise.all([db.coverage.get(id), db.packets.where('candidateId').equals(id).toArray()]);
      return { rows: stored ? unpackCoverage(stored) : [], packet: currentPacket(packets) ?? null };
    }),
  );
  const readiness = new Map<string, StoredReadiness>();
  const packets = new Map<string, StoredPacket | null>();
  const note = (id: string, written: CoverageWritten) => {
    const figure = storedReadiness(id, written.rows);
    if (figure) readiness.set(id, figure);
    packets.set(id, storedPacket(written.packet));
  };
  unknown.forEach((id, i) => note(id, read[i] ?? { rows: [], packet: null }));
  for (const [id, written] of coverage) if (pending.has(id)) note(id, written);
  // Many candidates of one cycle (an import): one read of the cycle's candidates and evidence, as coverage.ts does,
  // instead of a count per candidate (the requests grew with the bundle).
  if (pending.size >= MANY) {
    for (const cycleId of new Set(cycleIds)) {
      // Counted first, as coverage.ts does: a few candidates added to a large cycle (each of a chair's bundles) read
      // the whole cycle's candidates only to go candidate by candidate after all, a read that grew with every bundle.
      if (pending.size < (await db.candidates.where('cycleId').equals(cycleId).count()) * WHOLE_CYCLE_SHARE) continue;
      // Paged and shared with the command's coverage refresh (cycle-rows.ts): read once, never in one long copy.
      const candidates = await reads.rows('candidates', cycleId);
      const mine = candidates.filter((c) => pending.has(c.id));
      if (mine.length < MANY || mine.length < candidates.length / 8) continue;
      const evidence = await reads.rows('evidence', cycleId);
      await db.candidateStats.bulkPut(candidateStatsRows(mine, evidence, readiness, packets));
      for (const c of mine) pending.delete(c.id);
    }
  }
  const ids = [...pending];
  if (ids.length === 0) return;
  const [candidates, counts] = await Promise.all([db.candidates.bulkGet(ids), Promise.all(ids.map((id) => db.evidence.where('candidateId').equals(id).count()))]);
  const rows: CandidateStatsRow[] = [];
  const gone: string[] = [];
  ids.forEach((id, i) => {
    const candidate = candidates[i];
    if (candidate) rows.push({ id, cycleId: candidate.cycleId, evidenceCount: counts[i] ?? 0, readiness: readiness.get(id) ?? null, packet: packets.get(id) ?? null });
    else gone.push(id);
  });
  await Promise.all([db.candidateStats.bulkPut(rows), db.candidateStats.bulkDelete(gone)]);
}

/** The version 7 upgrade's figure: each candidate's current packet from every stored packet. */
export function storedPacketByCandidate(packets: readonly Packet[]): Map<string, StoredPacket | null> {
  return new Map([...currentPacketByCandidate(packets)].map(([id, p]) => [id, storedPacket(p)]));
}
