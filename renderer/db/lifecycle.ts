/**
 * Renaming and deleting frameworks and cycles. Each is one command through
 * the write path (one transaction, one audit entry naming what changed).
 *
 * - A framework is renamed as a whole: every version of its lineage takes
 *   the new name (the name is how people find it; no criterion changes, so a
 *   pinned version keeps its content). Built-ins keep their names.
 * - A rename to the name already stored (trimmed, as it is stored) is
 *   `unchanged`: nothing is written or audited.
 * - A framework is deleted with all its versions, and only when no cycle
 *   pins any of them; built-ins cannot be deleted.
 * - A cycle is deleted with everything in it (candidates, evidence,
 *   packets, calibration sessions with their votes and decisions), after a
 *   confirmation that names what goes, finalized sessions by name. It is
 *   not refused for a finalized session: the sample cycle has one, and a
 *   cycle tried out must be removable. The audit entry keeps every deleted
 *   row, so the trail still holds the record.
 */
import type { Cycle } from '../../shared/domain';
import { andList, plural } from '../../shared/util/plural';
import { cycleNameTaken, recordNameProblem } from '../../shared/rules/record-name';
import type { LevelsetDatabase } from './database';
import { ACTIVE_CYCLE_KEY } from './repositories';
import { runCommand } from './write/run-command';

function cleanName(name: string, what: 'cycle' | 'framework'): string {
  const problem = recordNameProblem(name, what);
  if (problem) throw new Error(problem);
  return name.trim();
}

/**
 * What a rename did: `unchanged` when the name given, as it would be stored (trimmed), is the stored one (Save name
 * with nothing edited), and then nothing is written or audited.
 */
export type RenameChange = 'changed' | 'unchanged';

export async function renameFramework(db: LevelsetDatabase, frameworkId: string, name: string, at?: string): Promise<RenameChange> {
  const next = cleanName(name, 'framework');
  return runCommand(db, { name: 'rename framework', at }, async (ctx): Promise<RenameChange> => {
    const framework = await db.frameworks.get(frameworkId);
    if (!framework) throw new Error('That framework no longer exists.');
    if (framework.builtIn) throw new Error('Built-in frameworks keep their names. Duplicate it to make a copy you can rename and edit.');
    const versions = await db.frameworks.where('lineageId').equals(framework.lineageId).toArray();
    const renamed = versions.filter((v) => v.name !== next);
    if (renamed.length === 0) return 'unchanged';
    for (const v of renamed) await ctx.put('frameworks', { ...v, name: next, updatedAt: ctx.at });
    ctx.describe({ entityType: 'framework', entityId: framework.id, action: 'rename framework', before: { name: framework.name }, after: { name: next } });
    return 'changed';
  });
}

/** What deleting a framework would remove, or why it cannot be deleted. */
export async function frameworkDeletion(db: LevelsetDatabase, frameworkId: string): Promise<{ versions: number; refusal: string | null }> {
  const framework = await db.frameworks.get(frameworkId);
  if (!framework) return { versions: 0, refusal: 'That framework no longer exists.' };
  if (framework.builtIn) return { versions: 1, refusal: 'Built-in frameworks cannot be deleted; they come with Levelset.' };
  const versions = await db.frameworks.where('lineageId').equals(framework.lineageId).toArray();
  const cycles = await db.cycles.where('frameworkVersionId').anyOf(versions.map((v) => v.id)).toArray();
  if (cycles.length > 0) {
    return { versions: versions.length, refusal: `It cannot be deleted: ${cycles.map((c) => `“${c.name}”`).join(', ')} ${cycles.length === 1 ? 'uses' : 'use'} it. Delete or move those cycles first.` };
  }
  return { versions: versions.length, refusal: null };
}

export async function deleteFramework(db: LevelsetDatabase, frameworkId: string, at?: string): Promise<void> {
  await runCommand(db, { name: 'delete framework', at }, async (ctx) => {
    const { refusal } = await frameworkDeletion(db, frameworkId);
    if (refusal) throw new Error(refusal);
    const framework = (await db.frameworks.get(frameworkId))!;
    const versions = await db.frameworks.where('lineageId').equals(framework.lineageId).toArray();
    for (const v of versions) await ctx.delete('frameworks', v.id);
    ctx.describe({ entityType: 'framework', entityId: framework.id, action: 'delete framework', before: { name: framework.name, versions: versions.length } });
  });
}

