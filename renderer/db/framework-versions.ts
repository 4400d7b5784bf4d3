/**
 * Framework versions in storage: importing a file as a new framework or as
 * the next version of an existing lineage, and moving a cycle to another
 * version deliberately. A version a cycle pins is frozen and never edited in
 * place; these writes are commands (one transaction each, with the audit
 * entry) so a cycle never points at a version that was not written. Moving
 * a cycle rebuilds its candidates' coverage through the write path.
 */
import type { Framework } from '../../shared/domain';
import { newId } from '../../shared/domain/ids';
import { criteriaLeftBehind, cycleMoveRefusal, diffFrameworks, nextVersion, type CriterionLeft, type JudgedOnVersion } from '../../shared/frameworks/versions';
import { wasSubmitted } from '../../shared/rules/current-packet';
import type { LevelsetDatabase } from './database';
import { runCommand } from './write/run-command';

export interface ImportOutcome {
  id: string;
  version: number;
  /** True when the lineage already existed and the file became its next version. */
  newVersion: boolean;
  /** True when the file is the same as the lineage's newest version: nothing was written, `id` and `version` name that version. */
  identical?: boolean;
}

/** Stores an imported framework; a lineage already present gets the import as its next version. */
export async function importFramework(db: LevelsetDatabase, framework: Framework, at: string): Promise<ImportOutcome> {
  return runCommand(db, { name: 'import framework', at }, async (ctx) => {
    const siblings = await db.frameworks.where('lineageId').equals(framework.lineageId).toArray();
    if (siblings.length === 0 && !(await db.frameworks.get(framework.id))) {
      await ctx.put('frameworks', { ...framework, builtIn: false, frozen: false, createdAt: at, updatedAt: at });
      ctx.describe({ entityType: 'framework', entityId: framework.id, action: 'import framework', after: { name: framework.name, version: framework.version } });
      return { id: framework.id, version: framework.version, newVersion: false };
    }
    const newest = siblings.reduce<Framework | undefined>((max, f) => (max === undefined || f.version > max.version ? f : max), undefined);
    // The same file again is not a new version: say so and write nothing.
    if (newest && diffFrameworks(newest, framework).identical) return { id: newest.id, version: newest.version, newVersion: false, identical: true };
    const version = Math.max(0, ...siblings.map((f) => f.version)) + 1;
    let id = `${framework.lineageId}-v${version}`;
    for (let n = 2; await db.frameworks.get(id); n++) id = `${framework.lineageId}-v${version}-${n}`;
    await ctx.put('frameworks', { ...framework, id, version, builtIn: false, frozen: false, createdAt: at, updatedAt: at });
    ctx.describe({ entityType: 'framework', entityId: id, action: 'import framework as a new version', after: { name: framework.name, version } });
    return { id, version, newVersion: true };
  });
}

/** Stores a new version (made by `nextVersion`) of a lineage. */
export async function addFrameworkVersion(db: LevelsetDatabase, framework: Framework): Promise<void> {
  await runCommand(db, { name: 'new framework version', at: framework.createdAt }, async (ctx) => {
    if (await db.frameworks.get(framework.id)) throw new Error('That framework version already exists.');
    await ctx.put('frameworks', framework);
    ctx.describe({ entityType: 'framework', entityId: framework.id, action: 'new framework version', after: { name: framework.name, version: framework.version } });
  });
}

/**
 * Starts the next version of a framework's lineage, copied from its newest
 * version, and returns it. The newest version is read inside the command's
 * transaction, so two clicks never make two versions with the same number.
 */
export async function startNextFrameworkVersion(db: LevelsetDatabase, frameworkId: string, at?: string): Promise<Framework> {
  return runCommand(db, { name: 'new framework version', at }, async (ctx) => {
    const source = await db.frameworks.get(frameworkId);
    if (!source) throw new Error('That framework version no longer exists.');
    const siblings = await db.frameworks.where('lineageId').equals(source.lineageId).toArray();
    const latest = siblings.reduce((max, f) => (f.version > max.version ? f : max), source);
    const next = await ctx.put('frameworks', nextVersion(latest, ctx.at, newId()));
    ctx.describe({ entityType: 'framework', entityId: next.id, action: 'new framework version', after: { name: next.name, version: next.version, from: latest.id } });
    return next;
  });
}

