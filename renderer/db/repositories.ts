/**
 * Repositories: the only code that reads and writes the database. Each
 * aggregate has a small object of functions; components call these (or the
 * live-query hooks built on them), never Dexie directly.
 */
import type { Candidate, Cycle, Decision, Evidence, Framework, Packet, Session } from '../../shared/domain';
import type { SampleCycle } from '../../shared/sample/sample-cycle';
import { refreshCoverageFor } from './coverage-sync';
import type { LevelsetDatabase } from './database';

export function frameworksRepo(db: LevelsetDatabase) {
  return {
    all: (): Promise<Framework[]> => db.frameworks.toArray(),
    get: (id: string) => db.frameworks.get(id),
    /** The newest version of each lineage, by name. */
    async latest(): Promise<Framework[]> {
      const all = await db.frameworks.toArray();
      const newest = new Map<string, Framework>();
      for (const f of all) {
        const seen = newest.get(f.lineageId);
        if (!seen || seen.version < f.version) newest.set(f.lineageId, f);
      }
      return [...newest.values()].sort((a, b) => a.name.localeCompare(b.name));
    },
    put: (framework: Framework) => db.frameworks.put(framework),
  };
}

export function cyclesRepo(db: LevelsetDatabase) {
  return {
    all: (): Promise<Cycle[]> => db.cycles.orderBy('id').toArray().then((c) => c.sort((a, b) => b.closesOn.localeCompare(a.closesOn))),
    get: (id: string) => db.cycles.get(id),
  };
}

export function candidatesRepo(db: LevelsetDatabase) {
  return {
    byCycle: (cycleId: string): Promise<Candidate[]> =>
      db.candidates.where('cycleId').equals(cycleId).toArray().then((rows) => rows.sort((a, b) => a.name.localeCompare(b.name))),
    get: (id: string) => db.candidates.get(id),
  };
}

export function evidenceRepo(db: LevelsetDatabase) {
  return {
    byCandidate: (candidateId: string): Promise<Evidence[]> => db.evidence.where('candidateId').equals(candidateId).sortBy('date'),
    /** Evidence counts per candidate for one cycle, read in one pass. */
    async countsByCandidate(cycleId: string): Promise<Map<string, number>> {
      const counts = new Map<string, number>();
      await db.evidence
        .where('cycleId')
        .equals(cycleId)
        .each((e) => counts.set(e.candidateId, (counts.get(e.candidateId) ?? 0) + 1));
      return counts;
    },
  };
}

export function packetsRepo(db: LevelsetDatabase) {
  return {
    byCycle: (cycleId: string): Promise<Packet[]> => db.packets.where('cycleId').equals(cycleId).toArray(),
  };
}

export function sessionsRepo(db: LevelsetDatabase) {
  return {
    byCycle: (cycleId: string): Promise<Session[]> => db.sessions.where('cycleId').equals(cycleId).toArray(),
    decisions: (sessionIds: string[]): Promise<Decision[]> =>
      sessionIds.length === 0 ? Promise.resolve([]) : db.decisions.where('sessionId').anyOf(sessionIds).toArray(),
  };
}

export const ACTIVE_CYCLE_KEY = 'activeCycleId';

export function metaRepo(db: LevelsetDatabase) {
  return {
    async activeCycleId(): Promise<string | null> {
      const row = await db.meta.get(ACTIVE_CYCLE_KEY);
      return typeof row?.value === 'string' ? row.value : null;
    },
    setActiveCycleId: (id: string) => db.meta.put({ key: ACTIVE_CYCLE_KEY, value: id }),
  };
}

/**
 * Writes a whole sample cycle. One transaction across every table involved,
 * so a failure (quota, a closed tab) leaves the database as it was rather
 * than with a framework but half its candidates.
 */
export async function loadSampleCycle(db: LevelsetDatabase, sample: SampleCycle): Promise<void> {
  await db.transaction('rw', [db.frameworks, db.cycles, db.candidates, db.evidence, db.packets, db.sessions, db.votes, db.decisions, db.meta, db.coverage], async () => {
    await db.frameworks.put(sample.framework);
    await db.cycles.put(sample.cycle);
    await db.candidates.bulkPut(sample.candidates);
    await db.evidence.bulkPut(sample.evidence);
    await db.packets.bulkPut(sample.packets);
    await db.sessions.bulkPut(sample.sessions);
    await db.votes.bulkPut(sample.votes);
    await db.decisions.bulkPut(sample.decisions);
    await db.meta.put({ key: ACTIVE_CYCLE_KEY, value: sample.cycle.id });
    await refreshCoverageFor(db, sample.candidates.map((c) => c.id));
  });
}

/**
 * Makes sure every built-in framework is stored, without touching ones
 * already there (a built-in may have been pinned, and so frozen, by a cycle).
 */
export async function ensureBuiltInFrameworks(db: LevelsetDatabase, frameworks: Framework[]): Promise<number> {
  return db.transaction('rw', db.frameworks, async () => {
    const existing = new Set(await db.frameworks.where('id').anyOf(frameworks.map((f) => f.id)).primaryKeys());
    const missing = frameworks.filter((f) => !existing.has(f.id));
    await db.frameworks.bulkAdd(missing);
    return missing.length;
  });
}
