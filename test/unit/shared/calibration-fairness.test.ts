/**
 * Fairness by group on hand-computed examples.
 *
 * Impact ratio = group rate ÷ highest shown rate; flagged below 0.8.
 * - 3 of 5 vs 2 of 5 promoted: 0.6 vs 0.4 → 0.4/0.6 = 0.667 → flagged.
 * - 5 of 10 vs 9 of 20 promoted: 0.5 vs 0.45 → 0.45/0.5 = 0.9 → not flagged.
 * - 3 of 6 vs 2 of 5: 0.5 vs 0.4 → 0.8 exactly → not flagged (computed as (2·6)/(5·3) = 12/15).
 * Suppression below 5: n = 4 hidden, n = 5 shown.
 */
import { describe, expect, it } from 'vitest';
import { NOT_GIVEN, fairnessReport, type FairnessMetric, type FairnessPoint } from '../../../shared/calibration/fairness';
import type { CandidateRef, DecisionRef } from '../../../shared/calibration/common';

interface Built {
  candidates: CandidateRef[];
  decisions: DecisionRef[];
}

/** `count` candidates with groups[attribute] = value (undefined: attribute absent), `decided` of them decided, `promoted` promoted. */
function group(into: Built, attribute: string, value: string | undefined, count: number, promoted: number, decided = count): void {
  for (let i = 0; i < count; i++) {
    const id = `${attribute}-${value ?? 'none'}-${i}`;
    into.candidates.push({ id, manager: 'M', groups: value === undefined ? {} : { [attribute]: value } });
    if (i < decided) into.decisions.push({ candidateId: id, outcome: i < promoted ? (i % 2 === 0 ? 'promote' : 'promote-other') : i % 2 === 0 ? 'not-yet' : 'defer' });
  }
}

function point(metric: FairnessMetric | undefined, name: string): FairnessPoint {
  const p = metric?.series.find((s) => s.group === name);
  if (!p) throw new Error(`no group ${name}`);
  return p;
}

describe('promotion rate and impact ratio', () => {
  it('flags 0.6 vs 0.4 (ratio 0.667) and not 0.5 vs 0.45 (ratio 0.9)', () => {
    const b: Built = { candidates: [], decisions: [] };
    group(b, 'gender', 'A', 5, 3);
    group(b, 'gender', 'B', 5, 2);
    const report = fairnessReport({ ...b, coverage: [] });
    const promotion = report.attributes[0]?.promotion;
    expect(report.attributes.map((a) => a.attribute)).toEqual(['gender']);
    expect(promotion?.reference).toBe('A');
    expect(point(promotion, 'A')).toMatchObject({ rate: 0.6, n: 5, impactRatio: 1, flagged: false, reference: true, suppressed: false });
    expect(point(promotion, 'B')).toMatchObject({ rate: 0.4, n: 5, flagged: true });
    expect(point(promotion, 'B').impactRatio).toBeCloseTo(2 / 3, 10);
    expect(point(promotion, 'B').rule).toBe('B: 2 of 5 promoted = 40%; impact ratio 40% ÷ 60% (A) = 0.667 < 0.8 → flagged.');
    expect(promotion?.flaggedGroups).toEqual(['B']);

    const c: Built = { candidates: [], decisions: [] };
    group(c, 'location', 'X', 10, 5);
    group(c, 'location', 'Y', 20, 9);
    const loc = fairnessReport({ ...c, coverage: [] }).attributes[0]?.promotion;
    expect(point(loc, 'X')).toMatchObject({ rate: 0.5, reference: true });
    expect(point(loc, 'Y')).toMatchObject({ rate: 0.45, n: 20, impactRatio: 0.9, flagged: false });
  });

  it('counts Promote and Promote to another level as promoted, over decided candidates only', () => {
    const b: Built = { candidates: [], decisions: [] };
    // 8 members, 6 decided, 3 promoted (ids 0 promote, 1 promote-other, 2 promote) → 3/6 = 0.5, n = 6.
    group(b, 'site', 'P', 8, 3, 6);
    const p = fairnessReport({ ...b, coverage: [] }).attributes[0]?.promotion;
    expect(point(p, 'P')).toMatchObject({ rate: 0.5, n: 6, reference: true });
  });

  it('treats a ratio of exactly 0.8 as not flagged', () => {
    const b: Built = { candidates: [], decisions: [] };
    group(b, 'g', 'Q', 5, 2);
    group(b, 'g', 'R', 6, 3);
    const p = fairnessReport({ ...b, coverage: [] }).attributes[0]?.promotion;
    expect(point(p, 'Q')).toMatchObject({ impactRatio: 0.8, flagged: false });
  });

  it('has no reference and no ratio when every shown rate is 0', () => {
    const b: Built = { candidates: [], decisions: [] };
    group(b, 'g', 'Q', 5, 0);
    group(b, 'g', 'R', 6, 0);
    const p = fairnessReport({ ...b, coverage: [] }).attributes[0]?.promotion;
    expect(p?.reference).toBeNull();
    expect(p?.series.every((s) => s.impactRatio === null && !s.flagged && s.rate === 0)).toBe(true);
  });
});

