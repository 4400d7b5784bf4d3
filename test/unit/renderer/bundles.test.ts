import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBundle, openBundle } from '../../../shared/exchange/bundle-format';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { bundleContentFor, bundleExportFor, importBundle, previewBundleImport } from '../../../renderer/db/bundles';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { storedRows } from '../../fixtures/db/coverage-rows';

const AT = '2026-11-20T12:00:00.000Z';
let source: LevelsetDatabase;
let target: LevelsetDatabase;
let n = 0;
beforeEach(async () => {
  source = new LevelsetDatabase(`bundle-src-${++n}`);
  target = new LevelsetDatabase(`bundle-dst-${n}`);
  await Promise.all([source.open(), target.open()]);
});
afterEach(async () => {
  await Promise.all([source.delete(), target.delete()]);
});

async function exportSome(count: number) {
  const sample = generateSampleCycle(ic0M3Levels, { candidates: 8 });
  await loadSampleCycle(source, sample);
  const chosen = sample.packets.slice(0, count).map((p) => p.id);
  const content = await bundleContentFor(source, sample.cycle.id, chosen);
  return { sample, chosen, text: await createBundle(content, { createdAt: AT, appVersion: 'test' }) };
}

describe('bundles between two databases', () => {
  it('carry the exporting machine\'s trail head, which the other machine can compare with later', async () => {
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 3 });
    await loadSampleCycle(source, sample, AT);
    const { content, trailHead: head } = await bundleExportFor(source, sample.cycle.id, [sample.packets[0]!.id]);
    const entries = await source.audit.toArray();
    // One entry so far (the sample load): the head is it, naming the computer whose trail it is (the entry's device),
    // so another computer comparing the bundle says it is not its own trail rather than that entries were removed.
    expect(head).toEqual({ count: 1, hash: entries[0]!.hash, at: entries[0]!.at, deviceId: entries[0]!.deviceId });
    const opened = await openBundle(await createBundle(content, { createdAt: AT, appVersion: 'test', trailHead: head }));
    expect(opened.ok && opened.summary.trailHead).toEqual(head);
  });

  it('round-trips packets with their candidates, evidence and framework version', async () => {
    const { sample, chosen, text } = await exportSome(3);
    const opened = await openBundle(text);
    if (!opened.ok) throw new Error(opened.error.message);

    const preview = await previewBundleImport(target, opened.content);
    expect(preview.add.packets).toHaveLength(3);
    expect(preview.frameworksImported.map((f) => f.id)).toEqual([sample.framework.id]);
    expect(await target.packets.count()).toBe(0);

    await importBundle(target, opened.content, AT);
    for (const id of chosen) expect(await target.packets.get(id)).toEqual(await source.packets.get(id));
    const candidateIds = sample.packets.slice(0, 3).map((p) => p.candidateId);
    for (const id of candidateIds) {
      expect(await target.candidates.get(id)).toEqual(await source.candidates.get(id));
      expect(await target.evidence.where('candidateId').equals(id).sortBy('id')).toEqual(await source.evidence.where('candidateId').equals(id).sortBy('id'));
      expect(await storedRows(target, { candidateId: id })).toEqual(await storedRows(source, { candidateId: id }));
    }
    expect(await target.frameworks.get(sample.framework.id)).toEqual(await source.frameworks.get(sample.framework.id));
  });

  it('importing the same bundle twice changes nothing the second time', async () => {
    const { text } = await exportSome(2);
    const opened = await openBundle(text);
    if (!opened.ok) throw new Error(opened.error.message);
    await importBundle(target, opened.content, AT);
    const again = await previewBundleImport(target, opened.content);
    expect(again.add.packets.length + again.update.packets.length + again.add.candidates.length + again.update.candidates.length).toBe(0);
    // Nor does it report rows as differing: what the import stored reads back as the bundle's rows, here and on the
    // machine that exported them.
    expect(again.keptOwn).toEqual([]);
    expect((await previewBundleImport(source, opened.content)).keptOwn).toEqual([]);
  });

  it('leaves the database as it was when a write fails part-way', async () => {
    const { text } = await exportSome(4);
    const opened = await openBundle(text);
    if (!opened.ok) throw new Error(opened.error.message);
    const failing = vi.spyOn(target.packets, 'bulkPut').mockRejectedValueOnce(new Error('QuotaExceededError: disk full'));
    await expect(importBundle(target, opened.content, AT)).rejects.toThrow('disk full');
    failing.mockRestore();
    for (const table of [target.frameworks, target.cycles, target.candidates, target.evidence, target.packets, target.coverage]) {
      expect(await table.count()).toBe(0);
    }
  });
});

