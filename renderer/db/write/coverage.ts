/**
 * The derived `coverage` table: per-criterion coverage of each candidate's
 * current packet, kept so committee views read one indexed table instead of
 * rescanning evidence. Only the command layer calls this, after a command's
 * writes and inside the same transaction (see run-command.ts), for every
 * candidate whose candidate row, evidence, packets, cycle or framework the
 * command touched. No caller has to remember it.
 *
 * Two ways to the same rows. A command that touches a few candidates reads
 * each one's rows by index (a handful of requests each; cycle and framework
 * read once per command). A command that touches many of a cycle's
 * candidates (an import, a framework change, a restore) reads the cycle
 * whole instead: each table in pages of about 1 MB (cycle-rows.ts), coverage
 * computed in memory and written in slices — a few requests per thousand
 * candidates, and no single long copy. Each candidate's rows are stored as
 * one row (shared/packets/stored-coverage.ts, database version 8), keyed by
 * the candidate, so replacing them is one put and dropping them one delete.
 * Reading by
 * cycle relies on every evidence item and packet carrying its candidate's
 * cycle id (every writer sets it from the candidate; an import refuses rows
 * that clash); a candidate not found in the cycles named goes the first way.
 */
import type { Candidate, Cycle, Evidence, Framework, Packet } from '../../../shared/domain';
import { packetCoverageRows, type CriterionCoverageRow } from '../../../shared/packets/coverage';
import { currentPacket } from '../../../shared/rules/current-packet';
import { packCoverage, type StoredCoverageRow } from '../../../shared/packets/stored-coverage';
import type { LevelsetDatabase } from '../database';
import { refreshCandidateStats } from './candidate-stats';
import { CycleReads, WHOLE_CYCLE_SHARE } from './cycle-rows';
import { WritePipeline } from './write-pipeline';

/** Below this many affected candidates the per-candidate way is used without counting anything (four: the write-path property test's cycle moves take the whole-cycle way). */
const FEW = 4;

/** Criterion rows written per awaited request batch in the whole-cycle way (in stored rows of one candidate each). */
const SLICE = 2000;
/** Candidates whose stored row is deleted per request batch. */
const DELETE_SLICE = 500;

/** Cycles and framework versions read once per command, not once per candidate. */
type Cache = Map<string, Promise<unknown>>;
function cached<T>(cache: Cache, key: string, read: () => Promise<T>): Promise<T> {
  let hit = cache.get(key) as Promise<T> | undefined;
  if (!hit) cache.set(key, (hit = read()));
  return hit;
}
const cycleOf = (db: LevelsetDatabase, cache: Cache, id: string) => cached(cache, `c\u0000${id}`, () => db.cycles.get(id));
const frameworkOf = (db: LevelsetDatabase, cache: Cache, id: string) => cached(cache, `f\u0000${id}`, () => db.frameworks.get(id));

/** The coverage rows of one candidate, from their current packet and evidence (none without a packet or framework). */
function rowsFor(candidate: Candidate, cycle: Cycle, framework: Framework | undefined, packets: readonly Packet[], evidence: readonly Evidence[]): CriterionCoverageRow[] {
  const packet = currentPacket([...packets]);
  if (!framework || !packet) return [];
  return packetCoverageRows(framework, packet, candidate, evidence, { from: cycle.evidenceFrom, to: cycle.evidenceTo });
}

/** What a refresh wrote for one candidate: their rows now stored (empty when none) and the current packet they are about (null: none), for the list figures kept beside them (candidate-stats.ts). */
export interface CoverageWritten {
  rows: CriterionCoverageRow[];
  packet: Packet | null;
}

/** Rebuilds the coverage rows of one candidate from their current packet and evidence; returns the rows now stored. */
export async function refreshCoverage(db: LevelsetDatabase, candidateId: string, cache: Cache = new Map()): Promise<CriterionCoverageRow[]> {
  return (await refreshOne(db, candidateId, cache)).rows;
}

async function refreshOne(db: LevelsetDatabase, candidateId: string, cache: Cache): Promise<CoverageWritten> {
  const written = await computeOne(db, candidateId, cache);
  const stored = packCoverage(written.rows);
  await (stored ? db.coverage.put(stored) : db.coverage.delete(candidateId));
  return written;
}

async function computeOne(db: LevelsetDatabase, candidateId: string, cache: Cache): Promise<CoverageWritten> {
  const candidate = await db.candidates.get(candidateId);
  if (!candidate) return { rows: [], packet: null };
  // The current packet even without a cycle or framework: the Packets list shows it either way.
  const packets = await db.packets.where('candidateId').equals(candidateId).toArray();
  const packet = currentPacket(packets) ?? null;
  const cycle = await cycleOf(db, cache, candidate.cycleId);
  if (!cycle) return { rows: [], packet };
  const framework = await frameworkOf(db, cache, cycle.frameworkVersionId);
  if (!framework || !packet) return { rows: [], packet };
  const evidence = await db.evidence.where('candidateId').equals(candidateId).toArray();
  return { rows: rowsFor(candidate, cycle, framework, packets, evidence), packet };
}

/**
 * Rebuilds coverage for many candidates. `cycleIds` names the cycles they
 * belong to, when the caller knows (the write context does); a candidate
 * outside them is refreshed on its own. Returns each candidate's rows now
 * stored and current packet, so the list figures kept from them
 * (candidate-stats.ts) need not read them back.
 */