describe('suppression', () => {
  it('hides n = 4 and shows n = 5; a hidden group cannot be the reference', () => {
    const b: Built = { candidates: [], decisions: [] };
    group(b, 'g', 'P', 4, 4); // rate 1, but hidden
    group(b, 'g', 'Q', 5, 2); // 0.4
    group(b, 'g', 'R', 6, 3); // 0.5 → reference
    group(b, 'g', undefined, 3, 0); // "Not given", hidden
    const p = fairnessReport({ ...b, coverage: [] }).attributes[0]?.promotion;
    expect(p?.series.map((s) => s.group)).toEqual(['P', 'Q', 'R', NOT_GIVEN]);
    expect(point(p, 'P')).toEqual({
      group: 'P',
      rate: null,
      n: null,
      nLabel: 'fewer than 5',
      suppressed: true,
      suppressedReason: 'small-group',
      impactRatio: null,
      flagged: false,
      reference: false,
      rule: 'P: fewer than 5 decided candidates, not shown.',
    });
    expect(point(p, NOT_GIVEN)).toMatchObject({ suppressed: true, nLabel: 'fewer than 5', rate: null });
    expect(point(p, 'Q')).toMatchObject({ suppressed: false, n: 5, nLabel: '5', rate: 0.4 });
    expect(p?.reference).toBe('R');
    // Nothing about a hidden group's counts leaks into the texts.
    for (const s of p?.series.filter((x) => x.suppressed) ?? []) expect(s.rule).not.toMatch(/\bof\b|[0-4]/);
  });

  it('suppresses a group with enough members but fewer than 5 decided from the promotion rate only', () => {
    const b: Built = { candidates: [], decisions: [] };
    group(b, 'g', 'S', 6, 1, 4);
    group(b, 'g', 'T', 5, 1);
    group(b, 'g', 'U', 5, 1);
    const a = fairnessReport({ ...b, coverage: [] }).attributes[0];
    expect(point(a?.promotion, 'S').suppressed).toBe(true);
    expect(point(a?.readiness, 'S')).toMatchObject({ suppressed: false, n: 6 });
  });

  it('hides the next smallest group when only one is hidden (complementary suppression)', () => {
    const b: Built = { candidates: [], decisions: [] };
    group(b, 'g', 'S', 4, 1);
    group(b, 'g', 'T', 6, 3);
    group(b, 'g', 'U', 7, 2);
    const on = fairnessReport({ ...b, coverage: [] }).attributes[0]?.promotion;
    expect(point(on, 'S').suppressedReason).toBe('small-group');
    expect(point(on, 'T')).toMatchObject({ suppressed: true, suppressedReason: 'complementary', rate: null, n: null });
    expect(point(on, 'U')).toMatchObject({ suppressed: false, reference: true });
    const off = fairnessReport({ ...b, coverage: [], complementary: false }).attributes[0]?.promotion;
    expect(point(off, 'T')).toMatchObject({ suppressed: false, rate: 0.5, reference: true });
  });

  it('groups a missing or blank attribute as “Not given”', () => {
    const b: Built = { candidates: [], decisions: [] };
    group(b, 'g', 'V', 5, 1);
    group(b, 'g', undefined, 3, 1);
    group(b, 'g', '  ', 3, 1);
    const p = fairnessReport({ ...b, coverage: [] }).attributes[0]?.promotion;
    // 3 + 3 = 6 "Not given"; 6 decided, 2 promoted (ids 0 of each set).
    expect(point(p, NOT_GIVEN)).toMatchObject({ suppressed: false, n: 6 });
    expect(point(p, NOT_GIVEN).rate).toBeCloseTo(2 / 6, 10);
  });
});

describe('readiness rate', () => {
  it('counts candidates with readiness share ≥ 0.75 over all members', () => {
    // Five members of W: shares 4/4 = 1, 3/4 = 0.75 (counts), 2/4 = 0.5, no packet (0), 4/5 = 0.8 → 3 of 5 = 0.6.
    const candidates: CandidateRef[] = ['w1', 'w2', 'w3', 'w4', 'w5'].map((id) => ({ id, manager: 'M', groups: { g: 'W' } }));
    const rows = (candidateId: string, ready: number, total: number) =>
      Array.from({ length: total }, (_, i) => ({ candidateId, rating: i < ready ? ('consistently' as const) : ('partially' as const), sustained: true }));
    const coverage = [...rows('w1', 4, 4), ...rows('w2', 3, 4), ...rows('w3', 2, 4), ...rows('w5', 4, 5)];
    const report = fairnessReport({ candidates, decisions: [], coverage });
    const readiness = report.attributes[0]?.readiness;
    expect(point(readiness, 'W')).toMatchObject({ rate: 0.6, n: 5, reference: true });
    expect(readiness?.rule).toContain('at least 75%');
    // Nobody is decided: the promotion rate is hidden (0 decided < 5).
    expect(point(report.attributes[0]?.promotion, 'W').suppressed).toBe(true);
    // A higher threshold: only w1 (1.0) → 1 of 5.
    expect(point(fairnessReport({ candidates, decisions: [], coverage, readinessThreshold: 0.9 }).attributes[0]?.readiness, 'W').rate).toBe(0.2);
  });

  it('reports every attribute found, sorted, and ignores archived candidates', () => {
    const candidates: CandidateRef[] = [
      { id: 'a', manager: 'M', groups: { site: 'X', gender: 'F' } },
      { id: 'b', manager: 'M', groups: { tenure: 'long' }, archived: true },
    ];
    const report = fairnessReport({ candidates, decisions: [], coverage: [] });
    expect(report.attributes.map((a) => a.attribute)).toEqual(['gender', 'site']);
    expect(report.params).toEqual({ readinessThreshold: 0.75, minGroupSize: 5, impactThreshold: 0.8, complementary: true });
  });
});
