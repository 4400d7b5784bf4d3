/**
 * disclosure.ts cellRanges against an independent brute force: every table
 * of small random shape is listed cell by cell, the ones matching the column
 * totals and every row's rule are kept, and each cell's min and max are read
 * off them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellRanges, cellRangesAsideBySum, pinned, type RowRule } from '../../../shared/calibration/disclosure';

/** Every table (rows × columns) with cells 0..max, as a flat list of cells. */
function* tables(rows: number, cols: number, max: number): Generator<number[]> {
  const cells = new Array<number>(rows * cols).fill(0);
  for (;;) {
    yield [...cells];
    let k = 0;
    while (k < cells.length && cells[k] === max) cells[k++] = 0;
    if (k === cells.length) return;
    cells[k]!++;
  }
}

function bruteRanges(totals: number[], rules: RowRule[]) {
  const cols = totals.length;
  const max = Math.max(...totals);
  let found: { cells: [number, number][]; size: [number, number] }[] | null = null;
  for (const t of tables(rules.length, cols, max)) {
    const row = (i: number) => t.slice(i * cols, i * cols + cols);
    if (!totals.every((total, j) => rules.reduce((s, _, i) => s + row(i)[j]!, 0) === total)) continue;
    if (!rules.every((rule, i) => rule(row(i)))) continue;
    found ??= rules.map(() => ({ cells: totals.map(() => [Infinity, -Infinity] as [number, number]), size: [Infinity, -Infinity] as [number, number] }));
    rules.forEach((_, i) => {
      const r = found![i]!;
      row(i).forEach((v, j) => (r.cells[j] = [Math.min(r.cells[j]![0], v), Math.max(r.cells[j]![1], v)]));
      const n = row(i).reduce((a, b) => a + b, 0);
      r.size = [Math.min(r.size[0], n), Math.max(r.size[1], n)];
    });
  }
  return found;
}

/** A rule described by data, so fast-check can shrink it: per column exact / below / any, and optionally a size. */
const ruleArb = (cols: number) =>
  fc.record({
    cells: fc.array(fc.oneof(fc.constant({ kind: 'any' as const, v: 0 }), fc.record({ kind: fc.constantFrom('exact' as const, 'below' as const, 'atLeast' as const), v: fc.integer({ min: 0, max: 3 }) })), { minLength: cols, maxLength: cols }),
    size: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
  });

function toRule(d: { cells: { kind: 'any' | 'exact' | 'below' | 'atLeast'; v: number }[]; size: number | undefined }): RowRule {
  return (c) =>
    (d.size === undefined || c.reduce((a, b) => a + b, 0) === d.size) &&
    d.cells.every(({ kind, v }, j) => (kind === 'any' ? true : kind === 'exact' ? c[j] === v : kind === 'below' ? c[j]! < v : c[j]! >= v));
}

describe('cellRanges', () => {
  it('matches the brute force on random small tables', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }).chain((cols) =>
          fc.tuple(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: cols, maxLength: cols }), fc.array(ruleArb(cols), { minLength: 1, maxLength: 3 })),
        ),
        ([totals, descs]) => {
          const rules = descs.map(toRule);
          expect(cellRanges(totals, rules)).toEqual(bruteRanges(totals, rules));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('pins a cell forced by the totals: one group of 0-or-all beside another', () => {
    // Totals 3 promoted, 2 not. Row A is known to have 3 promoted and nobody not promoted
    // (a shown row); row B, hidden, has the rest: exactly 0 promoted and 2 not.
    const ranges = cellRanges([3, 2], [(c) => c[0] === 3 && c[1] === 0, () => true])!;
    expect(ranges[1]).toEqual({ cells: [[0, 0], [2, 2]], size: [2, 2] });
    expect(pinned(ranges[1]!, [3, 2], false)).toBe(true);
  });

  it('does not count a cell pinned at 0 by a column total of 0', () => {
    const ranges = cellRanges([2, 0], [() => true, () => true])!;
    expect(ranges[0]!.cells[1]).toEqual([0, 0]);
    expect(pinned(ranges[0]!, [2, 0], true)).toBe(false);
  });

  it('answers null when the totals cannot be met, and when the work passes the cap', () => {
    expect(cellRanges([1], [(c) => c[0] === 0])).toBeNull();
    expect(cellRanges([30, 30, 30, 30], [() => true, () => true], 1000)).toBeNull();
  });

  it('the aside-by-sum search gives the same ranges as the full one when rules see aside cells only through their sum', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 4 }),
        fc.array(fc.record({ rule: ruleArb(3), capped: fc.boolean() }), { minLength: 1, maxLength: 3 }),
        (totals, descs) => {
          // Each rule reads [selected, not selected, aside sum]; a capped row may have no aside at all (a shown row with exact counts).
          const rules = descs.map(({ rule }) => {
            const r = toRule(rule);
            return (c: readonly number[]) => r([c[0]!, c[1]!, c[2]! + c[3]!]);
          });
          const maxes = descs.map(({ capped }) => (capped ? [totals[0]!, totals[1]!, 0, 0] : undefined));
          expect(cellRangesAsideBySum(totals, rules, undefined, maxes)).toEqual(cellRanges(totals, rules, undefined, maxes));
        },
      ),
      { numRuns: 300 },
    );
  });
});
