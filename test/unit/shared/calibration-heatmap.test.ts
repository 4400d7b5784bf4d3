/**
 * The heatmap on a hand-checked example. Level IC3 has criteria a, b, c
 * (IC4 has d). Candidates aiming at IC3 and their coverage rows:
 *
 *   candidate   manager  team  a                     b                     c                     ready
 *   c1 Ana      Mia      Core  consistently 3 ev S   consistently 2 ev S   partially 1 ev        2 of 3
 *   c2 Ben      Mia      Web   partially 5 ev S      consistently 2 ev S   consistently 4 ev S   2 of 3
 *   c3 Cy       Noah     Core  consistently 1 ev     not-yet 0 ev          (not assessed) 0 ev   0 of 3
 *   c5 Eve      Noah     Web   (no packet: no rows)                                              0 of 3
 *
 * (S = sustained.) c4 aims at IC4 and c6 is archived, so neither is a row;
 * a stale row of c1 at IC4 and a row of an unknown candidate are ignored.
 */
import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../shared/domain/framework';
import type { AssessmentRating } from '../../../shared/domain/packet';
import { buildHeatmap, filterHeatmapRows, heatmapFacets, heatmapView, sortHeatmapRows, type HeatmapRow } from '../../../shared/calibration/heatmap';
import type { CandidateRef } from '../../../shared/calibration/common';
import { levelRow } from '../../fixtures/level-rows';

const level = (id: string, order: number) => levelRow(id, 'ic', id.toUpperCase(), order, id);
const criterion = (id: string, levelId: string) => ({ id, levelId, competencyId: null, text: `Criterion ${id}`, examples: [] });

const framework: Pick<Framework, 'criteria' | 'levels'> = {
  levels: [level('ic3', 2), level('ic4', 3)],
  criteria: [criterion('a', 'ic3'), criterion('b', 'ic3'), criterion('c', 'ic3'), criterion('d', 'ic4')],
};

const candidates: CandidateRef[] = [
  { id: 'c1', name: 'Ana', manager: 'Mia', team: 'Core', targetLevelId: 'ic3' },
  { id: 'c2', name: 'Ben', manager: 'Mia', team: 'Web', targetLevelId: 'ic3' },
  { id: 'c3', name: 'Cy', manager: 'Noah', team: 'Core', targetLevelId: 'ic3' },
  { id: 'c4', name: 'Dee', manager: 'Noah', team: 'Core', targetLevelId: 'ic4' },
  { id: 'c5', name: 'Eve', manager: 'Noah', team: 'Web', targetLevelId: 'ic3' },
  { id: 'c6', name: 'Fay', manager: 'Mia', team: 'Web', targetLevelId: 'ic3', archived: true },
];

const row = (candidateId: string, criterionId: string, rating: AssessmentRating | null, evidenceCount: number, sustained: boolean, targetLevelId = 'ic3') => ({
  candidateId,
  criterionId,
  targetLevelId,
  rating,
  evidenceCount,
  sustained,
});

const coverage = [
  row('c1', 'a', 'consistently', 3, true),
  row('c1', 'b', 'consistently', 2, true),
  row('c1', 'c', 'partially', 1, false),
  row('c2', 'a', 'partially', 5, true),
  row('c2', 'b', 'consistently', 2, true),
  row('c2', 'c', 'consistently', 4, true),
  row('c3', 'a', 'consistently', 1, false),
  row('c3', 'b', 'not-yet', 0, false),
  row('c3', 'c', null, 0, false),
  row('c4', 'd', 'consistently', 9, true, 'ic4'),
  row('c1', 'd', 'not-yet', 0, false, 'ic4'),
  row('ghost', 'a', 'consistently', 7, true),
];

const names = (rows: readonly HeatmapRow[]) => rows.map((r) => r.name);

