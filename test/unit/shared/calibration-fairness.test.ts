/**
 * Fairness by group on hand-computed examples.
 *
 * Rate = promoted ÷ decided other than Defer; impact ratio = rate ÷ the
 * reference's (highest rate among shown groups with n ≥ 5, never "Not given").
 * - 18/30, 5/30, 14/30: ratios 1, 5/18 = 0.277… (shown 0.27), 14/18 = 0.777…
 *   (shown 0.77); C needs 1 more promotion: 15/18 ≥ 0.8.
 * - 3 of 6 vs 2 of 5: 0.8 exactly → not below four-fifths.
 * Suppression below 5: n = 4 hidden, n = 5 shown.
 */
import { describe, expect, it } from 'vitest';
import { NOT_GIVEN, STATUS_LABEL, fairnessReport, type GroupFairness, type PromotionFairness } from '../../../shared/calibration/fairness';
import type { FairnessMetric, FairnessPoint } from '../../../shared/calibration/fairness-readiness';
import type { CandidateRef, DecisionRef } from '../../../shared/calibration/common';

interface Built {
  candidates: CandidateRef[];
  decisions: DecisionRef[];
}

/**
 * `count` candidates with groups[attribute] = value (undefined: absent): the first `promoted` promoted (alternately
 * Promote and Promote to another level), then `deferred` deferred, the rest up to `decided` not promoted, the others undecided.
 */
function group(into: Built, attribute: string, value: string | undefined, count: number, promoted: number, decided = count, deferred = 0): void {
  for (let i = 0; i < count; i++) {
    const id = `${attribute}-${value ?? 'none'}-${i}`;
    into.candidates.push({ id, manager: 'M', groups: value === undefined ? {} : { [attribute]: value } });
    if (i >= decided) continue;
    const outcome = i < promoted ? (i % 2 === 0 ? 'promote' : 'promote-other') : i < promoted + deferred ? 'defer' : 'not-yet';
    into.decisions.push({ candidateId: id, outcome });
  }
}

/** Cells are not suppressed here (minCellSize 0) unless asked: these examples check the statistics; cell suppression has its own tests. */
function promotion(b: Built, options: { minGroupSize?: number; minCellSize?: number; complementary?: boolean } = {}): PromotionFairness {
  return fairnessReport({ ...b, coverage: [], minCellSize: 0, ...options }).attributes[0]!.promotion;
}

function g(p: PromotionFairness, name: string): GroupFairness {
  const found = p.groups.find((x) => x.group === name);
  if (!found) throw new Error(`no group ${name}`);
  return found;
}

// A trial's blind session: by gender, Man 8 promoted of 10 (2 not promoted: hidden), Non-binary 4 of 7 (hidden to
// protect it), Woman 4 of 18. Woman, alone on show, became her own reference (1.00) and read "Significant though above
// four-fifths". scipy: fisher_exact([[4,14],[12,5]]) p = 0.00671; Holm over the two tested rows (Woman, the hidden pooled) 0.0134.
describe('a group alone on show with a rate', () => {
  const b: Built = { candidates: [], decisions: [] };
  group(b, 'gender', 'Man', 10, 8);
  group(b, 'gender', 'Non-binary', 7, 4);
  group(b, 'gender', 'Woman', 18, 4);
  const p = fairnessReport({ ...b, coverage: [] }).attributes[0]!.promotion;

  it('is not its own reference, and its significant difference says it is lower', () => {
    expect(g(p, 'Man').suppressed).toBe(true);
    expect(g(p, 'Non-binary').suppressed).toBe(true);
    expect(p.reference).toBeNull();
    expect(p.noReference).toBe('Only one group is shown with decided candidates, so there is no other group to compare its rate with: no reference and no impact ratio.');
    const woman = g(p, 'Woman');
    expect(woman).toMatchObject({ reference: false, impactRatio: null, status: 'significant', direction: 'lower', statusText: 'Significantly lower than the rest' });
    expect(woman.p).toBeCloseTo(0.00671, 4);
    expect(woman.pAdjusted).toBeCloseTo(0.0134, 3);
    expect(woman.rule).toContain('→ Significantly lower than the rest.');
  });
});