/**
 * Points a cycle at another version of its framework and freezes that
 * version, in one transaction. The old version stays as it was.
 */
export async function moveCycleToVersion(db: LevelsetDatabase, cycleId: string, frameworkId: string, at: string): Promise<void> {
  await runCommand(db, { name: 'move cycle to framework version', at }, async (ctx) => {
    const cycle = await db.cycles.get(cycleId);
    const target = await db.frameworks.get(frameworkId);
    if (!cycle) throw new Error('That cycle no longer exists.');
    if (!target) throw new Error('That framework version no longer exists.');
    const current = await db.frameworks.get(cycle.frameworkVersionId);
    if (current && current.lineageId !== target.lineageId) throw new Error('A cycle can only move to another version of the same framework.');
    const refusal = cycleMoveRefusal(cycle.name, current?.version ?? 0, await judgedOnVersion(db, cycleId));
    if (refusal && cycle.frameworkVersionId !== frameworkId) throw new Error(refusal);
    if (!target.frozen) await ctx.put('frameworks', { ...target, frozen: true, updatedAt: at });
    await ctx.put('cycles', { ...cycle, frameworkVersionId: frameworkId, updatedAt: at });
    ctx.describe({ entityType: 'cycle', entityId: cycleId, action: 'move cycle to framework version', before: { frameworkVersionId: cycle.frameworkVersionId }, after: { frameworkVersionId: frameworkId } });
  });
}

/** What the cycle holds that was judged against its version: candidates with a submitted revision, and decisions. */
async function judgedOnVersion(db: LevelsetDatabase, cycleId: string): Promise<JudgedOnVersion> {
  const [packets, sessionIds] = await Promise.all([db.packets.where('cycleId').equals(cycleId).toArray(), db.sessions.where('cycleId').equals(cycleId).primaryKeys()]);
  const decided = sessionIds.length > 0 ? await db.decisions.where('sessionId').anyOf(sessionIds).count() : 0;
  return { submitted: new Set(packets.filter((p) => wasSubmitted(p)).map((p) => p.candidateId)).size, decided };
}

/**
 * For the move's confirmation: why the cycle cannot move (cycleMoveRefusal), or what the move takes from its
 * evidence (criteriaLeftBehind).
 */
export async function criteriaLostByMove(db: LevelsetDatabase, cycleId: string, frameworkId: string): Promise<{ refusal: string | null; left: CriterionLeft[] }> {
  const cycle = await db.cycles.get(cycleId);
  if (!cycle) throw new Error('That cycle no longer exists.');
  const [from, to, evidence, judged] = await Promise.all([db.frameworks.get(cycle.frameworkVersionId), db.frameworks.get(frameworkId), db.evidence.where('cycleId').equals(cycleId).toArray(), judgedOnVersion(db, cycleId)]);
  if (!from || !to) throw new Error('That framework version no longer exists.');
  return { refusal: cycleMoveRefusal(cycle.name, from.version, judged), left: criteriaLeftBehind(from, to, evidence) };
}

/** Cycles that pin any version of a lineage, with the version each pins. */
export async function cyclesOfLineage(db: LevelsetDatabase, lineageId: string) {
  const versions = await db.frameworks.where('lineageId').equals(lineageId).toArray();
  const byId = new Map(versions.map((v) => [v.id, v]));
  const cycles = await db.cycles.where('frameworkVersionId').anyOf([...byId.keys()]).toArray();
  return { versions: versions.sort((a, b) => a.version - b.version), cycles: cycles.map((c) => ({ cycle: c, version: byId.get(c.frameworkVersionId)! })) };
}
