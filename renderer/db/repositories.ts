/**
 * Repositories: reads for the live-query hooks, one small object per
 * aggregate (reads only: a write is a command), plus the commands that set up data (the sample cycle, the
 * built-in frameworks, the active cycle), which are commands like every
 * other write (write/run-command.ts).
 */
import type { Candidate, Cycle, Decision, Evidence, Framework, Packet, Session } from '../../shared/domain';
import type { SampleCycle } from '../../shared/sample/sample-cycle';
import type { LevelsetDatabase } from './database';
import { BUILT_IN_FRAMEWORKS_ACTOR } from '../../shared/audit/actors';
import type { runCommand as RunCommand } from './write/run-command';

/**
 * The write path (with every record schema) is loaded when one of the
 * commands below first runs: the read hooks import this module, and they are
 * in the startup chunk, which should paint without it.
 */
async function writePath(): Promise<typeof RunCommand> {
  return (await import('./write/run-command')).runCommand;
}

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
  };
}

/** The cycle the user works in: the stored choice, else the one closing last; undefined when there is none. Two reads in parallel. */
export async function readActiveCycle(db: LevelsetDatabase): Promise<Cycle | undefined> {
  const [cycles, chosen] = await Promise.all([cyclesRepo(db).all(), metaRepo(db).activeCycleId()]);
  return cycles.find((c) => c.id === chosen) ?? cycles[0];
}

/** Remembers which cycle the user works in (a setting: no audit entry). */
export async function setActiveCycle(db: LevelsetDatabase, cycleId: string): Promise<void> {
  const runCommand = await writePath();
  return runCommand(db, { name: 'choose cycle' }, (ctx) => ctx.putMeta(ACTIVE_CYCLE_KEY, cycleId));
}

/**
 * Writes a whole sample cycle. One transaction across every table involved,
 * so a failure (quota, a closed tab) leaves the database as it was rather
 * than with a framework but half its candidates.
 */
export async function loadSampleCycle(db: LevelsetDatabase, sample: SampleCycle, at?: string): Promise<void> {
  const runCommand = await writePath();
  await runCommand(db, { name: 'load sample cycle', at }, async (ctx) => {
    await ctx.put('frameworks', sample.framework);
    await ctx.put('cycles', sample.cycle);
    await ctx.bulkPut('candidates', sample.candidates);
    await ctx.bulkPut('evidence', sample.evidence);
    await ctx.bulkPut('packets', sample.packets);
    await ctx.bulkPut('sessions', sample.sessions);
    await ctx.bulkPut('votes', sample.votes);
    await ctx.bulkPut('decisions', sample.decisions);
    await ctx.putMeta(ACTIVE_CYCLE_KEY, sample.cycle.id);
    ctx.describe({ entityType: 'cycle', entityId: sample.cycle.id, action: 'load sample cycle', after: { name: sample.cycle.name, candidates: sample.candidates.length } });
  });
}

/**
 * Makes sure every built-in framework is stored, without touching ones
 * already there (a built-in may have been pinned, and so frozen, by a cycle).
 */
export async function ensureBuiltInFrameworks(db: LevelsetDatabase, frameworks: Framework[]): Promise<number> {
  const runCommand = await writePath();
  return runCommand(db, { name: 'store built-in frameworks', actor: BUILT_IN_FRAMEWORKS_ACTOR }, async (ctx) => {
    const existing = new Set(await db.frameworks.where('id').anyOf(frameworks.map((f) => f.id)).primaryKeys());
    const missing = frameworks.filter((f) => !existing.has(f.id));
    if (missing.length === 0) return 0;
    await ctx.bulkPut('frameworks', missing);
    ctx.describe({ entityType: 'framework', entityId: missing[0]!.id, action: 'store built-in frameworks', after: { frameworks: missing.map((f) => f.name) } });
    return missing.length;
  });
}