describe('promotion statistics and statuses', () => {
  const b: Built = { candidates: [], decisions: [] };
  group(b, 'g', 'A', 30, 18);
  group(b, 'g', 'B', 30, 5);
  group(b, 'g', 'C', 30, 14);
  const p = promotion(b);

  it('takes the highest rate as reference and gives ratios with intervals', () => {
    expect(p.reference).toBe('A');
    expect(g(p, 'A')).toMatchObject({ reference: true, impactRatio: 1, ratioInterval: null });
    expect(g(p, 'B').impactRatio).toBeCloseTo(5 / 18, 12);
    expect(g(p, 'B').text.impactRatio).toBe('0.27');
    expect(g(p, 'C').text.impactRatio).toBe('0.77');
    expect(g(p, 'B').ratioInterval!.low).toBeCloseTo(0.1185, 3);
  });

  it('gives each group one honest status, and how many more would lift a “too few to tell”', () => {
    expect(g(p, 'B').status).toBe('adverse');
    expect(g(p, 'C')).toMatchObject({ status: 'too-few', toLift: 1 });
    expect(g(p, 'C').rule).toContain(`→ ${STATUS_LABEL['too-few']}: 1 more promoted among these 30 would lift the ratio to 0.8.`);
    // A, the reference (18 of 30 against 19 of 60 for everyone else), differs significantly, and upward.
    expect(p.statusGroups).toEqual({ adverse: ['B'], 'too-few': ['C'], significant: ['A'] });
    expect(g(p, 'A')).toMatchObject({ direction: 'higher', statusText: 'Significantly higher than the rest' });
    expect(g(p, 'B')).toMatchObject({ direction: 'lower', statusText: STATUS_LABEL.adverse });
    expect(p.omnibus?.df).toBe(2);
    expect(p.omnibusNote).toContain('chi-square test of independence of group and being promoted over 3 groups');
  });

  it('writes the rule with the same figures as the table', () => {
    for (const x of p.groups) {
      expect(x.rule).toContain(`= ${x.text.rate}, 95% interval ${x.text.rateInterval}`);
      expect(x.rule).toContain(`${x.text.impactRatio}`);
      expect(x.rule).toContain(`p = ${x.text.p}`);
    }
  });

  it('cuts 0.796 to 0.79 in both the table and the rule, beside “below 0.8” (no “0.8 < 0.8”)', () => {
    const c: Built = { candidates: [], decisions: [] };
    group(c, 'g', 'R', 10, 10);
    group(c, 'g', 'S', 250, 199);
    const s = g(promotion(c), 'S');
    expect(s.impactRatio).toBeCloseTo(0.796, 12);
    expect(s.text.impactRatio).toBe('0.79');
    expect(s.rule).toContain('(R) = 0.79, 95% interval');
    expect(s.rule).toContain(', below 0.8.');
  });

  it('treats a ratio of exactly 0.8 as not below four-fifths', () => {
    const c: Built = { candidates: [], decisions: [] };
    group(c, 'g', 'Q', 5, 2);
    group(c, 'g', 'R', 6, 3);
    const q = g(promotion(c), 'Q');
    expect(q).toMatchObject({ impactRatio: 0.8, status: null });
    expect(q.text.impactRatio).toBe('0.80');
  });
});