describe('buildHeatmap', () => {
  const heatmap = buildHeatmap({ framework, levelId: 'ic3', candidates, coverage });

  it('has the level’s criteria as columns and its non-archived candidates as rows', () => {
    expect(heatmap.columns.map((c) => c.criterionId)).toEqual(['a', 'b', 'c']);
    expect(heatmap.columnIndex.get('c')).toBe(2);
    expect(names(heatmap.rows)).toEqual(['Ana', 'Ben', 'Cy', 'Eve']);
  });

  it('fills cells from the rows and computes readiness (consistently AND sustained ÷ criteria)', () => {
    const [ana, ben, cy, eve] = heatmap.rows;
    expect(ana?.cells).toEqual([
      { criterionId: 'a', rating: 'consistently', evidenceCount: 3, sustained: true },
      { criterionId: 'b', rating: 'consistently', evidenceCount: 2, sustained: true },
      { criterionId: 'c', rating: 'partially', evidenceCount: 1, sustained: false },
    ]);
    // Ana: a, b ready → 2 of 3. Ben: b, c → 2 of 3. Cy: a is consistently but not sustained → 0 of 3.
    expect(ana?.readiness).toMatchObject({ ready: 2, total: 3, share: 2 / 3 });
    expect(ana?.readiness.rule).toContain('(2 of 3)');
    expect(ben?.readiness).toMatchObject({ ready: 2, total: 3 });
    expect(cy?.readiness).toMatchObject({ ready: 0, total: 3, share: 0 });
    expect(eve?.hasPacket).toBe(false);
    expect(ana?.hasPacket).toBe(true);
    expect(eve?.cells.every((c) => c.rating === null && c.evidenceCount === 0 && !c.sustained)).toBe(true);
    expect(ana?.manager).toBe('Mia');
    expect(ana?.team).toBe('Core');
  });
});

describe('sorting', () => {
  const heatmap = buildHeatmap({ framework, levelId: 'ic3', candidates, coverage });

  it('by readiness: share, then ready count, then name', () => {
    // Ana and Ben tie at 2/3 → by name; Cy and Eve tie at 0/3 → by name.
    expect(names(sortHeatmapRows(heatmap, heatmap.rows, { by: 'readiness' }))).toEqual(['Ana', 'Ben', 'Cy', 'Eve']);
    expect(names(sortHeatmapRows(heatmap, heatmap.rows, { by: 'readiness' }, 'asc'))).toEqual(['Cy', 'Eve', 'Ana', 'Ben']);
  });

  it('by a criterion: consistently > partially > not yet > none, then evidence count, then name', () => {
    // a: Ana consistently (3 ev), Cy consistently (1 ev), Ben partially, Eve none.
    expect(names(sortHeatmapRows(heatmap, heatmap.rows, { by: 'criterion', criterionId: 'a' }))).toEqual(['Ana', 'Cy', 'Ben', 'Eve']);
    expect(names(sortHeatmapRows(heatmap, heatmap.rows, { by: 'criterion', criterionId: 'a' }, 'asc'))).toEqual(['Eve', 'Ben', 'Cy', 'Ana']);
    // b: Ana and Ben both consistently with 2 ev → name; Cy not-yet; Eve none.
    expect(names(sortHeatmapRows(heatmap, heatmap.rows, { by: 'criterion', criterionId: 'b' }))).toEqual(['Ana', 'Ben', 'Cy', 'Eve']);
    // c: Ben consistently, Ana partially, then Cy (not assessed, 0 ev) and Eve (no row) tie → name.
    expect(names(sortHeatmapRows(heatmap, heatmap.rows, { by: 'criterion', criterionId: 'c' }))).toEqual(['Ben', 'Ana', 'Cy', 'Eve']);
  });

  it('by name, and an unknown criterion falls back to name order', () => {
    expect(names(sortHeatmapRows(heatmap, heatmap.rows, { by: 'name' }, 'asc'))).toEqual(['Ana', 'Ben', 'Cy', 'Eve']);
    expect(names(sortHeatmapRows(heatmap, heatmap.rows, { by: 'name' }, 'desc'))).toEqual(['Eve', 'Cy', 'Ben', 'Ana']);
    expect(names(sortHeatmapRows(heatmap, [...heatmap.rows].reverse(), { by: 'criterion', criterionId: 'zzz' }))).toEqual(['Ana', 'Ben', 'Cy', 'Eve']);
  });

  it('does not change the input array', () => {
    const before = names(heatmap.rows);
    sortHeatmapRows(heatmap, heatmap.rows, { by: 'criterion', criterionId: 'c' });
    expect(names(heatmap.rows)).toEqual(before);
  });

  it('sorts blind rows by the pseudonym, so the order does not betray real names', () => {
    const blind = buildHeatmap({ framework, levelId: 'ic3', candidates, coverage, displayName: (c) => ({ c1: 'Zed', c2: 'Yan', c3: 'Xi', c5: 'Wu' })[c.id] ?? '?' });
    expect(names(sortHeatmapRows(blind, blind.rows, { by: 'name' }, 'asc'))).toEqual(['Wu', 'Xi', 'Yan', 'Zed']);
    // Readiness tie between c1 and c2 is now broken by pseudonym: Yan (c2) before Zed (c1).
    expect(names(sortHeatmapRows(blind, blind.rows, { by: 'readiness' }))).toEqual(['Yan', 'Zed', 'Wu', 'Xi']);
  });
});

