/**
 * Framework edit operations: each operation, the cascades of removals, the
 * renumbering of level order, refusals, immutability, and duplication with
 * every id replaced.
 */
import { describe, expect, it } from 'vitest';
import { FrameworkSchema, criteriaOfLevel, levelsOfTrack, type Framework } from '../../../shared/domain/framework';
import { builtInFrameworks, ic0M3Levels } from '../../../shared/frameworks/builtin';
import { applyEdit, createBlankFramework, duplicateFramework, type FrameworkEdit } from '../../../shared/frameworks/edit-ops';
import { materializeBuiltIn } from '../../../shared/frameworks/materialize';

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-02-01T00:00:00.000Z';

/** Two tracks (IC1–IC3, M1–M2), two competencies, criteria on IC1/IC2/M1, IC3 ≈ M1, a role on IC2 and IC3. */
function fixture(): Framework {
  let f = createBlankFramework('fw', 'lineage', 'Test ladder', T0);
  const edits: FrameworkEdit[] = [
    { type: 'add-track', track: { id: 'ic', name: 'Individual contributor', kind: 'ic' } },
    { type: 'add-track', track: { id: 'm', name: 'Manager', kind: 'manager' } },
    { type: 'add-level', level: { id: 'ic1', trackId: 'ic', code: 'IC1', title: 'Engineer' } },
    { type: 'add-level', level: { id: 'ic2', trackId: 'ic', code: 'IC2', title: 'Senior engineer' } },
    { type: 'add-level', level: { id: 'ic3', trackId: 'ic', code: 'IC3', title: 'Staff engineer' } },
    { type: 'add-level', level: { id: 'm1', trackId: 'm', code: 'M1', title: 'Manager' } },
    { type: 'add-level', level: { id: 'm2', trackId: 'm', code: 'M2', title: 'Senior manager' } },
    { type: 'add-competency', competency: { id: 'code', name: 'Code' } },
    { type: 'add-competency', competency: { id: 'people', name: 'People' } },
    { type: 'add-criterion', criterion: { id: 'c1', levelId: 'ic1', competencyId: 'code', text: 'Ships small reviewed changes every week.' } },
    { type: 'add-criterion', criterion: { id: 'c2', levelId: 'ic2', competencyId: 'code', text: 'Designs a component other teams depend on.' } },
    { type: 'add-criterion', criterion: { id: 'c3', levelId: 'ic2', competencyId: 'people', text: 'Mentors two engineers through their first quarter.' } },
    { type: 'add-criterion', criterion: { id: 'c4', levelId: 'm1', competencyId: 'people', text: 'Runs weekly one-to-ones with every report.' } },
    { type: 'add-criterion', criterion: { id: 'c5', levelId: 'ic2', text: 'Leads the incident review for an outage.' } },
    { type: 'add-equivalence', equivalence: { id: 'eq', levelIds: ['ic3', 'm1'] } },
  ];
  for (const edit of edits) f = applyEdit(f, edit, T0);
  return { ...f, roles: [{ id: 'lead', name: 'Team lead', description: '', levelIds: ['ic2', 'ic3'] }] };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const codes = (f: Framework, trackId: string) => levelsOfTrack(f, trackId).map((l) => `${l.code}:${l.order}`);

describe('applyEdit', () => {
  it('builds a valid framework from edits', () => {
    const f = fixture();
    expect(() => FrameworkSchema.parse(f)).not.toThrow();
    expect(codes(f, 'ic')).toEqual(['IC1:0', 'IC2:1', 'IC3:2']);
    expect(codes(f, 'm')).toEqual(['M1:0', 'M2:1']);
  });

  it('never mutates its input and stamps updatedAt', () => {
    const f = deepFreeze(fixture());
    const before = JSON.stringify(f);
    const all: FrameworkEdit[] = [
      { type: 'rename-framework', name: 'New name' },
      { type: 'describe-framework', description: 'Why' },
      { type: 'update-track', trackId: 'ic', patch: { name: 'Engineering' } },
      { type: 'move-track', trackId: 'm', direction: 'up' },
      { type: 'remove-track', trackId: 'm' },
      { type: 'update-level', levelId: 'ic2', patch: { title: 'Senior', notYet: ['a'] } },
      { type: 'move-level', levelId: 'ic1', direction: 'down' },
      { type: 'remove-level', levelId: 'ic2' },
      { type: 'update-competency', competencyId: 'code', patch: { name: 'Craft' } },
      { type: 'remove-competency', competencyId: 'code' },
      { type: 'update-criterion', criterionId: 'c1', patch: { text: 'Changed', examples: ['x'] } },
      { type: 'move-criterion', criterionId: 'c3', direction: 'up' },
      { type: 'remove-criterion', criterionId: 'c1' },
      { type: 'add-equivalence', equivalence: { id: 'eq2', levelIds: ['ic2', 'm2'] } },
      { type: 'remove-equivalence', equivalenceId: 'eq' },
    ];
    for (const edit of all) {
      const next = applyEdit(f, edit, T1);
      expect(next).not.toBe(f);
      expect(next.updatedAt).toBe(T1);
      expect(JSON.stringify(f)).toBe(before);
    }
  });

  it('renames and describes the framework', () => {
    const f = applyEdit(applyEdit(fixture(), { type: 'rename-framework', name: 'Ladder 2' }, T1), { type: 'describe-framework', description: 'Adapted' }, T1);
    expect([f.name, f.description]).toEqual(['Ladder 2', 'Adapted']);
  });

  it('adds, updates and moves tracks', () => {
    let f = applyEdit(fixture(), { type: 'add-track', track: { id: 'arch', name: 'Architecture', kind: 'architecture' } }, T1);
    expect(f.tracks.map((t) => t.id)).toEqual(['ic', 'm', 'arch']);
    expect(f.tracks[2]!.description).toBe('');
    f = applyEdit(f, { type: 'update-track', trackId: 'arch', patch: { name: 'Architects', kind: 'other' } }, T1);
    expect(f.tracks[2]).toMatchObject({ id: 'arch', name: 'Architects', kind: 'other' });
    f = applyEdit(f, { type: 'move-track', trackId: 'arch', direction: 'up' }, T1);
    expect(f.tracks.map((t) => t.id)).toEqual(['ic', 'arch', 'm']);
    f = applyEdit(f, { type: 'move-track', trackId: 'ic', direction: 'up' }, T1);
    expect(f.tracks.map((t) => t.id)).toEqual(['ic', 'arch', 'm']);
  });

  it('removing a track removes its levels, their criteria, equivalences and role links', () => {
    const f = applyEdit(fixture(), { type: 'remove-track', trackId: 'm' }, T1);
    expect(f.tracks.map((t) => t.id)).toEqual(['ic']);
    expect(f.levels.map((l) => l.id)).toEqual(['ic1', 'ic2', 'ic3']);
    expect(f.criteria.map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c5']);
    expect(f.equivalences).toEqual([]);
  });

  it('adds a level above the most senior one with defaults', () => {
    const f = applyEdit(fixture(), { type: 'add-level', level: { id: 'ic4', trackId: 'ic', code: 'IC4', title: 'Principal' } }, T1);
    const level = f.levels.find((l) => l.id === 'ic4')!;
    expect(level).toMatchObject({ order: 3, summary: '', notYet: [], examples: [], optional: false });
    expect(() => FrameworkSchema.parse(f)).not.toThrow();
  });

  it('updates a level without moving it', () => {
    const f = applyEdit(fixture(), { type: 'update-level', levelId: 'ic2', patch: { code: 'IC2b', scope: 'system', autonomy: 'trusted', notYet: ['Does not yet lead'], optional: true } }, T1);
    expect(f.levels.find((l) => l.id === 'ic2')).toMatchObject({ code: 'IC2b', scope: 'system', autonomy: 'trusted', notYet: ['Does not yet lead'], optional: true, order: 1, trackId: 'ic' });
  });

  it('moves levels within their track and renumbers order 0..n-1', () => {
    let f = applyEdit(fixture(), { type: 'move-level', levelId: 'ic3', direction: 'up' }, T1);
    expect(codes(f, 'ic')).toEqual(['IC1:0', 'IC3:1', 'IC2:2']);
    f = applyEdit(f, { type: 'move-level', levelId: 'ic1', direction: 'down' }, T1);
    expect(codes(f, 'ic')).toEqual(['IC3:0', 'IC1:1', 'IC2:2']);
    // At the ends nothing moves; the other track is untouched.
    f = applyEdit(f, { type: 'move-level', levelId: 'ic2', direction: 'down' }, T1);
    expect(codes(f, 'ic')).toEqual(['IC3:0', 'IC1:1', 'IC2:2']);
    expect(codes(f, 'm')).toEqual(['M1:0', 'M2:1']);
  });

  it('closes gaps in order when a level is moved or removed', () => {
    const gappy = { ...fixture(), levels: fixture().levels.map((l) => (l.trackId === 'ic' ? { ...l, order: l.order * 10 } : l)) };
    const moved = applyEdit(gappy, { type: 'move-level', levelId: 'ic2', direction: 'up' }, T1);
    expect(codes(moved, 'ic')).toEqual(['IC2:0', 'IC1:1', 'IC3:2']);
  });

  it('removing a level removes its criteria, equivalences naming it, role links, and renumbers its track', () => {
    const f = applyEdit(fixture(), { type: 'remove-level', levelId: 'ic2' }, T1);
    expect(codes(f, 'ic')).toEqual(['IC1:0', 'IC3:1']);
    expect(f.criteria.map((c) => c.id)).toEqual(['c1', 'c4']);
    expect(f.roles[0]!.levelIds).toEqual(['ic3']);
    expect(f.equivalences.map((e) => e.id)).toEqual(['eq']);
    const g = applyEdit(f, { type: 'remove-level', levelId: 'm1' }, T1);
    expect(g.equivalences).toEqual([]);
    expect(codes(g, 'm')).toEqual(['M2:0']);
  });

  it('adds, updates and removes competencies; removing one keeps its criteria without a competency', () => {
    let f = applyEdit(fixture(), { type: 'add-competency', competency: { id: 'impact', name: 'Impact' } }, T1);
    expect(f.competencies.map((c) => c.id)).toEqual(['code', 'people', 'impact']);
    f = applyEdit(f, { type: 'update-competency', competencyId: 'impact', patch: { description: 'What changed' } }, T1);
    expect(f.competencies[2]).toEqual({ id: 'impact', name: 'Impact', description: 'What changed' });
    f = applyEdit(f, { type: 'remove-competency', competencyId: 'people' }, T1);
    expect(f.competencies.map((c) => c.id)).toEqual(['code', 'impact']);
    expect(f.criteria.map((c) => [c.id, c.competencyId])).toEqual([
      ['c1', 'code'],
      ['c2', 'code'],
      ['c3', null],
      ['c4', null],
      ['c5', null],
    ]);
  });

  it('adds criteria after their level’s others, updates and removes them', () => {
    let f = applyEdit(fixture(), { type: 'add-criterion', criterion: { id: 'c6', levelId: 'ic1' } }, T1);
    expect(criteriaOfLevel(f, 'ic1').map((c) => c.id)).toEqual(['c1', 'c6']);
    expect(f.criteria.find((c) => c.id === 'c6')).toEqual({ id: 'c6', levelId: 'ic1', competencyId: null, text: '', examples: [] });
    f = applyEdit(f, { type: 'update-criterion', criterionId: 'c6', patch: { text: 'Writes tests first.', competencyId: 'code', examples: ['TDD kata'] } }, T1);
    expect(f.criteria.find((c) => c.id === 'c6')).toMatchObject({ text: 'Writes tests first.', competencyId: 'code', examples: ['TDD kata'] });
    f = applyEdit(f, { type: 'update-criterion', criterionId: 'c6', patch: { competencyId: null } }, T1);
    expect(f.criteria.find((c) => c.id === 'c6')!.competencyId).toBeNull();
    f = applyEdit(f, { type: 'remove-criterion', criterionId: 'c6' }, T1);
    expect(f.criteria.some((c) => c.id === 'c6')).toBe(false);
  });

  it('moves a criterion among its own level’s criteria only', () => {
    const f = fixture();
    // IC2 holds c2, c3, c5 (c4 of M1 sits between c3 and c5 in the array).
    let g = applyEdit(f, { type: 'move-criterion', criterionId: 'c5', direction: 'up' }, T1);
    expect(criteriaOfLevel(g, 'ic2').map((c) => c.id)).toEqual(['c2', 'c5', 'c3']);
    expect(g.criteria.map((c) => c.id)).toEqual(['c1', 'c2', 'c5', 'c4', 'c3']);
    g = applyEdit(g, { type: 'move-criterion', criterionId: 'c2', direction: 'up' }, T1);
    expect(criteriaOfLevel(g, 'ic2').map((c) => c.id)).toEqual(['c2', 'c5', 'c3']);
    g = applyEdit(g, { type: 'move-criterion', criterionId: 'c2', direction: 'down' }, T1);
    expect(criteriaOfLevel(g, 'ic2').map((c) => c.id)).toEqual(['c5', 'c2', 'c3']);
    expect(criteriaOfLevel(g, 'ic1').map((c) => c.id)).toEqual(['c1']);
  });

  it('adds and removes equivalences between tracks', () => {
    let f = applyEdit(fixture(), { type: 'add-equivalence', equivalence: { id: 'eq2', levelIds: ['m2', 'ic3'] } }, T1);
    expect(f.equivalences.at(-1)).toEqual({ id: 'eq2', levelIds: ['m2', 'ic3'], note: '' });
    f = applyEdit(f, { type: 'remove-equivalence', equivalenceId: 'eq' }, T1);
    expect(f.equivalences.map((e) => e.id)).toEqual(['eq2']);
  });

  it('refuses equivalences on one track, of a level with itself, or listed twice', () => {
    const f = fixture();
    expect(() => applyEdit(f, { type: 'add-equivalence', equivalence: { id: 'x', levelIds: ['ic1', 'ic2'] } }, T1)).toThrow(/same track/);
    expect(() => applyEdit(f, { type: 'add-equivalence', equivalence: { id: 'x', levelIds: ['ic1', 'ic1'] } }, T1)).toThrow(/two different levels/);
    expect(() => applyEdit(f, { type: 'add-equivalence', equivalence: { id: 'x', levelIds: ['m1', 'ic3'] } }, T1)).toThrow(/already listed/);
    expect(() => applyEdit(f, { type: 'add-equivalence', equivalence: { id: 'x', levelIds: ['ic1', 'nope'] } }, T1)).toThrow(/No level/);
  });

  it('refuses unknown rows and reused ids', () => {
    const f = fixture();
    expect(() => applyEdit(f, { type: 'update-level', levelId: 'nope', patch: { title: 'x' } }, T1)).toThrow(/No level with id "nope"/);
    expect(() => applyEdit(f, { type: 'remove-track', trackId: 'nope' }, T1)).toThrow(/No track/);
    expect(() => applyEdit(f, { type: 'add-level', level: { id: 'x', trackId: 'nope', code: 'X', title: 'X' } }, T1)).toThrow(/No track/);
    expect(() => applyEdit(f, { type: 'add-criterion', criterion: { id: 'c1', levelId: 'ic1' } }, T1)).toThrow(/already used/);
    expect(() => applyEdit(f, { type: 'add-track', track: { id: 'ic1', name: 'Dup', kind: 'other' } }, T1)).toThrow(/already used/);
    expect(() => applyEdit(f, { type: 'update-criterion', criterionId: 'c1', patch: { competencyId: 'nope' } }, T1)).toThrow(/No competency/);
  });

  it('refuses to edit a frozen (pinned) or built-in framework', () => {
    const frozen = { ...fixture(), frozen: true };
    expect(() => applyEdit(frozen, { type: 'rename-framework', name: 'x' }, T1)).toThrow(/pinned by a cycle: create a new version to edit/);
    const builtIn = { ...fixture(), builtIn: true };
    expect(() => applyEdit(builtIn, { type: 'rename-framework', name: 'x' }, T1)).toThrow(/duplicate/);
  });
});

describe('createBlankFramework', () => {
  it('is an empty, editable version 1', () => {
    const f = createBlankFramework('id', 'lin', 'Untitled framework', T0);
    expect(FrameworkSchema.parse(f)).toEqual(f);
    expect(f).toMatchObject({ version: 1, builtIn: false, frozen: false, tracks: [], levels: [], createdAt: T0, updatedAt: T0 });
  });
});

describe('duplicateFramework', () => {
  function allIds(f: Framework): string[] {
    return [f.id, f.lineageId, ...f.tracks, ...f.levels, ...f.competencies, ...f.criteria, ...f.equivalences, ...f.roles].map((x) => (typeof x === 'string' ? x : x.id));
  }
  function counter(prefix: string) {
    let n = 0;
    return () => `${prefix}-${++n}`;
  }

  it.each(builtInFrameworks.map((b) => [b.name, b] as const))('gives %s fresh, consistent ids everywhere', (_name, definition) => {
    const source = deepFreeze(materializeBuiltIn(definition, T0, { frozen: true }));
    const copy = duplicateFramework(source, 'copy', 'copy-lineage', 'My ladder', T1);
    expect(FrameworkSchema.parse(copy)).toEqual(copy);
    expect(copy).toMatchObject({ id: 'copy', lineageId: 'copy-lineage', name: 'My ladder', version: 1, builtIn: false, frozen: false, createdAt: T1, updatedAt: T1 });

    const sourceIds = new Set(allIds(source));
    const copyIds = allIds(copy);
    expect(copyIds.filter((id) => sourceIds.has(id))).toEqual([]);
    expect(new Set(copyIds).size).toBe(copyIds.length);

    const tracks = new Set(copy.tracks.map((t) => t.id));
    const levels = new Set(copy.levels.map((l) => l.id));
    const competencies = new Set(copy.competencies.map((c) => c.id));
    for (const l of copy.levels) expect(tracks.has(l.trackId)).toBe(true);
    for (const c of copy.criteria) {
      expect(levels.has(c.levelId)).toBe(true);
      if (c.competencyId !== null) expect(competencies.has(c.competencyId)).toBe(true);
    }
    for (const e of copy.equivalences) for (const id of e.levelIds) expect(levels.has(id)).toBe(true);
    for (const r of copy.roles) for (const id of r.levelIds) expect(levels.has(id)).toBe(true);

    // Same shape: every level keeps its code, order and track (by position), and its criteria (by text).
    const shape = (f: Framework) => f.levels.map((l) => [l.code, l.order, f.tracks.findIndex((t) => t.id === l.trackId)]);
    expect(shape(copy)).toEqual(shape(source));
    for (const [i, level] of copy.levels.entries()) {
      expect(criteriaOfLevel(copy, level.id).map((c) => c.text)).toEqual(criteriaOfLevel(source, source.levels[i]!.id).map((c) => c.text));
    }
    expect(copy.equivalences.length).toBe(source.equivalences.length);
    expect(copy.roles.length).toBe(source.roles.length);
  });

  it('remaps with a supplied id generator and leaves the copy editable', () => {
    const source = fixture();
    const copy = duplicateFramework(source, 'copy', 'copy-lineage', 'Copy', T1, counter('n'));
    expect(copy.tracks.map((t) => t.id)).toEqual(['n-1', 'n-2']);
    const eq = copy.equivalences[0]!;
    expect(eq.levelIds.map((id) => copy.levels.find((l) => l.id === id)!.code)).toEqual(['IC3', 'M1']);
    expect(copy.roles[0]!.levelIds.map((id) => copy.levels.find((l) => l.id === id)!.code)).toEqual(['IC2', 'IC3']);
    const edited = applyEdit(copy, { type: 'rename-framework', name: 'Edited' }, T1);
    expect(edited.name).toBe('Edited');
    expect(source.name).toBe('Test ladder');
  });

  it('copies a frozen, built-in framework from the seeds', () => {
    const source = materializeBuiltIn(ic0M3Levels, T0, { frozen: true });
    const copy = duplicateFramework(source, 'c', 'l', 'Copy', T1);
    expect(copy.levels).toHaveLength(source.levels.length);
    expect(copy.criteria).toHaveLength(source.criteria.length);
    expect(copy.source).toContain(source.name);
  });
});