describe('who is counted', () => {
  it('counts Promote and Promote to another level as promoted; deferred and undecided apart, never as not promoted', () => {
    const b: Built = { candidates: [], decisions: [] };
    // 12 members: 3 promoted (promote, promote-other, promote), 2 deferred, 5 not promoted, 2 undecided → 3 of 8.
    group(b, 'g', 'P', 12, 3, 10, 2);
    const p = g(promotion(b), 'P');
    expect(p.counts).toEqual({ members: 12, promoted: 3, notPromoted: 5, deferred: 2, undecided: 2, n: 8 });
    expect(p.rate).toBe(3 / 8);
    expect(p.rule).toContain('3 promoted of 8 decided (2 deferred and 2 undecided, not counted) = 37.5%');
  });

  it('never takes “Not given” as the reference, and needs 5 decided', () => {
    const b: Built = { candidates: [], decisions: [] };
    group(b, 'g', undefined, 6, 6);
    group(b, 'g', 'A', 8, 2);
    group(b, 'g', 'B', 9, 3);
    const p = promotion(b);
    expect(p.reference).toBe('B');
    expect(g(p, NOT_GIVEN).reference).toBe(false);
    expect(g(p, NOT_GIVEN).impactRatio).toBe(3);
    const only: Built = { candidates: [], decisions: [] };
    group(only, 'g', undefined, 6, 3);
    group(only, 'g', 'A', 8, 2, 4);
    group(only, 'g', 'B', 9, 2, 4);
    const none = promotion(only, { minGroupSize: 1 });
    expect(none.reference).toBeNull();
    expect(none.noReference).toContain('at least 5 decided candidates');
  });

  it('shows a group with nobody decided without a NaN', () => {
    const b: Built = { candidates: [], decisions: [] };
    group(b, 'g', 'A', 6, 3);
    group(b, 'g', 'B', 6, 0, 0);
    const p = promotion(b, { minGroupSize: 0 });
    const x = g(p, 'B');
    expect(x).toMatchObject({ suppressed: false, rate: null, impactRatio: null, p: null, status: null });
    expect(x.rule).toBe('B: nobody decided yet (0 deferred and 6 undecided, not counted), so no rate.');
    expect(JSON.stringify(p)).not.toContain('NaN');
  });

  it('has no reference and no ratio when nobody is promoted', () => {
    const b: Built = { candidates: [], decisions: [] };
    group(b, 'g', 'Q', 5, 0);
    group(b, 'g', 'R', 6, 0);
    const p = promotion(b);
    expect(p.reference).toBeNull();
    expect(p.groups.every((s) => s.impactRatio === null && s.status === null && s.rate === 0)).toBe(true);
  });
});

describe('suppression', () => {
  it('hides n = 4 and shows n = 5; a hidden group cannot be the reference and leaks no counts', () => {
    const b: Built = { candidates: [], decisions: [] };
    group(b, 'g', 'P', 4, 4);
    group(b, 'g', 'Q', 5, 2);
    group(b, 'g', 'R', 6, 3);
    group(b, 'g', undefined, 3, 0);
    const p = promotion(b);
    expect(p.groups.map((s) => s.group)).toEqual(['P', 'Q', 'R', NOT_GIVEN]);
    expect(g(p, 'P')).toMatchObject({ suppressed: true, suppressedReason: 'small-group', hiddenLabel: 'fewer than 5', counts: null, rate: null, p: null });
    expect(g(p, 'Q')).toMatchObject({ suppressed: false, rate: 0.4 });
    expect(p.reference).toBe('R');
    for (const s of p.groups.filter((x) => x.suppressed)) expect(s.rule).not.toMatch(/\bof\b|[0-4]/);
  });

  it('labels a group hidden only to protect a smaller one as such, not as “fewer than 5”', () => {
    const b: Built = { candidates: [], decisions: [] };
    group(b, 'g', 'S', 4, 1);
    group(b, 'g', 'T', 34, 10);
    group(b, 'g', 'U', 40, 20);
    const p = promotion(b);
    expect(g(p, 'S').hiddenLabel).toBe('fewer than 5');
    expect(g(p, 'T')).toMatchObject({ suppressed: true, suppressedReason: 'complementary', hiddenLabel: 'hidden to protect a smaller group', rate: null });
    // U, alone on show, is not its own reference: there is no other shown group to compare it with.
    expect(g(p, 'U')).toMatchObject({ suppressed: false, reference: false, impactRatio: null });
    expect(p.reference).toBeNull();
    expect(g(promotion(b, { complementary: false }), 'T')).toMatchObject({ suppressed: false });
  });

  it('gives no whole-attribute test over two hidden groups pooled, which would hide a difference between them', () => {
    // A committee trial: A 7 of 11 shown; B 7 of 9 (2 not promoted) and C 1 of 7 hidden for their small cells, pooled
    // as 8 of 16. Over A and the pool, χ² = 0.49 and p = 0.48 read as "no difference"; over the real three groups
    // scipy's chi2_contingency([[7,4],[7,2],[1,6]], correction=False) gives χ² = 6.92, p = 0.031.
    const b: Built = { candidates: [], decisions: [] };
    group(b, 'g', 'A', 11, 7);
    group(b, 'g', 'B', 9, 7);
    group(b, 'g', 'C', 7, 1);
    const p = fairnessReport({ ...b, coverage: [] }).attributes[0]!.promotion;
    expect(g(p, 'B').suppressed).toBe(true);
    expect(g(p, 'C').suppressed).toBe(true);
    expect(p.omnibus).toBeNull();
    expect(p.omnibusNote).toMatch(/^No result over the whole attribute: the 2 groups too small to show are pooled for the tests/);
    // Below 0.05 over the pool it is given, saying the hidden groups were pooled: outcomes that differ between A and
    // the pool differ between the real groups too. A 9 of 12 against B 1 of 8 and C 2 of 8 pooled as 3 of 16:
    // chi2_contingency([[9,3],[3,13]], correction=False): χ² = 8.859, p = 0.002916.
    const apart: Built = { candidates: [], decisions: [] };
    group(apart, 'g', 'A', 12, 9);
    group(apart, 'g', 'B', 8, 1);
    group(apart, 'g', 'C', 8, 2);
    const q = fairnessReport({ ...apart, coverage: [] }).attributes[0]!.promotion;
    expect(g(q, 'B').suppressed && g(q, 'C').suppressed).toBe(true);
    expect(q.omnibus?.statistic).toBeCloseTo(8.859375, 6);
    expect(q.omnibus?.p).toBeCloseTo(0.002916, 6);
    expect(q.omnibusNote).toContain('The 2 groups too small to show are tested pooled, as one.');
  });
});

