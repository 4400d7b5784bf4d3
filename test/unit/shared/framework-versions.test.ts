import { describe, it, expect } from 'vitest';
import { criteriaOfLevel, type Framework } from '../../../shared/domain/framework';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { materializeBuiltIn } from '../../../shared/frameworks/materialize';
import { compareAdjacentLevels, diffFrameworks, neighbourLevels, nextVersion } from '../../../shared/frameworks/versions';

const AT = '2025-01-01T00:00:00.000Z';
const LATER = '2025-06-01T00:00:00.000Z';
const v1 = materializeBuiltIn(ic0M3Levels, AT, { frozen: true });

function level(fw: Framework, code: string) {
  const found = fw.levels.find((l) => l.code === code);
  if (!found) throw new Error(`no level ${code}`);
  return found;
}

describe('nextVersion', () => {
  const v2 = nextVersion(v1, LATER, 'my-v2');

  it('makes an editable copy in the same lineage with every row id kept', () => {
    expect(v2).toMatchObject({ id: 'my-v2', lineageId: v1.lineageId, version: 2, frozen: false, builtIn: false, createdAt: LATER, updatedAt: LATER });
    expect(v2.criteria.map((c) => c.id)).toEqual(v1.criteria.map((c) => c.id));
    expect(v2.levels.map((l) => l.id)).toEqual(v1.levels.map((l) => l.id));
    expect(diffFrameworks(v1, v2).identical).toBe(true);
  });

  it('never shares arrays with the frozen version', () => {
    const copy = nextVersion(v1, LATER, 'copy');
    copy.criteria[0]?.examples.push('new example');
    copy.levels[0]?.notYet.push('new gap');
    copy.criteria.pop();
    expect(v1.criteria).toHaveLength(v2.criteria.length);
    expect(v1.criteria[0]?.examples).toEqual(v2.criteria[0]?.examples);
    expect(v1.levels[0]?.notYet).toEqual(v2.levels[0]?.notYet);
  });
});

describe('diffFrameworks', () => {
  it('lists added, removed and changed criteria by id, with before and after', () => {
    const v2 = nextVersion(v1, LATER, 'v2');
    const [first, second, third, ...rest] = v2.criteria;
    if (!first || !second || !third) throw new Error('too few criteria');
    const ic1 = level(v2, 'IC1');
    v2.criteria = [
      { ...first, text: `${first.text} Reviewed weekly.` },
      { ...second, levelId: ic1.id, examples: ['moved up'] },
      ...rest,
      { id: 'new-criterion', levelId: ic1.id, competencyId: null, text: 'Writes the runbook for each service they own', examples: [] },
    ];
    const diff = diffFrameworks(v1, v2);
    expect(diff.identical).toBe(false);
    expect(diff.criteria.added.map((c) => c.id)).toEqual(['new-criterion']);
    expect(diff.criteria.removed.map((c) => c.id)).toEqual([third.id]);
    expect(diff.criteria.changed.map((c) => c.id)).toEqual([first.id, second.id]);
    expect(diff.criteria.changed[0]?.changes).toEqual([{ field: 'text', before: first.text, after: `${first.text} Reviewed weekly.` }]);
    expect(diff.criteria.changed[1]?.changes.map((c) => c.field)).toEqual(['levelId', 'examples']);
    expect(diff.criteria.changed[1]?.before.levelId).toBe(second.levelId);
    expect(diff.levels).toEqual({ added: [], removed: [], changed: [] });
  });

  it('lists level and track changes field by field', () => {
    const v2 = nextVersion(v1, LATER, 'v2');
    const ic3 = level(v2, 'IC3');
    v2.levels = v2.levels.map((l) => (l.id === ic3.id ? { ...l, title: 'Senior Engineer II', scope: 'domain', notYet: [...l.notYet, 'Has not yet led a cross-team migration.'] } : l));
    v2.levels.push({ ...ic3, id: 'ic5', code: 'IC5', title: 'Principal', order: 5 });
    v2.tracks = v2.tracks.map((t, i) => (i === 0 ? { ...t, name: 'Engineering' } : t));
    v2.name = 'Renamed';
    const diff = diffFrameworks(v1, v2);
    expect(diff.framework).toEqual([{ field: 'name', before: v1.name, after: 'Renamed' }]);
    expect(diff.levels.added.map((l) => l.code)).toEqual(['IC5']);
    expect(diff.levels.changed).toHaveLength(1);
    expect(diff.levels.changed[0]?.changes.map((c) => c.field)).toEqual(['title', 'scope', 'notYet']);
    expect(diff.levels.changed[0]?.changes[1]).toEqual({ field: 'scope', before: level(v1, 'IC3').scope, after: 'domain' });
    expect(diff.tracks.changed[0]?.changes).toEqual([{ field: 'name', before: v1.tracks[0]?.name, after: 'Engineering' }]);
    expect(diff.criteria).toEqual({ added: [], removed: [], changed: [] });
  });

  it('sees removed levels and tracks', () => {
    const v2 = nextVersion(v1, LATER, 'v2');
    const m3 = level(v2, 'M3');
    v2.levels = v2.levels.filter((l) => l.id !== m3.id);
    v2.tracks = v2.tracks.slice(0, 1);
    const diff = diffFrameworks(v1, v2);
    expect(diff.levels.removed.map((l) => l.code)).toEqual(['M3']);
    expect(diff.tracks.removed.map((t) => t.id)).toEqual([v1.tracks[1]?.id]);
  });
});

