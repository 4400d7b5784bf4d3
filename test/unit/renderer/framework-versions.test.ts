import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ic0M3Levels, pathwaysGeHoe } from '../../../shared/frameworks/builtin';
import { materializeBuiltIn } from '../../../shared/frameworks/materialize';
import { nextVersion } from '../../../shared/frameworks/versions';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { addFrameworkVersion, cyclesOfLineage, importFramework, moveCycleToVersion, startNextFrameworkVersion } from '../../../renderer/db/framework-versions';
import { ensureBuiltInFrameworks, loadSampleCycle } from '../../../renderer/db/repositories';

const AT = '2026-11-01T10:00:00.000Z';
let db: LevelsetDatabase;
let n = 0;
beforeEach(async () => {
  db = new LevelsetDatabase(`versions-test-${++n}`);
  await db.open();
});
afterEach(async () => db.delete());

describe('ensureBuiltInFrameworks', () => {
  it('adds missing built-ins and leaves stored ones (possibly frozen) alone', async () => {
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 3 });
    await loadSampleCycle(db, sample);
    const builtIns = [materializeBuiltIn(ic0M3Levels, AT), materializeBuiltIn(pathwaysGeHoe, AT)];
    expect(await ensureBuiltInFrameworks(db, builtIns)).toBe(1);
    expect((await db.frameworks.get(sample.framework.id))?.frozen).toBe(true);
    expect(await db.frameworks.count()).toBe(2);
    expect(await ensureBuiltInFrameworks(db, builtIns)).toBe(0);
  });
});

describe('importFramework', () => {
  it('stores a new lineage as is, a changed re-import as the next version, and an identical one not at all', async () => {
    const framework = materializeBuiltIn(pathwaysGeHoe, AT);
    const first = await importFramework(db, { ...framework, builtIn: true, frozen: true }, AT);
    expect(first).toEqual({ id: framework.id, version: 1, newVersion: false });
    const stored = await db.frameworks.get(framework.id);
    expect(stored?.builtIn).toBe(false);
    expect(stored?.frozen).toBe(false);
    const auditBefore = await db.audit.count();

    // The same file again: identical to version 1, nothing written.
    const again = await importFramework(db, framework, AT);
    expect(again).toEqual({ id: framework.id, version: 1, newVersion: false, identical: true });
    expect(await db.frameworks.where('lineageId').equals(framework.lineageId).count()).toBe(1);
    expect(await db.audit.count()).toBe(auditBefore);

    const changed = { ...framework, criteria: [{ ...framework.criteria[0]!, text: 'A criterion rewritten in the new file' }, ...framework.criteria.slice(1)] };
    const second = await importFramework(db, changed, AT);
    expect(second).toEqual({ id: `${framework.lineageId}-v2`, version: 2, newVersion: true });
    expect((await db.frameworks.where('lineageId').equals(framework.lineageId).toArray()).map((f) => f.version).sort()).toEqual([1, 2]);
  });
});

describe('startNextFrameworkVersion', () => {
  it('copies the newest version of the lineage, even when started from an older one, and audits it', async () => {
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 2 });
    await loadSampleCycle(db, sample);
    const v2 = nextVersion(sample.framework, AT, 'ic0m3-v2');
    v2.criteria[0] = { ...v2.criteria[0]!, text: 'Rewritten criterion text for version two' };
    await addFrameworkVersion(db, v2);

    // Started from the pinned v1: the copy is v3 and carries v2's rewritten criterion.
    const v3 = await startNextFrameworkVersion(db, sample.framework.id, AT);
    expect(v3.version).toBe(3);
    expect(v3.frozen).toBe(false);
    expect(v3.criteria[0]?.text).toBe('Rewritten criterion text for version two');
    expect((await db.frameworks.get(v3.id))?.version).toBe(3);
    expect((await db.audit.where('entityId').equals(v3.id).toArray()).map((e) => e.action)).toEqual(['new framework version']);
  });

  it('refuses a framework that no longer exists and writes nothing', async () => {
    await expect(startNextFrameworkVersion(db, 'gone', AT)).rejects.toThrow('no longer exists');
    expect(await db.frameworks.count()).toBe(0);
  });
});

describe('moveCycleToVersion', () => {
  it('moves the cycle deliberately, freezes the new version and keeps the old one', async () => {
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 3, submitNone: true });
    await loadSampleCycle(db, sample);
    const v2 = nextVersion(sample.framework, AT, 'ic0m3-v2');
    v2.criteria[0] = { ...v2.criteria[0]!, text: 'Rewritten criterion text for version two' };
    await addFrameworkVersion(db, v2);
    expect((await db.cycles.get(sample.cycle.id))?.frameworkVersionId).toBe(sample.framework.id);

    await moveCycleToVersion(db, sample.cycle.id, v2.id, AT);
    expect((await db.cycles.get(sample.cycle.id))?.frameworkVersionId).toBe(v2.id);
    expect((await db.frameworks.get(v2.id))?.frozen).toBe(true);
    expect((await db.frameworks.get(sample.framework.id))?.criteria[0]?.text).toBe(sample.framework.criteria[0]?.text);
    const lineage = await cyclesOfLineage(db, sample.framework.lineageId);
    expect(lineage.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(lineage.cycles.map((c) => c.version.id)).toEqual([v2.id]);
  });

  it('refuses a version of another framework and changes nothing', async () => {
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 3 });
    await loadSampleCycle(db, sample);
    const other = materializeBuiltIn(pathwaysGeHoe, AT);
    await db.frameworks.add(other);
    await expect(moveCycleToVersion(db, sample.cycle.id, other.id, AT)).rejects.toThrow('same framework');
    expect((await db.cycles.get(sample.cycle.id))?.frameworkVersionId).toBe(sample.framework.id);
    expect((await db.frameworks.get(other.id))?.frozen).toBe(false);
  });
});