describe('readiness rate', () => {
  function point(metric: FairnessMetric | undefined, name: string): FairnessPoint {
    const p = metric?.series.find((s) => s.group === name);
    if (!p) throw new Error(`no group ${name}`);
    return p;
  }

  it('counts candidates with readiness share ≥ 0.75 over all members, with an interval', () => {
    // Shares 4/4, 3/4 (counts), 2/4, no packet, 4/5 → 3 of 5 = 0.6.
    const candidates: CandidateRef[] = ['w1', 'w2', 'w3', 'w4', 'w5'].map((id) => ({ id, manager: 'M', groups: { g: 'W' } }));
    const rows = (candidateId: string, ready: number, total: number) =>
      Array.from({ length: total }, (_, i) => ({ candidateId, rating: i < ready ? ('consistently' as const) : ('partially' as const), sustained: true }));
    const coverage = [...rows('w1', 4, 4), ...rows('w2', 3, 4), ...rows('w3', 2, 4), ...rows('w5', 4, 5)];
    // 2 not ready is a small cell: minCellSize 0 to check the rate itself.
    const report = fairnessReport({ candidates, decisions: [], coverage, minCellSize: 0 });
    const readiness = report.attributes[0]?.readiness;
    expect(point(readiness, 'W')).toMatchObject({ rate: 0.6, n: 5, reference: true, ratioText: '1.00' });
    expect(point(readiness, 'W').interval).not.toBeNull();
    expect(readiness?.rule).toContain('at least 75%');
    expect(point(fairnessReport({ candidates, decisions: [], coverage, readinessThreshold: 0.9, minCellSize: 0 }).attributes[0]?.readiness, 'W').rate).toBe(0.2);
  });

  it('reports every attribute found, sorted, and ignores archived candidates', () => {
    const candidates: CandidateRef[] = [
      { id: 'a', manager: 'M', groups: { site: 'X', gender: 'F' } },
      { id: 'b', manager: 'M', groups: { tenure: 'long' }, archived: true },
    ];
    const report = fairnessReport({ candidates, decisions: [], coverage: [] });
    expect(report.attributes.map((a) => a.attribute)).toEqual(['gender', 'site']);
    expect(report.params).toMatchObject({ minGroupSize: 5, minCellSize: 3, minReferenceSize: 5, impactThreshold: 0.8, significance: 0.05, complementary: true });
    expect(report.rules.caveat).toContain('not a finding');
    expect(report.rules.caveat).toContain('not legal advice');
  });
});