describe('filtering', () => {
  const heatmap = buildHeatmap({ framework, levelId: 'ic3', candidates, coverage });

  it('by manager, by team, and by both', () => {
    expect(names(filterHeatmapRows(heatmap.rows, { managers: ['Noah'] }))).toEqual(['Cy', 'Eve']);
    expect(names(filterHeatmapRows(heatmap.rows, { teams: ['Core'] }))).toEqual(['Ana', 'Cy']);
    expect(names(filterHeatmapRows(heatmap.rows, { managers: ['Noah'], teams: ['Web'] }))).toEqual(['Eve']);
    expect(names(filterHeatmapRows(heatmap.rows, { managers: [], teams: [] }))).toEqual(['Ana', 'Ben', 'Cy', 'Eve']);
  });

  it('lists the facets and combines filter and sort in heatmapView', () => {
    expect(heatmapFacets(heatmap.rows)).toEqual({ managers: ['Mia', 'Noah'], teams: ['Core', 'Web'] });
    expect(names(heatmapView(heatmap, { filter: { teams: ['Web'] }, sort: { by: 'criterion', criterionId: 'a' } }))).toEqual(['Ben', 'Eve']);
  });
});

describe('scale', () => {
  it('builds and sorts 1,000 candidates × 40 criteria quickly', () => {
    const criteria = Array.from({ length: 40 }, (_, i) => criterion(`k${i}`, 'ic3'));
    const people: CandidateRef[] = Array.from({ length: 1000 }, (_, i) => ({ id: `p${i}`, name: `Person ${i}`, manager: `M${i % 37}`, team: `T${i % 11}`, targetLevelId: 'ic3' }));
    const ratings: (AssessmentRating | null)[] = ['consistently', 'partially', 'not-yet', null];
    const rows = people.flatMap((p, i) => criteria.map((c, j) => row(p.id, c.id, ratings[(i * 7 + j) % 4] ?? null, (i + j) % 6, (i + j) % 3 === 0)));
    const started = performance.now();
    const heatmap = buildHeatmap({ framework: { criteria }, levelId: 'ic3', candidates: people, coverage: rows });
    const sorted = sortHeatmapRows(heatmap, heatmap.rows, { by: 'criterion', criterionId: 'k17' });
    const view = heatmapView(heatmap, { filter: { managers: ['M3'] } });
    const elapsed = performance.now() - started;
    expect(heatmap.rows).toHaveLength(1000);
    expect(heatmap.rows[0]?.cells).toHaveLength(40);
    expect(sorted).toHaveLength(1000);
    expect(view.length).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(1500);
  });
});
