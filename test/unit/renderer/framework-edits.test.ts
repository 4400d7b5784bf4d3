/**
 * Framework edits in storage (fake-indexeddb): edits persist, undo restores
 * the previous document, the undo stack is capped and grouped, and
 * read-only frameworks are refused with nothing written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FrameworkSchema, type Framework } from '../../../shared/domain/framework';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { applyEdit, createBlankFramework } from '../../../shared/frameworks/edit-ops';
import { materializeBuiltIn } from '../../../shared/frameworks/materialize';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { UNDO_LIMIT, canUndo, createFramework, duplicateFrameworkInDb, editFramework, nextUndo, undoFrameworkEdit, undoKey } from '../../../renderer/db/framework-edits';

const T0 = '2026-01-01T00:00:00.000Z';
let db: LevelsetDatabase;
let counter = 0;

beforeEach(async () => {
  db = new LevelsetDatabase(`framework-edits-test-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

function editable(id = 'fw'): Framework {
  let f = createBlankFramework(id, `${id}-lineage`, 'Ladder', T0);
  f = applyEdit(f, { type: 'add-track', track: { id: 'ic', name: 'IC', kind: 'ic' } }, T0);
  f = applyEdit(f, { type: 'add-level', level: { id: 'ic1', trackId: 'ic', code: 'IC1', title: 'Engineer' } }, T0);
  return applyEdit(f, { type: 'add-criterion', criterion: { id: 'c1', levelId: 'ic1', text: 'Ships small changes every week.' } }, T0);
}

const stackSize = async (id: string) => ((await db.meta.get(undoKey(id)))?.value as { entries: unknown[] } | undefined)?.entries.length ?? 0;

describe('editFramework', () => {
  it('stores the edited document and can undo it', async () => {
    await db.frameworks.put(editable());
    expect(await canUndo(db, 'fw')).toBe(false);
    const returned = await editFramework(db, 'fw', { type: 'update-criterion', criterionId: 'c1', patch: { text: 'Ships reviewed changes every week.' } });
    const stored = await db.frameworks.get('fw');
    expect(stored).toEqual(returned);
    expect(stored!.criteria[0]!.text).toBe('Ships reviewed changes every week.');
    expect(stored!.updatedAt > T0).toBe(true);
    expect(await canUndo(db, 'fw')).toBe(true);
  });

  it('undo restores the previous document (with a new updatedAt), pops the stack and says what it took back', async () => {
    const original = editable();
    await db.frameworks.put(original);
    await editFramework(db, 'fw', { type: 'rename-framework', name: 'First' });
    const afterFirst = await db.frameworks.get('fw');
    await editFramework(db, 'fw', { type: 'remove-level', levelId: 'ic1' });
    expect((await db.frameworks.get('fw'))!.levels).toEqual([]);
    // Named from the document before the edit: the removed level still has its code.
    expect(await nextUndo(db, 'fw')).toBe('removing level IC1');

    const later = '2030-01-01T00:00:00.000Z';
    expect(await undoFrameworkEdit(db, 'fw', later)).toBe('removing level IC1');
    expect(await db.frameworks.get('fw')).toEqual({ ...afterFirst, updatedAt: later });
    expect(await nextUndo(db, 'fw')).toBe('the framework’s name');
    expect(await undoFrameworkEdit(db, 'fw', later)).toBe('the framework’s name');
    expect(await db.frameworks.get('fw')).toEqual({ ...original, updatedAt: later });
    expect(await undoFrameworkEdit(db, 'fw')).toBeNull();
    expect(await nextUndo(db, 'fw')).toBeNull();
    expect(await canUndo(db, 'fw')).toBe(false);
  });

  it('undoes a stack stored before edits were named, calling its steps "the last change"', async () => {
    const original = editable();
    await db.frameworks.put({ ...original, name: 'Renamed' });
    await db.meta.put({ key: undoKey('fw'), value: { entries: [original], openGroup: null } });
    expect(await nextUndo(db, 'fw')).toBe('the last change');
    expect(await undoFrameworkEdit(db, 'fw')).toBe('the last change');
    expect((await db.frameworks.get('fw'))!.name).toBe(original.name);
  });

  it('keeps only the last UNDO_LIMIT documents', async () => {
    await db.frameworks.put(editable());
    for (let i = 1; i <= UNDO_LIMIT + 5; i++) await editFramework(db, 'fw', { type: 'rename-framework', name: `Name ${i}` });
    expect(await stackSize('fw')).toBe(UNDO_LIMIT);
    let undone = 0;
    while ((await undoFrameworkEdit(db, 'fw')) !== null) undone++;
    expect(undone).toBe(UNDO_LIMIT);
    // The oldest reachable state is the one before edit 6.
    expect((await db.frameworks.get('fw'))!.name).toBe('Name 5');
  });

  it('collapses consecutive edits of one group into one undo step', async () => {
    await db.frameworks.put(editable());
    for (const name of ['L', 'La', 'Lad']) await editFramework(db, 'fw', { type: 'rename-framework', name }, { group: 'name#1' });
    await editFramework(db, 'fw', { type: 'describe-framework', description: 'd' }, { group: 'description#2' });
    await editFramework(db, 'fw', { type: 'rename-framework', name: 'Ladd' }, { group: 'name#1' });
    expect(await stackSize('fw')).toBe(3);
    await undoFrameworkEdit(db, 'fw');
    expect((await db.frameworks.get('fw'))!.name).toBe('Lad');
    // After an undo, the same group starts a new step.
    await editFramework(db, 'fw', { type: 'describe-framework', description: 'de' }, { group: 'description#2' });
    await undoFrameworkEdit(db, 'fw');
    expect((await db.frameworks.get('fw'))!.description).toBe('d');
    await undoFrameworkEdit(db, 'fw');
    expect((await db.frameworks.get('fw'))).toMatchObject({ name: 'Lad', description: '' });
    await undoFrameworkEdit(db, 'fw');
    expect((await db.frameworks.get('fw'))!.name).toBe('Ladder');
  });

  it('refuses frozen and built-in frameworks and writes nothing', async () => {
    const frozen = { ...editable('frozen'), frozen: true };
    const builtIn = materializeBuiltIn(ic0M3Levels, T0);
    await db.frameworks.bulkPut([frozen, builtIn]);
    await expect(editFramework(db, 'frozen', { type: 'rename-framework', name: 'x' })).rejects.toThrow(/pinned by a cycle: create a new version to edit/);
    await expect(editFramework(db, builtIn.id, { type: 'rename-framework', name: 'x' })).rejects.toThrow(/duplicate/);
    expect(await db.frameworks.get('frozen')).toEqual(frozen);
    expect(await db.frameworks.get(builtIn.id)).toEqual(builtIn);
    expect(await db.meta.count()).toBe(0);
  });

  it('writes nothing when the edit is refused', async () => {
    await db.frameworks.put(editable());
    await expect(editFramework(db, 'fw', { type: 'add-equivalence', equivalence: { id: 'e', levelIds: ['ic1', 'ic1'] } })).rejects.toThrow(/two different levels/);
    await expect(editFramework(db, 'missing', { type: 'rename-framework', name: 'x' })).rejects.toThrow(/No framework/);
    expect(await db.frameworks.get('fw')).toEqual(editable());
    expect(await canUndo(db, 'fw')).toBe(false);
  });

  it('writes nothing for an edit that leaves the document as it was: no undo step that would take back nothing, no audit entry', async () => {
    // The examples field sends its lines as typed: Enter after the last example sends the same list again.
    await db.frameworks.put(editable());
    await editFramework(db, 'fw', { type: 'update-criterion', criterionId: 'c1', patch: { examples: ['Fixes a flaky test.'] } }, { group: 'examples#1' });
    const before = await db.frameworks.get('fw');
    const audit = await db.audit.count();
    const returned = await editFramework(db, 'fw', { type: 'update-criterion', criterionId: 'c1', patch: { examples: ['Fixes a flaky test.'] } }, { group: 'examples#2', at: '2026-02-01T00:00:00.000Z' });
    await editFramework(db, 'fw', { type: 'rename-framework', name: 'Ladder' }, { at: '2026-02-01T00:00:00.000Z' });
    expect(returned).toEqual(before);
    expect(await db.frameworks.get('fw')).toEqual(before);
    expect(await db.audit.count()).toBe(audit);
    expect(await stackSize('fw')).toBe(1);
    // So Undo takes back the edit that changed something.
    expect(await nextUndo(db, 'fw')).toMatch(/example/i);
  });

  it('will not undo into a version that has since been pinned', async () => {
    await db.frameworks.put(editable());
    await editFramework(db, 'fw', { type: 'rename-framework', name: 'Edited' });
    await db.frameworks.update('fw', { frozen: true });
    await expect(undoFrameworkEdit(db, 'fw')).rejects.toThrow(/pinned/);
    expect((await db.frameworks.get('fw'))!.name).toBe('Edited');
  });
});

describe('createFramework and duplicateFrameworkInDb', () => {
  it('creates an untitled framework with one track and one level', async () => {
    const id = await createFramework(db);
    const f = FrameworkSchema.parse(await db.frameworks.get(id));
    expect(f).toMatchObject({ name: 'Untitled framework', version: 1, builtIn: false, frozen: false });
    expect(f.tracks.map((t) => t.name)).toEqual(['Individual contributor']);
    expect(f.levels).toHaveLength(1);
    expect(f.levels[0]!.trackId).toBe(f.tracks[0]!.id);
    expect(f.lineageId).not.toBe(f.id);
  });

  it('duplicates a built-in framework into a new editable lineage', async () => {
    const builtIn = materializeBuiltIn(ic0M3Levels, T0, { frozen: true });
    await db.frameworks.put(builtIn);
    const id = await duplicateFrameworkInDb(db, builtIn.id);
    const copy = FrameworkSchema.parse(await db.frameworks.get(id));
    expect(copy).toMatchObject({ name: `${builtIn.name} (copy)`, builtIn: false, frozen: false, version: 1 });
    expect(copy.lineageId).not.toBe(builtIn.lineageId);
    expect(copy.criteria).toHaveLength(builtIn.criteria.length);
    await editFramework(db, id, { type: 'rename-framework', name: 'Ours' });
    expect((await db.frameworks.get(id))!.name).toBe('Ours');
    expect(await db.frameworks.get(builtIn.id)).toEqual(builtIn);
    await expect(duplicateFrameworkInDb(db, 'missing')).rejects.toThrow(/No framework/);
  });
});
