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
import fc from 'fast-check';
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

/**
 * The heatmap's cells by a plain scan, written apart from buildHeatmap's indexes: for each candidate of the level
 * and each of its criteria, the last coverage row of that candidate, level and criterion, or an empty cell.
 */
function cellsByScan(input: { criteria: readonly { id: string; levelId: string }[]; candidates: readonly CandidateRef[]; coverage: readonly ReturnType<typeof row>[] }, levelId: string) {
  const columns = [...new Set(input.criteria.filter((c) => c.levelId === levelId).map((c) => c.id))];
  return input.candidates
    .filter((c) => c.targetLevelId === levelId && c.archived !== true)
    .map((c) => {
      const mine = input.coverage.filter((r) => r.candidateId === c.id && r.targetLevelId === levelId && columns.includes(r.criterionId));
      const cells = columns.map((criterionId) => {
        const last = mine.filter((r) => r.criterionId === criterionId).at(-1);
        return last ? { criterionId, rating: last.rating, evidenceCount: last.evidenceCount, sustained: last.sustained } : { criterionId, rating: null, evidenceCount: 0, sustained: false };
      });
      return { candidateId: c.id, hasPacket: mine.length > 0, cells, ready: cells.filter((x) => x.rating === 'consistently' && x.sustained).length };
    });
}

const asScanned = (rows: readonly HeatmapRow[]) => rows.map((r) => ({ candidateId: r.candidateId, hasPacket: r.hasPacket, cells: r.cells, ready: r.readiness.ready }));

describe('cells against a plain scan of the rows', () => {
  it('for any rows: other levels, unknown candidates or criteria and archived candidates ignored, a repeated cell\'s last row kept', () => {
    const ratings: (AssessmentRating | null)[] = ['consistently', 'partially', 'not-yet', null];
    const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    const people = fc.array(fc.record({ id: fc.constantFrom(...ids('p', 6)), level: fc.constantFrom('ic3', 'ic4'), archived: fc.boolean() }), { maxLength: 8 });
    const crits = fc.array(fc.record({ id: fc.constantFrom(...ids('k', 5)), levelId: fc.constantFrom('ic3', 'ic4') }), { maxLength: 7 });
    const rows = fc.array(
      fc.tuple(fc.constantFrom(...ids('p', 7)), fc.constantFrom(...ids('k', 6)), fc.constantFrom(...ratings), fc.nat(4), fc.boolean(), fc.constantFrom('ic3', 'ic4')),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(people, crits, rows, (ps, cs, rs) => {
        const candidates: CandidateRef[] = ps.map((p) => ({ id: p.id, name: p.id, manager: 'M', team: 'T', targetLevelId: p.level, ...(p.archived ? { archived: true } : {}) }));
        const criteria = cs.map((c) => criterion(c.id, c.levelId));
        const coverage = rs.map(([candidateId, criterionId, rating, count, sustained, levelId]) => row(candidateId, criterionId, rating, count, sustained, levelId));
        const built = buildHeatmap({ framework: { criteria }, levelId: 'ic3', candidates, coverage });
        expect(asScanned(built.rows)).toEqual(cellsByScan({ criteria, candidates, coverage }, 'ic3'));
      }),
    );
  });

  it('at 1,000 candidates × 40 criteria, the size a session page builds before its first paint', () => {
    const criteria = Array.from({ length: 40 }, (_, i) => criterion(`k${i}`, 'ic3'));
    const people: CandidateRef[] = Array.from({ length: 1000 }, (_, i) => ({ id: `p${i}`, name: `Person ${i}`, manager: `M${i % 37}`, team: `T${i % 11}`, targetLevelId: 'ic3' }));
    const ratings: (AssessmentRating | null)[] = ['consistently', 'partially', 'not-yet', null];
    // Every tenth candidate has no rows (no packet); the rows come in an order other than the candidates'.
    const rows = people.filter((_, i) => i % 10 !== 0).flatMap((p, i) => criteria.map((c, j) => row(p.id, c.id, ratings[(i * 7 + j) % 4] ?? null, (i + j) % 6, (i + j) % 3 === 0))).reverse();
    const heatmap = buildHeatmap({ framework: { criteria }, levelId: 'ic3', candidates: people, coverage: rows });
    expect(asScanned(heatmap.rows)).toEqual(cellsByScan({ criteria, candidates: people, coverage: rows }, 'ic3'));
    expect(heatmap.rows.filter((r) => !r.hasPacket)).toHaveLength(100);
    // Speed is the benchmark's (npm run bench: the heatmap's navigation), not a test's.
  });
});