export async function renameCycle(db: LevelsetDatabase, cycleId: string, name: string, at?: string): Promise<RenameChange> {
  const next = cleanName(name, 'cycle');
  return runCommand(db, { name: 'rename cycle', at }, async (ctx): Promise<RenameChange> => {
    const cycle = await db.cycles.get(cycleId);
    if (!cycle) throw new Error('That cycle no longer exists.');
    // Its own name kept takes no other cycle's: nothing to check, write or audit.
    if (next === cycle.name) return 'unchanged';
    const taken = cycleNameTaken(next, (await db.cycles.toArray()).filter((c) => c.id !== cycleId).map((c) => c.name));
    if (taken) throw new Error(taken);
    await ctx.put('cycles', { ...cycle, name: next, updatedAt: ctx.at });
    ctx.describe({ entityType: 'cycle', entityId: cycleId, action: 'rename cycle', before: { name: cycle.name }, after: { name: next } });
    return 'changed';
  });
}

export interface CycleContents {
  candidates: number;
  evidence: number;
  packets: number;
  sessions: number;
  /** Names of the sessions that were finalized (the committee's record of its decisions). */
  finalized: string[];
}

/** What deleting a cycle would remove, for the confirmation. */
export async function cycleContents(db: LevelsetDatabase, cycleId: string): Promise<CycleContents> {
  const [candidates, evidence, packets, sessions] = await Promise.all([
    db.candidates.where('cycleId').equals(cycleId).count(),
    db.evidence.where('cycleId').equals(cycleId).count(),
    db.packets.where('cycleId').equals(cycleId).count(),
    db.sessions.where('cycleId').equals(cycleId).toArray(),
  ]);
  const finalized = sessions.filter((s) => s.status === 'finalized' || (s.history ?? []).some((e) => e.action === 'finalized'));
  return { candidates, evidence, packets, sessions: sessions.length, finalized: finalized.map((s) => s.name) };
}

/** "3 candidates, 40 evidence items, 3 packets and 1 calibration session". */
export function contentsText(c: CycleContents): string {
  const parts = [plural(c.candidates, 'candidate'), plural(c.evidence, 'evidence item'), plural(c.packets, 'packet'), plural(c.sessions, 'calibration session')];
  return andList(parts);
}

export async function deleteCycle(db: LevelsetDatabase, cycleId: string, at?: string): Promise<void> {
  await runCommand(db, { name: 'delete cycle', at }, async (ctx) => {
    const cycle: Cycle | undefined = await db.cycles.get(cycleId);
    if (!cycle) throw new Error('That cycle no longer exists.');
    const contents = await cycleContents(db, cycleId);
    const sessions = await db.sessions.where('cycleId').equals(cycleId).toArray();
    for (const s of sessions) {
      for (const id of await db.votes.where('sessionId').equals(s.id).primaryKeys()) await ctx.delete('votes', id);
      for (const id of await db.decisions.where('sessionId').equals(s.id).primaryKeys()) await ctx.delete('decisions', id);
      await ctx.delete('sessions', s.id);
    }
    for (const id of await db.packets.where('cycleId').equals(cycleId).primaryKeys()) await ctx.delete('packets', id);
    for (const id of await db.evidence.where('cycleId').equals(cycleId).primaryKeys()) await ctx.delete('evidence', id);
    for (const id of await db.candidates.where('cycleId').equals(cycleId).primaryKeys()) await ctx.delete('candidates', id);
    await ctx.delete('cycles', cycleId);
    const active = await db.meta.get(ACTIVE_CYCLE_KEY);
    if (active?.value === cycleId) {
      const other = await db.cycles.toCollection().first();
      await ctx.putMeta(ACTIVE_CYCLE_KEY, other?.id ?? null);
    }
    ctx.describe({ entityType: 'cycle', entityId: cycleId, action: 'delete cycle', before: { name: cycle.name, removed: contentsText(contents) } });
  });
}
