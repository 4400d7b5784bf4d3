/**
 * Small cells are hidden too: a group with fewer than 3 promoted or fewer
 * than 3 not promoted shows no figures (its n and rate would tell the few
 * apart), and a group hidden to protect it says "a smaller group" only when
 * the group it protects is smaller. Hand-computed cases:
 *
 * - A 10 decided, 2 promoted / 8 not → small cell (2 < 3).
 * - B 10 decided, 3 / 7 → shown (both cells ≥ 3).
 * - C 10 decided, 8 / 2 → small cell (2 not promoted).
 * - D 6 decided, 6 / 0 → small cell (0 not promoted: everyone's outcome told).
 * - E 12 decided, 4 / 8 and F 20 decided, 10 / 10 → shown.
 */
import { describe, expect, it } from 'vitest';
import { fairnessReport, type PromotionFairness } from '../../../shared/calibration/fairness';
import { hiddenText, suppression } from '../../../shared/calibration/fairness-groups';
import type { CandidateRef, DecisionRef } from '../../../shared/calibration/common';

/** `members` candidates of group `value`: `promoted` promoted, `notPromoted` not, the rest undecided. */
function build(spec: [value: string, members: number, promoted: number, notPromoted: number][]) {
  const candidates: CandidateRef[] = [];
  const decisions: DecisionRef[] = [];
  for (const [value, members, promoted, notPromoted] of spec) {
    for (let i = 0; i < members; i++) {
      const id = `${value}-${i}`;
      candidates.push({ id, manager: 'M', groups: { g: value } });
      if (i < promoted) decisions.push({ candidateId: id, outcome: 'promote' });
      else if (i < promoted + notPromoted) decisions.push({ candidateId: id, outcome: 'not-yet' });
    }
  }
  return { candidates, decisions };
}

function promotion(spec: Parameters<typeof build>[0]): PromotionFairness {
  return fairnessReport({ ...build(spec), coverage: [] }).attributes[0]!.promotion;
}

const row = (p: PromotionFairness, name: string) => p.groups.find((g) => g.group === name)!;

describe('small cells', () => {
  it('hides a group with fewer than 3 promoted or not promoted, 0 included, and shows 3', () => {
    const p = promotion([
      ['A', 10, 2, 8],
      ['B', 10, 3, 7],
      ['C', 10, 8, 2],
      ['D', 6, 6, 0],
      ['E', 12, 4, 8],
      ['F', 20, 10, 10],
    ]);
    for (const name of ['A', 'C', 'D']) {
      expect(row(p, name)).toMatchObject({ suppressed: true, suppressedReason: 'small-cell', hiddenLabel: 'fewer than 3 promoted or not promoted', counts: null, rate: null, impactRatio: null, p: null });
      expect(row(p, name).rule).toBe(`${name}: fewer than 3 promoted or fewer than 3 not promoted, not shown, since the outcome of so few could be told.`);
    }
    expect(row(p, 'B').counts).toMatchObject({ promoted: 3, n: 10 });
    expect(row(p, 'E').counts).toMatchObject({ promoted: 4, n: 12 });
    // Reference: the highest shown rate, F 10/20 = 0.5 (C's 0.8 and D's 1.0 are hidden); B 0.3/0.5 = 0.6.
    expect(p.reference).toBe('F');
    expect(row(p, 'B').impactRatio).toBeCloseTo(0.6, 12);
    // More than one hidden: no complementary hiding.
    expect(p.groups.filter((g) => g.suppressedReason === 'complementary')).toEqual([]);
    // The hidden groups are tested pooled, as one group: Holm over B, E, F and the pool (a test per hidden group would make the shown adjusted p a function of hidden counts).
    expect(row(p, 'B').rule).toContain('over 4 groups');
  });

  it('hides the smallest shown group beside one small cell, as protecting a smaller group only when it is smaller', () => {
    // A (10 members) hidden for its cell; B (n 10, 8 members decided of 8) is the smallest shown by n → hidden for A.
    const bigger = promotion([
      ['A', 10, 2, 8],
      ['B', 8, 4, 4],
      ['F', 20, 10, 10],
    ]);
    expect(row(bigger, 'A').suppressedReason).toBe('small-cell');
    expect(row(bigger, 'B')).toMatchObject({ suppressedReason: 'complementary', hiddenLabel: 'hidden to protect another group' });
    expect(row(bigger, 'B').rule).toBe('B: not shown, because its figures would reveal those of another group hidden beside it.');
    expect(row(bigger, 'F').counts).toMatchObject({ promoted: 10, n: 20 });

    const smaller = promotion([
      ['A', 7, 1, 6],
      ['B', 9, 4, 4],
      ['F', 20, 10, 10],
    ]);
    expect(row(smaller, 'B')).toMatchObject({ suppressedReason: 'complementary', hiddenLabel: 'hidden to protect a smaller group' });
  });

  it('applies to readiness as ready or not ready', () => {
    const hidden = suppression(
      [
        { group: 'X', members: 10, n: 10, selected: 2 },
        { group: 'Y', members: 10, n: 10, selected: 5 },
        { group: 'Z', members: 12, n: 12, selected: 6 },
      ],
      { minGroupSize: 5, complementary: true },
    );
    expect([...hidden]).toEqual([
      ['X', 'small-cell'],
      ['Y', 'complementary'],
    ]);
    const words = { selected: 'ready', notSelected: 'not ready', n: 'candidates' };
    expect(hiddenText({ group: 'X', members: 10 }, 'small-cell', [], hidden, { minGroupSize: 5, complementary: true, words }).label).toBe('fewer than 3 ready or not ready');
    // Y protects X, which is not smaller (10 and 10).
    const groups = [
      { group: 'X', members: 10 },
      { group: 'Y', members: 10 },
    ];
    expect(hiddenText({ group: 'Y', members: 10 }, 'complementary', groups, hidden, { minGroupSize: 5, complementary: true, words }).label).toBe('hidden to protect another group');
  });

  it('leaves groups of fewer than 5 labelled as such, never as a small cell', () => {
    const p = promotion([
      ['A', 4, 1, 3],
      ['F', 20, 10, 10],
      ['G', 20, 12, 8],
    ]);
    expect(row(p, 'A')).toMatchObject({ suppressedReason: 'small-group', hiddenLabel: 'fewer than 5' });
    expect(row(p, 'F')).toMatchObject({ suppressedReason: 'complementary', hiddenLabel: 'hidden to protect a smaller group' });
  });
});