describe('a framework version made on another machine', () => {
  it('arrives beside this database\'s version of the same number, under the next number, never as a second "v2"', async () => {
    const { moveCycleToVersion, startNextFrameworkVersion } = await import('../../../renderer/db/framework-versions');
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 4, submitNone: true });
    await loadSampleCycle(source, sample, AT);
    await loadSampleCycle(target, sample, AT);
    // Each machine starts its own v2 of the ladder; the manager's cycle moves to theirs.
    const theirs = await startNextFrameworkVersion(source, sample.framework.id, AT);
    const ours = await startNextFrameworkVersion(target, sample.framework.id, AT);
    expect([theirs.version, ours.version]).toEqual([2, 2]);
    await moveCycleToVersion(source, sample.cycle.id, theirs.id, '2026-11-21T12:00:00.000Z');
    const content = await bundleContentFor(source, sample.cycle.id, sample.packets.slice(0, 2).map((p) => p.id));
    const opened = await openBundle(await createBundle(content, { createdAt: AT, appVersion: 'test' }));
    if (!opened.ok) throw new Error(opened.error.message);

    const preview = await previewBundleImport(target, opened.content);
    expect(preview.frameworksImported).toEqual([expect.objectContaining({ id: theirs.id, version: 3 })]);
    expect(preview.notes.join(' ')).toMatch(/bundle's version 2 of the framework "[^"]+" was made on another machine.*kept beside it as version 3/);
    await importBundle(target, opened.content, AT);
    const lineage = await target.frameworks.where('lineageId').equals(sample.framework.lineageId).toArray();
    expect(lineage.map((f) => [f.id, f.version]).sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual([
      [sample.framework.id, 1],
      [ours.id, 2],
      [theirs.id, 3],
    ]);
    // The cycle pins the manager's version by id, as on their machine; only its number here differs.
    expect((await target.cycles.get(sample.cycle.id))!.frameworkVersionId).toBe(theirs.id);
    const stored = (await target.frameworks.get(theirs.id))!;
    const sent = (await source.frameworks.get(theirs.id))!;
    expect({ ...stored, version: 2, updatedAt: sent.updatedAt }).toEqual(sent);
  });
});

describe('a bundle whose cycle was created separately under the same name', () => {
  it('says before importing that it adds a second cycle of that name, whose packets no session here can review with this one’s', async () => {
    const here = generateSampleCycle(ic0M3Levels, { seed: 2026, candidates: 3 });
    const there = generateSampleCycle(ic0M3Levels, { seed: 11, candidates: 3 });
    expect(there.cycle.id).not.toBe(here.cycle.id);
    await loadSampleCycle(target, here, AT);
    await loadSampleCycle(source, { ...there, cycle: { ...there.cycle, name: ` ${here.cycle.name.toUpperCase()}` } }, AT);
    const content = await bundleContentFor(source, there.cycle.id, [there.packets[0]!.id]);
    const opened = await openBundle(await createBundle(content, { createdAt: AT, appVersion: 'test' }));
    if (!opened.ok) throw new Error(opened.error.message);
    const preview = await previewBundleImport(target, opened.content);
    expect(preview.add.cycles).toHaveLength(1);
    expect(preview.notes.join('\n')).toContain(`This database already has a cycle named "${here.cycle.name}", and the bundle's is another cycle of that name`);
    // The same cycle again (a second bundle of it) is no namesake.
    await importBundle(target, opened.content, AT);
    expect((await previewBundleImport(target, opened.content)).notes.join('\n')).not.toContain('already has a cycle named');
  });
});