describe('compareAdjacentLevels', () => {
  const fw = materializeBuiltIn(ic0M3Levels, AT);
  const ic2 = level(fw, 'IC2');
  const ic3 = level(fw, 'IC3');

  it('says what changes from IC2 to IC3', () => {
    const cmp = compareAdjacentLevels(fw, ic2.id, ic3.id);
    if (!cmp) throw new Error('no comparison');
    expect(cmp.adjacent).toBe(true);
    expect(cmp.sameTrack).toBe(true);
    expect(cmp.scope).toMatchObject({ before: ic2.scope, after: ic3.scope, changed: ic2.scope !== ic3.scope });
    expect(cmp.scope.detail).toEqual({ before: ic2.scopeDetail, after: ic3.scopeDetail, changed: true });
    expect(cmp.autonomy).toMatchObject({ before: ic2.autonomy, after: ic3.autonomy });
    expect(cmp.definingShift).toBe(ic3.definingShift);
    expect(cmp.notYet).toEqual(ic2.notYet);

    const added = cmp.added.flatMap((g) => g.criteria);
    expect(added.map((c) => c.id).sort()).toEqual(criteriaOfLevel(fw, ic3.id).map((c) => c.id).sort());
    const order = fw.competencies.map((c) => c.id);
    const groupOrder = cmp.added.map((g) => order.indexOf(g.competencyId ?? ''));
    expect([...groupOrder].sort((a, b) => a - b)).toEqual(groupOrder);
    for (const group of cmp.added) {
      expect(group.criteria.every((c) => c.competencyId === group.competencyId)).toBe(true);
      expect(group.competencyName).toBe(fw.competencies.find((c) => c.id === group.competencyId)?.name);
    }
  });

  it('compares across tracks, flagged as not adjacent', () => {
    const cmp = compareAdjacentLevels(fw, level(fw, 'IC4').id, level(fw, 'M2').id);
    expect(cmp?.sameTrack).toBe(false);
    expect(cmp?.adjacent).toBe(false);
  });

  it('groups criteria without a competency under General, last', () => {
    const withGeneral: Framework = { ...fw, criteria: [...fw.criteria, { id: 'g1', levelId: ic3.id, competencyId: null, text: 'Writes the on-call runbook', examples: [] }] };
    const cmp = compareAdjacentLevels(withGeneral, ic2.id, ic3.id);
    expect(cmp?.added.at(-1)).toMatchObject({ competencyId: null, competencyName: 'General' });
  });

  it('finds the levels below and above one level on its track', () => {
    expect(neighbourLevels(fw, ic3.id)).toEqual({ below: ic2, above: level(fw, 'IC4') });
    expect(neighbourLevels(fw, level(fw, 'IC0').id).below).toBeUndefined();
    expect(neighbourLevels(fw, level(fw, 'IC4').id).above).toBeUndefined();
    expect(neighbourLevels(fw, level(fw, 'M1').id)).toEqual({ below: undefined, above: level(fw, 'M2') });
    expect(neighbourLevels(fw, 'nope')).toEqual({ below: undefined, above: undefined });
  });

  it('returns undefined for unknown levels', () => {
    expect(compareAdjacentLevels(fw, 'nope', ic3.id)).toBeUndefined();
    expect(compareAdjacentLevels(fw, ic2.id, 'nope')).toBeUndefined();
  });
});
