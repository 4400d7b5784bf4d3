/** Renaming and deleting frameworks and cycles: one audited command each, refused when it would break a record. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { materializeBuiltIn } from '../../../shared/frameworks/materialize';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { verifyAudit } from '../../../renderer/db/audit';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { createCycle, cycleProblems } from '../../../renderer/db/cycles';
import { createFramework, editFramework } from '../../../renderer/db/framework-edits';
import { addFrameworkVersion } from '../../../renderer/db/framework-versions';
import { contentsText, cycleContents, deleteCycle, deleteFramework, renameCycle, renameFramework } from '../../../renderer/db/lifecycle';
import { ACTIVE_CYCLE_KEY, ensureBuiltInFrameworks, loadSampleCycle } from '../../../renderer/db/repositories';
import { createSession } from '../../../renderer/db/sessions';
import { nextVersion } from '../../../shared/frameworks/versions';
import { formatDate } from '../../../renderer/components/dates';

const AT = '2026-11-01T10:00:00.000Z';
let db: LevelsetDatabase;
let n = 0;
beforeEach(async () => {
  db = new LevelsetDatabase(`lifecycle-test-${++n}`);
  await db.open();
});
afterEach(async () => db.delete());

describe('frameworks', () => {
  it('renames every version of a framework, audited; built-ins keep their names', async () => {
    const id = await createFramework(db, { name: 'Untitled framework' });
    const v1 = (await db.frameworks.get(id))!;
    await addFrameworkVersion(db, nextVersion({ ...v1, frozen: true }, AT, 'v2-id'));
    await renameFramework(db, id, '  Platform ladder  ', AT);
    expect((await db.frameworks.where('lineageId').equals(v1.lineageId).toArray()).map((f) => f.name)).toEqual(['Platform ladder', 'Platform ladder']);
    expect((await db.audit.where('entityId').equals(id).toArray()).map((e) => e.action)).toContain('rename framework');
    await expect(renameFramework(db, id, '   ', AT)).rejects.toThrow('Give the framework a name.');

    await ensureBuiltInFrameworks(db, [materializeBuiltIn(ic0M3Levels, AT)]);
    const builtIn = (await db.frameworks.filter((f) => f.builtIn).first())!;
    await expect(renameFramework(db, builtIn.id, 'Mine', AT)).rejects.toThrow(/Built-in frameworks keep their names/);
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('changes nothing when given the name every version has (trimmed, as stored): no write, no audit entry', async () => {
    const id = await createFramework(db, { name: 'Platform ladder' });
    const v1 = (await db.frameworks.get(id))!;
    await addFrameworkVersion(db, nextVersion({ ...v1, frozen: true }, AT, 'v2-id'));
    const stored = await db.frameworks.where('lineageId').equals(v1.lineageId).toArray();
    const entries = await db.audit.count();
    const same = await renameFramework(db, id, 'Platform ladder', '2026-11-02T10:00:00.000Z');
    const spaced = await renameFramework(db, id, '  Platform ladder ', '2026-11-02T10:00:00.000Z');
    expect(await db.frameworks.where('lineageId').equals(v1.lineageId).toArray()).toEqual(stored);
    expect(await db.audit.count()).toBe(entries);
    expect([same, spaced]).toEqual(['unchanged', 'unchanged']);
    // A change of case is a new name.
    expect(await renameFramework(db, id, 'Platform Ladder', AT)).toBe('changed');
    expect(await db.audit.count()).toBe(entries + 1);
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('deletes an unused framework with all its versions ("New framework" is no longer stuck), never a built-in or one a cycle uses', async () => {
    const id = await createFramework(db);
    await deleteFramework(db, id, AT);
    expect(await db.frameworks.get(id)).toBeUndefined();

    const used = await createFramework(db, { name: 'Platform ladder' });
    const cycle = await createCycle(db, { name: 'H2 2026', opensOn: '2026-12-01', closesOn: '2026-12-31', frameworkVersionId: used, evidenceFrom: '2025-10-01', evidenceTo: '2026-12-31' }, AT);
    await expect(deleteFramework(db, used, AT)).rejects.toThrow('It cannot be deleted: “H2 2026” uses it. Delete or move those cycles first.');
    expect(await db.frameworks.get(used)).toBeDefined();
    // Once the cycle is gone, so can the framework be.
    await deleteCycle(db, cycle.id, AT);
    await deleteFramework(db, used, AT);
    expect(await db.frameworks.get(used)).toBeUndefined();

    await ensureBuiltInFrameworks(db, [materializeBuiltIn(ic0M3Levels, AT)]);
    const builtIn = (await db.frameworks.filter((f) => f.builtIn).first())!;
    await expect(deleteFramework(db, builtIn.id, AT)).rejects.toThrow('Built-in frameworks cannot be deleted');
    expect((await verifyAudit(db)).ok).toBe(true);
  });
});

describe('cycles', () => {
  it('renames a cycle', async () => {
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 2 });
    await loadSampleCycle(db, sample);
    await renameCycle(db, sample.cycle.id, 'H2 2026', AT);
    expect((await db.cycles.get(sample.cycle.id))?.name).toBe('H2 2026');
  });

  it('changes nothing when given the name it has (trimmed, as stored): no write, no audit entry', async () => {
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 2 });
    await loadSampleCycle(db, sample);
    const stored = await db.cycles.get(sample.cycle.id);
    const entries = await db.audit.count();
    const same = await renameCycle(db, sample.cycle.id, sample.cycle.name, '2026-11-02T10:00:00.000Z');
    const spaced = await renameCycle(db, sample.cycle.id, `  ${sample.cycle.name} `, '2026-11-02T10:00:00.000Z');
    expect(await db.cycles.get(sample.cycle.id)).toEqual(stored);
    expect(await db.audit.count()).toBe(entries);
    expect([same, spaced]).toEqual(['unchanged', 'unchanged']);
    expect(await renameCycle(db, sample.cycle.id, 'H2 2026', AT)).toBe('changed');
    expect(await db.audit.count()).toBe(entries + 1);
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('holds a new cycle and a renamed one to the same name rule, and a framework edited in the editor to the rename rule', async () => {
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 2 });
    await loadSampleCycle(db, sample);
    const long = `2099 ${'C'.repeat(5000)}`;
    const tooLong = 'Keep the cycle name under 200 characters (it has 5,005).';
    await expect(renameCycle(db, sample.cycle.id, long, AT)).rejects.toThrow(tooLong);
    const input = { name: long, opensOn: '2026-01-01', closesOn: '2026-06-30', frameworkVersionId: sample.framework.id, evidenceFrom: '2026-01-01', evidenceTo: '2026-06-30' };
    // The form says so beside the field, and the command refuses it whoever calls it.
    expect(cycleProblems(input).name).toBe(tooLong);
    await expect(createCycle(db, input, AT)).rejects.toThrow(tooLong);
    expect(await db.cycles.count()).toBe(1);
    // 200 characters is a name.
    expect(cycleProblems({ ...input, name: 'C'.repeat(200) }).name).toBeUndefined();
    expect((await createCycle(db, { ...input, name: 'C'.repeat(200) }, AT)).name).toHaveLength(200);

    const framework = await createFramework(db, { name: 'Platform ladder' });
    await expect(editFramework(db, framework, { type: 'rename-framework', name: 'F'.repeat(201) })).rejects.toThrow('Keep the framework name under 200 characters (it has 201).');
    expect((await db.frameworks.get(framework))?.name).toBe('Platform ladder');
  });

  it('gives every cycle a name of its own, in any case or spacing, on create and on rename', async () => {
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 2 });
    await loadSampleCycle(db, sample);
    const input = { name: 'H1 2027', opensOn: '2027-01-01', closesOn: '2027-06-30', frameworkVersionId: sample.framework.id, evidenceFrom: '2026-07-01', evidenceTo: '2027-06-30' };
    const first = await createCycle(db, input, AT);
    const taken = 'There is already a cycle named “h1 2027”.';
    expect(cycleProblems({ ...input, name: 'h1  2027' }, ['H1 2027']).name).toContain(taken);
    await expect(createCycle(db, { ...input, name: 'h1  2027' }, AT)).rejects.toThrow(taken);
    await expect(renameCycle(db, sample.cycle.id, ' H1   2027 ', AT)).rejects.toThrow('There is already a cycle named “H1 2027”.');
    expect(await db.cycles.count()).toBe(2);
    // Its own name again (a rename that changes only the case) is fine.
    await renameCycle(db, first.id, 'h1 2027', AT);
    expect((await db.cycles.get(first.id))?.name).toBe('h1 2027');
  });

  it('keeps the evidence window within the cycle: it ends by the closing day, and says so', () => {
    const input = { name: 'H1 2027', opensOn: '2026-12-01', closesOn: '2026-12-20', frameworkVersionId: 'f', evidenceFrom: '2027-01-01', evidenceTo: '2027-06-30' };
    expect(cycleProblems(input).evidenceTo).toBe(`The window must end by the day the cycle closes (${formatDate('2026-12-20')}): evidence after that comes too late for this cycle's committee.`);
    expect(cycleProblems({ ...input, evidenceFrom: '2026-01-01', evidenceTo: '2027-03-31' }).evidenceTo).toContain('must end by the day the cycle closes');
    expect(cycleProblems({ ...input, evidenceFrom: '2026-01-01', evidenceTo: '2026-12-20' })).toEqual({});
    expect(cycleProblems({ ...input, evidenceFrom: '2026-06-01', evidenceTo: '2026-05-01' }).evidenceTo).toBe('The window cannot end before it starts.');
    // Opening and closing on one day is allowed; the message says what is refused.
    expect(cycleProblems({ ...input, closesOn: '2026-12-01', evidenceFrom: '2026-01-01', evidenceTo: '2026-12-01' })).toEqual({});
    expect(cycleProblems({ ...input, closesOn: '2026-11-30', evidenceFrom: '2026-01-01', evidenceTo: '2026-11-30' }).closesOn).toBe('The cycle cannot close before it opens.');
  });

  it('deletes a cycle with its candidates, evidence, packets and sessions (finalized ones named) in one audited command', async () => {
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 3 });
    await loadSampleCycle(db, sample);
    const members = [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' as const }];
    await createSession(db, { cycleId: sample.cycle.id, name: 'Week 1', members, candidateIds: sample.candidates.map((c) => c.id), orderMode: 'by-level', timeboxMinutes: 8, blind: false }, AT);
    const sessions = sample.sessions.length + 1;
    const contents = await cycleContents(db, sample.cycle.id);
    expect(contents).toEqual({
      candidates: 3,
      evidence: sample.evidence.length,
      packets: sample.packets.length,
      sessions,
      finalized: sample.sessions.filter((s) => s.status === 'finalized').map((s) => s.name),
    });
    expect(contents.finalized).toHaveLength(1);
    expect(contentsText(contents)).toBe(`3 candidates, ${sample.evidence.length} evidence items, ${sample.packets.length} packets and ${sessions} calibration sessions`);
    const auditBefore = await db.audit.count();

    await deleteCycle(db, sample.cycle.id, AT);
    for (const table of [db.cycles, db.candidates, db.evidence, db.packets, db.sessions, db.votes, db.decisions, db.coverage] as const) expect(await table.count()).toBe(0);
    expect((await db.meta.get(ACTIVE_CYCLE_KEY))?.value).toBeNull();
    expect(await db.audit.count()).toBe(auditBefore + 1);
    expect((await verifyAudit(db)).ok).toBe(true);
  });
});
