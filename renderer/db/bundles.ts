/**
 * Packet bundles in storage: gathering the rows of chosen packets for
 * export, and importing an opened bundle. An import reads only the stored
 * rows the bundle touches, plans the merge (shared/exchange/merge-plan.ts),
 * and writes every row through ONE command (write/run-command.ts), which
 * also rebuilds coverage and appends the audit entry naming the bundle, so
 * a failure part-way leaves the database exactly as it was.
 */
import type { BundleContent, BundleContentInput } from '../../shared/exchange/bundle-format';
import { applyPlanRows, existingFromRows, idsToLoad, planMerge, type MergePlan } from '../../shared/exchange/merge-plan';
import type { TrailHead } from '../../shared/audit/replay';
import { currentTrailHead } from './audit';
import type { LevelsetDatabase } from './database';
import { runCommand } from './write/run-command';

/** The content of a bundle for some packets of one cycle: the packets, their candidates, evidence and framework version. */
export async function bundleContentFor(db: LevelsetDatabase, cycleId: string, packetIds: string[]): Promise<BundleContentInput> {
  return (await bundleExportFor(db, cycleId, packetIds)).content;
}

/** The content and this machine's trail head, read as one snapshot, so the head names the trail the bundle was cut from. */
export async function bundleExportFor(db: LevelsetDatabase, cycleId: string, packetIds: string[]): Promise<{ content: BundleContentInput; trailHead: TrailHead }> {
  return db.transaction('r', [db.cycles, db.frameworks, db.packets, db.candidates, db.evidence, db.audit], async () => ({
    content: await readContent(db, cycleId, packetIds),
    trailHead: await currentTrailHead(db),
  }));
}

async function readContent(db: LevelsetDatabase, cycleId: string, packetIds: string[]): Promise<BundleContentInput> {
  const cycle = await db.cycles.get(cycleId);
  if (!cycle) throw new Error('The cycle no longer exists.');
  const framework = await db.frameworks.get(cycle.frameworkVersionId);
  if (!framework) throw new Error('The framework version this cycle uses is missing.');
  const packets = (await db.packets.bulkGet(packetIds)).filter((p): p is NonNullable<typeof p> => !!p && p.cycleId === cycleId);
  if (packets.length === 0) throw new Error('Choose at least one packet to export.');
  const candidateIds = [...new Set(packets.map((p) => p.candidateId))];
  // Earlier revisions travel too, so the other machine can tell a descendant from a conflict.
  const history = await db.packets.where('candidateId').anyOf(candidateIds).toArray();
  const candidates = (await db.candidates.bulkGet(candidateIds)).filter((c): c is NonNullable<typeof c> => !!c);
  const evidence = await db.evidence.where('candidateId').anyOf(candidateIds).toArray();
  return { cycle, frameworks: [framework], candidates, evidence, packets: history.filter((p) => p.cycleId === cycleId) };
}

async function readExisting(db: LevelsetDatabase, content: BundleContent) {
  const ids = idsToLoad(content);
  const present = <T>(rows: Array<T | undefined>) => rows.filter((r): r is T => r !== undefined);
  const [frameworks, cycles, candidates, evidence, packets, byCandidate] = await Promise.all([
    db.frameworks.bulkGet(ids.frameworks).then(present),
    db.cycles.bulkGet(ids.cycles).then(present),
    db.candidates.bulkGet(ids.candidates).then(present),
    db.evidence.bulkGet(ids.evidence).then(present),
    db.packets.bulkGet(ids.packets).then(present),
    db.packets.where('candidateId').anyOf(ids.packetCandidates).toArray(),
  ]);
  return existingFromRows({ frameworks, cycles, candidates, evidence, packets: [...packets, ...byCandidate] });
}

/** What importing would do, for the preview. Reads only; writes nothing. */
export async function previewBundleImport(db: LevelsetDatabase, content: BundleContent): Promise<MergePlan> {
  return db.transaction('r', [db.frameworks, db.cycles, db.candidates, db.evidence, db.packets], async () =>
    planMerge(content, await readExisting(db, content)),
  );
}

/** Rows are written in slices of this many, so progress can be told and a Cancel heard between them. */
const WRITE_CHUNK = 500;

export interface ImportWriteOptions {
  /** Told the rows written so far, after each slice. */
  onProgress?: (progress: { phase: 'writing'; done: number; total: number }) => void;
  /** Aborting it before the command commits rolls the whole import back. */
  signal?: AbortSignal;
}

/**
 * Imports a bundle: the plan is made again inside the write transaction (the
 * database may have changed since the preview) and applied whole. The rows
 * go in slices inside the ONE transaction; an abort between slices throws,
 * which rolls back everything written so far, and no audit entry is added.
 */
export async function importBundle(db: LevelsetDatabase, content: BundleContent, at: string, options: ImportWriteOptions = {}): Promise<MergePlan> {
  const { onProgress, signal } = options;
  signal?.throwIfAborted();
  return runCommand(db, { name: 'import bundle', at }, async (ctx) => {
    const plan = planMerge(content, await readExisting(db, content), { now: at });
    const rows = applyPlanRows(plan);
    const tables = ['frameworks', 'cycles', 'candidates', 'evidence', 'packets'] as const;
    const total = tables.reduce((sum, t) => sum + rows[t].length, 0);
    let done = 0;
    onProgress?.({ phase: 'writing', done, total });
    for (const table of tables) {
      for (let i = 0; i < rows[table].length; i += WRITE_CHUNK) {
        signal?.throwIfAborted();
        const slice = rows[table].slice(i, i + WRITE_CHUNK);
        await ctx.bulkPut(table, slice);
        done += slice.length;
        onProgress?.({ phase: 'writing', done, total });
      }
    }
    signal?.throwIfAborted();
    ctx.alwaysAudit();
    ctx.describe({
      entityType: 'cycle',
      entityId: content.cycle.id,
      action: 'import bundle',
      after: { frameworks: rows.frameworks.length, cycles: rows.cycles.length, candidates: rows.candidates.length, evidence: rows.evidence.length, packets: rows.packets.length },
    });
    return plan;
  });
}