describe('no shown figure depends on how the hidden groups split', () => {
  it('gives the same adjusted p-values and whole-attribute test whichever way two hidden groups share their counts', () => {
    // C and D are hidden (small cells) either way; between the two tables only their split changes, not their pooled counts.
    const a = promotion([['B', 10, 3, 7], ['C', 6, 1, 5], ['D', 6, 5, 1], ['E', 12, 4, 8], ['F', 20, 10, 10]]);
    const b = promotion([['B', 10, 3, 7], ['C', 6, 2, 4], ['D', 6, 4, 2], ['E', 12, 4, 8], ['F', 20, 10, 10]]);
    for (const name of ['C', 'D']) expect(row(a, name).suppressed && row(b, name).suppressed).toBe(true);
    for (const name of ['B', 'E', 'F']) expect(row(a, name).pAdjusted).toBe(row(b, name).pAdjusted);
    expect(a.omnibus?.statistic).toBe(b.omnibus?.statistic);
  });
});

describe('sizes printed elsewhere (the nomination view) count as known', () => {
  // A (5: 1 promoted, 4 not) and B (6: 4 / 2) are hidden for small cells; C and D are shown.
  // The label "fewer than 3 promoted or not promoted" tells each hidden group has at least 5 decided.
  const spec: Parameters<typeof build>[0] = [['A', 5, 1, 4], ['B', 6, 4, 2], ['C', 10, 5, 5], ['D', 12, 6, 6]];
  it('alone, A and B are hidden and C and D shown: neither hidden size nor count can be told', () => {
    const p = promotion(spec);
    expect(p.groups.filter((g) => g.suppressed).map((g) => g.group)).toEqual(['A', 'B']);
  });
  it('beside a view that prints A as 5 people, A’s size would be told (at least 5, at most 5): more is hidden', () => {
    const p = fairnessReport({ ...build(spec), coverage: [], sizesElsewhere: { sizes: { g: new Map([['A', 5]]) }, samePeople: false } }).attributes[0]!.promotion;
    expect(p.groups.filter((g) => !g.suppressed && g.counts).map((g) => g.group)).not.toEqual(['C', 'D']);
  });
});
