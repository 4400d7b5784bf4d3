/**
 * disclosure.ts: the search used when one column alone has a total above 0
 * (rangesInOneColumn, what a big session's fairness tables are while every
 * candidate is undecided) gives what the general search over sets gives,
 * null included (infeasible totals, or the work cap passed at the same
 * point), and matches a brute force over every way to split the total.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellRanges, type RowRule } from '../../../shared/calibration/disclosure';

/** A rule on the live column's count and the row's size, described by data so fast-check can shrink it. */
const ruleArb = fc.record({
  kind: fc.constantFrom('any' as const, 'exact' as const, 'below' as const, 'atLeast' as const, 'between' as const, 'odd' as const),
  a: fc.integer({ min: 0, max: 30 }),
  b: fc.integer({ min: 0, max: 30 }),
});
type RuleData = { kind: 'any' | 'exact' | 'below' | 'atLeast' | 'between' | 'odd'; a: number; b: number };

function toRule(d: RuleData, col: number): RowRule {
  return (c) => {
    const v = c[col] as number;
    if (c.some((x, j) => j !== col && x !== 0)) return false;
    if (d.kind === 'exact') return v === d.a;
    if (d.kind === 'below') return v < d.a;
    if (d.kind === 'atLeast') return v >= d.a;
    if (d.kind === 'between') return v >= Math.min(d.a, d.b) && v <= Math.max(d.a, d.b);
    if (d.kind === 'odd') return v % 2 === 1;
    return true;
  };
}

const caseArb = fc.record({
  columns: fc.integer({ min: 1, max: 4 }),
  colPick: fc.nat(),
  total: fc.integer({ min: 1, max: 30 }),
  rules: fc.array(ruleArb, { minLength: 1, maxLength: 4 }),
  maxes: fc.array(fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }), { minLength: 4, maxLength: 4 }),
  cap: fc.constantFrom(20, 100, 400, 2_000, 12_000_000),
});

function setup(c: { columns: number; colPick: number; total: number; rules: RuleData[]; maxes: (number | undefined)[]; cap: number }) {
  const col = c.colPick % c.columns;
  const totals = Array.from({ length: c.columns }, (_, j) => (j === col ? c.total : 0));
  const rules = c.rules.map((d) => toRule(d, col));
  const maxes = c.rules.map((_, i) => (c.maxes[i] === undefined ? undefined : totals.map((_, j) => (j === col ? (c.maxes[i] as number) : 0))));
  return { col, totals, rules, maxes };
}

/** Every split of the total over the rows (each within its max), kept when every rule holds; each row's range read off them. */
function brute(total: number, rules: RowRule[], columns: number, col: number, maxes: (number | undefined)[]) {
  const vec = (v: number) => Array.from({ length: columns }, (_, j) => (j === col ? v : 0));
  let found: [number, number][] | null = null;
  const walk = (i: number, left: number, picked: number[]) => {
    if (i === rules.length) {
      if (left !== 0) return;
      found ??= rules.map(() => [Infinity, -Infinity]);
      picked.forEach((v, k) => (found![k] = [Math.min(found![k]![0], v), Math.max(found![k]![1], v)]));
      return;
    }
    for (let v = 0; v <= Math.min(left, maxes[i] ?? total); v++) if ((rules[i] as RowRule)(vec(v))) walk(i + 1, left - v, [...picked, v]);
  };
  walk(0, total, []);
  return found;
}

describe('cellRanges over one column', () => {
  it('gives what the search over sets gives, null and work cap included', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { totals, rules, maxes } = setup(c);
        expect(cellRanges(totals, rules, c.cap, maxes)).toEqual(cellRanges(totals, rules, c.cap, maxes, 'sets'));
      }),
      { numRuns: 400 },
    );
  });

  it('matches the brute force when the cap is not reached', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { col, totals, rules, maxes } = setup(c);
        const got = cellRanges(totals, rules, 12_000_000, maxes);
        const want = brute(c.total, rules, c.columns, col, c.maxes.slice(0, rules.length));
        if (want === null) {
          expect(got).toBeNull();
          return;
        }
        expect(got?.map((r) => r.cells[col])).toEqual(want);
        expect(got?.map((r) => r.size)).toEqual(want);
        for (const r of got ?? []) r.cells.forEach((range, j) => expect(range).toEqual(j === col ? range : [0, 0]));
      }),
      { numRuns: 400 },
    );
  });

  it('takes a session of 1,000 undecided candidates in four groups without giving up', () => {
    // Each group hidden ("fewer than 5" is false: at least 5), so every split of 1,000 over four groups is possible but the ones leaving a group under 5.
    const rules: RowRule[] = [0, 1, 2, 3].map(() => (c) => (c[2] as number) >= 5 && c[0] === 0 && c[1] === 0);
    const got = cellRanges([0, 0, 1000], rules);
    expect(got?.map((r) => r.cells[2])).toEqual([0, 1, 2, 3].map(() => [5, 985]));
    expect(got).toEqual(cellRanges([0, 0, 1000], rules, undefined, [], 'sets'));
  });
});