export async function refreshCoverageFor(
  db: LevelsetDatabase,
  candidateIds: Iterable<string>,
  cycleIds?: Iterable<string>,
  reads: CycleReads = new CycleReads(db),
): Promise<Map<string, CoverageWritten>> {
  const pending = new Set(candidateIds);
  const cache: Cache = new Map();
  const written = new Map<string, CoverageWritten>();
  if (pending.size >= FEW) {
    const cycles = cycleIds ? [...new Set(cycleIds)] : await db.cycles.toCollection().primaryKeys();
    for (const cycleId of cycles) await refreshCycle(db, cycleId, pending, cache, written, reads);
  }
  if (pending.size < FEW) {
    for (const id of pending) written.set(id, await refreshOne(db, id, cache));
    return written;
  }
  // Too few of their cycle to read it whole (a chair's bundle of 100 into a cycle of 3,000): each candidate's rows by
  // index still, but every candidate's reads queued at once and the rows written in one request batch. One after
  // another, their four round trips each were the import's largest cost after the records (session 37's bench).
  const ids = [...pending];
  const computed = await Promise.all(ids.map((id) => computeOne(db, id, cache)));
  const fresh: StoredCoverageRow[] = [];
  const none: string[] = [];
  ids.forEach((id, i) => {
    const one = computed[i]!;
    written.set(id, one);
    const stored = packCoverage(one.rows);
    if (stored) fresh.push(stored);
    else none.push(id);
  });
  await Promise.all([fresh.length > 0 ? db.coverage.bulkPut(fresh) : null, none.length > 0 ? db.coverage.bulkDelete(none) : null]);
  return written;
}

/** The whole-cycle way, when enough of the cycle is affected; removes the candidates it handled from `pending`. */
async function refreshCycle(db: LevelsetDatabase, cycleId: string, pending: Set<string>, cache: Cache, written: Map<string, CoverageWritten>, reads: CycleReads): Promise<void> {
  const size = await db.candidates.where('cycleId').equals(cycleId).count();
  if (size === 0 || pending.size < size * WHOLE_CYCLE_SHARE) return;
  const mine = (await reads.rows('candidates', cycleId)).filter((c) => pending.has(c.id));
  if (mine.length === 0 || mine.length < size * WHOLE_CYCLE_SHARE) return;
  const ids = new Set(mine.map((c) => c.id));
  // Read in pages (cycle-rows.ts): one getAll of a whole cycle's evidence or packets is one long main-thread copy.
  const [cycle, packets, evidence] = await Promise.all([cycleOf(db, cache, cycleId), reads.rows('packets', cycleId), reads.rows('evidence', cycleId)]);
  const framework = cycle ? await frameworkOf(db, cache, cycle.frameworkVersionId) : undefined;
  const group = <T extends { candidateId: string }>(rows: readonly T[]) => {
    const by = new Map<string, T[]>();
    for (const row of rows) if (ids.has(row.candidateId)) (by.get(row.candidateId) ?? by.set(row.candidateId, []).get(row.candidateId)!).push(row);
    return by;
  };
  const packetsBy = group(packets);
  const evidenceBy = group(evidence);
  // Candidates left with no coverage (no packet, no target level, no framework): their stored row goes.
  const none: string[] = [];
  // Computed and written a few candidates at a time, each slice's bulkPut awaited before the next is computed:
  // 1,000 candidates of 40 criteria is 40,000 criterion rows, and computing them all at once was one long main-thread task.
  // Between slices only IndexedDB requests of this transaction are awaited, so it stays open.
  let fresh: StoredCoverageRow[] = [];
  let criteria = 0;
  // One slice stays in flight while the next is computed and queued, and each slice still ends a task (write-pipeline.ts).
  const pipeline = new WritePipeline();
  const put = async () => {
    if (fresh.length > 0) await pipeline.add(db.coverage.bulkPut(fresh));
    fresh = [];
    criteria = 0;
  };
  for (const c of mine) {
    const packet = currentPacket(packetsBy.get(c.id) ?? []) ?? null;
    // The rows written, by candidate, for the list figures kept from them (candidate-stats.ts), so they are not read back.
    const rows = cycle ? rowsFor(c, cycle, framework, packetsBy.get(c.id) ?? [], evidenceBy.get(c.id) ?? []) : [];
    written.set(c.id, { rows, packet });
    const stored = packCoverage(rows);
    if (!stored) {
      none.push(c.id);
      continue;
    }
    fresh.push(stored);
    criteria += rows.length;
    if (criteria >= SLICE) await put();
  }
  await put();
  await pipeline.drain();
  // In slices, each awaited: one bulkDelete of thousands of keys queues every delete in one long main-thread task.
  for (let i = 0; i < none.length; i += DELETE_SLICE) await db.coverage.bulkDelete(none.slice(i, i + DELETE_SLICE));
  for (const id of ids) pending.delete(id);
}

/** Derived data only: fills the coverage table from scratch for data that predates it (an upgraded database), and the list figures kept from it. */
export async function rebuildCoverage(db: LevelsetDatabase): Promise<void> {
  await db.transaction('rw', [db.coverage, db.candidateStats, db.candidates, db.cycles, db.frameworks, db.packets, db.evidence], async () => {
    await db.coverage.clear();
    const ids = await db.candidates.toCollection().primaryKeys();
    // One set of paged reads for both: each cycle's evidence is read once.
    const reads = new CycleReads(db);
    const written = await refreshCoverageFor(db, ids, undefined, reads);
    await refreshCandidateStats(db, ids, await db.cycles.toCollection().primaryKeys(), written, reads);
  });
}