describe('the evidence a bundle carries', () => {
  it('is the submitted revision’s frozen evidence for a submitted packet, not edits made after it; a draft’s live log', async () => {
    const { updateEvidence, deleteEvidence } = await import('../../../renderer/db/evidence');
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 8 });
    await loadSampleCycle(source, sample, AT);
    const submitted = sample.packets.find((p) => p.status === 'submitted' && (p.snapshot?.evidence.length ?? 0) >= 2)!;
    const draft = sample.packets.find((p) => p.status === 'draft' && sample.evidence.some((e) => e.candidateId === p.candidateId))!;
    const [renamed, removed] = submitted.snapshot!.evidence;
    // After submitting: one item renamed, another deleted, on the manager's machine.
    const { id: _id, candidateId: _c, cycleId: _y, createdAt: _a, updatedAt: _u, ...input } = (await source.evidence.get(renamed!.id))!;
    await updateEvidence(source, renamed!.id, { ...input, title: `${renamed!.title} (CHANGED AFTER SUBMIT)` }, '2026-11-21T09:00:00.000Z');
    await deleteEvidence(source, removed!.id, '2026-11-21T09:05:00.000Z');
    const draftItem = sample.evidence.find((e) => e.candidateId === draft.candidateId)!;
    const { id: _d, candidateId: _dc, cycleId: _dy, createdAt: _da, updatedAt: _du, ...draftInput } = draftItem;
    await updateEvidence(source, draftItem.id, { ...draftInput, title: `${draftItem.title} (edited in the draft)` }, '2026-11-21T09:10:00.000Z');

    const content = await bundleContentFor(source, sample.cycle.id, [submitted.id, draft.id]);
    const sent = (candidateId: string) => content.evidence.filter((e) => e.candidateId === candidateId).sort((a, b) => a.id.localeCompare(b.id));
    // The case's items as frozen, and the log's items no case cites (linked to no criterion of the target level).
    const targetCriteria = new Set(sample.framework.criteria.filter((c) => c.levelId === submitted.snapshot!.targetLevelId).map((c) => c.id));
    const frozenIds = new Set(submitted.snapshot!.evidence.map((e) => e.id));
    const uncited = (await source.evidence.where('candidateId').equals(submitted.candidateId).toArray()).filter((e) => !frozenIds.has(e.id) && !e.criterionIds.some((c) => targetCriteria.has(c)));
    expect(sent(submitted.candidateId)).toEqual([...submitted.snapshot!.evidence, ...uncited].sort((a, b) => a.id.localeCompare(b.id)));
    expect(sent(draft.candidateId)).toEqual((await source.evidence.where('candidateId').equals(draft.candidateId).toArray()).sort((a, b) => a.id.localeCompare(b.id)));
    expect(sent(draft.candidateId).map((e) => e.title)).toContain(`${draftItem.title} (edited in the draft)`);

    // The committee's copy of the candidate then agrees with the packet it reviews.
    const opened = await openBundle(await createBundle(content, { createdAt: AT, appVersion: 'test' }));
    if (!opened.ok) throw new Error(opened.error.message);
    await importBundle(target, opened.content, AT);
    const titles = (await target.evidence.where('candidateId').equals(submitted.candidateId).toArray()).map((e) => e.title);
    expect(titles).toContain(renamed!.title);
    expect(titles).toContain(removed!.title);
    expect(titles.some((t) => t.includes('CHANGED AFTER SUBMIT'))).toBe(false);
  });
});
