/**
 * Framework versions in storage: importing a file as a new framework or as
 * the next version of an existing lineage, and moving a cycle to another
 * version deliberately. A version a cycle pins is frozen and never edited in
 * place; these writes run in one transaction so a cycle never points at a
 * version that was not written.
 */
import type { Framework } from '../../shared/domain';
import type { LevelsetDatabase } from './database';

export interface ImportOutcome {
  id: string;
  version: number;
  /** True when the lineage already existed and the file became its next version. */
  newVersion: boolean;
}

/** Stores an imported framework; a lineage already present gets the import as its next version. */
export async function importFramework(db: LevelsetDatabase, framework: Framework, at: string): Promise<ImportOutcome> {
  return db.transaction('rw', db.frameworks, async () => {
    const siblings = await db.frameworks.where('lineageId').equals(framework.lineageId).toArray();
    if (siblings.length === 0 && !(await db.frameworks.get(framework.id))) {
      await db.frameworks.add({ ...framework, builtIn: false, frozen: false, createdAt: at, updatedAt: at });
      return { id: framework.id, version: framework.version, newVersion: false };
    }
    const version = Math.max(0, ...siblings.map((f) => f.version)) + 1;
    let id = `${framework.lineageId}-v${version}`;
    for (let n = 2; await db.frameworks.get(id); n++) id = `${framework.lineageId}-v${version}-${n}`;
    await db.frameworks.add({ ...framework, id, version, builtIn: false, frozen: false, createdAt: at, updatedAt: at });
    return { id, version, newVersion: true };
  });
}

/** Stores a new version (made by `nextVersion`) of a lineage. */
export async function addFrameworkVersion(db: LevelsetDatabase, framework: Framework): Promise<void> {
  await db.frameworks.add(framework);
}

/**
 * Points a cycle at another version of its framework and freezes that
 * version, in one transaction. The old version stays as it was.
 */
export async function moveCycleToVersion(db: LevelsetDatabase, cycleId: string, frameworkId: string, at: string): Promise<void> {
  await db.transaction('rw', db.cycles, db.frameworks, async () => {
    const cycle = await db.cycles.get(cycleId);
    const target = await db.frameworks.get(frameworkId);
    if (!cycle) throw new Error('That cycle no longer exists.');
    if (!target) throw new Error('That framework version no longer exists.');
    const current = await db.frameworks.get(cycle.frameworkVersionId);
    if (current && current.lineageId !== target.lineageId) throw new Error('A cycle can only move to another version of the same framework.');
    await db.frameworks.update(frameworkId, { frozen: true, updatedAt: at });
    await db.cycles.update(cycleId, { frameworkVersionId: frameworkId, updatedAt: at });
  });
}

/** Cycles that pin any version of a lineage, with the version each pins. */
export async function cyclesOfLineage(db: LevelsetDatabase, lineageId: string) {
  const versions = await db.frameworks.where('lineageId').equals(lineageId).toArray();
  const byId = new Map(versions.map((v) => [v.id, v]));
  const cycles = await db.cycles.where('frameworkVersionId').anyOf([...byId.keys()]).toArray();
  return { versions: versions.sort((a, b) => a.version - b.version), cycles: cycles.map((c) => ({ cycle: c, version: byId.get(c.frameworkVersionId)! })) };
}
