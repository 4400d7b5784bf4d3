import { describe, expect, it } from 'vitest';
import { isReadyCriterion, readiness, readinessByCandidate, readinessFromRows, readinessText, type ReadinessRow } from '../../../shared/rules/readiness';

const framework = {
  criteria: [
    { id: 'a1', levelId: 'A' },
    { id: 'a2', levelId: 'A' },
    { id: 'a3', levelId: 'A' },
    { id: 'b1', levelId: 'B' },
  ],
};
const row = (candidateId: string, targetLevelId: string, criterionId: string, rating: ReadinessRow['rating'], sustained: boolean): ReadinessRow => ({
  candidateId,
  targetLevelId,
  criterionId,
  rating,
  sustained,
});

describe('isReadyCriterion', () => {
  it('counts only "consistently" with sustained evidence', () => {
    expect(isReadyCriterion({ rating: 'consistently', sustained: true })).toBe(true);
    expect(isReadyCriterion({ rating: 'consistently', sustained: false })).toBe(false);
    expect(isReadyCriterion({ rating: 'partially', sustained: true })).toBe(false);
    expect(isReadyCriterion({ rating: null, sustained: true })).toBe(false);
  });
});

describe('readinessFromRows', () => {
  it('divides by the framework’s criteria of the target level, not by the rows stored', () => {
    // a1 ready, a2 consistently but not sustained, a3 has no row: 1 of 3.
    const rows = [row('x', 'A', 'a1', 'consistently', true), row('x', 'A', 'a2', 'consistently', false)];
    const r = readinessFromRows(framework, { id: 'x', targetLevelId: 'A' }, rows);
    expect(r).toMatchObject({ ready: 1, total: 3, readyCriterionIds: ['a1'] });
    expect(r.share).toBeCloseTo(1 / 3, 10);
    expect(r.rule).toMatch(/÷ all criteria of the target level \(1 of 3\)$/);
    expect(readinessText(r)).toBe('33% (1 of 3)');
  });

  it('ignores rows of other candidates and of another target level', () => {
    const rows = [row('y', 'A', 'a1', 'consistently', true), row('x', 'B', 'a1', 'consistently', true), row('x', 'A', 'a3', 'consistently', true)];
    expect(readinessFromRows(framework, { id: 'x', targetLevelId: 'A' }, rows)).toMatchObject({ ready: 1, total: 3, readyCriterionIds: ['a3'] });
  });

  it('is 0 of 0 without a target level, shown as a dash', () => {
    const r = readinessFromRows(framework, { id: 'x', targetLevelId: null }, [row('x', 'A', 'a1', 'consistently', true)]);
    expect(r).toMatchObject({ ready: 0, total: 0, share: 0 });
    expect(readinessText(r)).toBe('—');
  });
});

describe('readiness from live coverage and from stored rows agree', () => {
  it('gives the same figure for the same criteria states', () => {
    const live = readiness([
      { criterion: { id: 'a1' }, rating: 'consistently', sustained: true },
      { criterion: { id: 'a2' }, rating: 'partially', sustained: true },
      { criterion: { id: 'a3' }, rating: 'consistently', sustained: true },
    ]);
    const stored = readinessFromRows(framework, { id: 'x', targetLevelId: 'A' }, [
      row('x', 'A', 'a1', 'consistently', true),
      row('x', 'A', 'a2', 'partially', true),
      row('x', 'A', 'a3', 'consistently', true),
    ]);
    expect(live).toEqual(stored);
    expect(live).toMatchObject({ ready: 2, total: 3, readyCriterionIds: ['a1', 'a3'] });
  });
});

describe('readinessByCandidate (aggregate views)', () => {
  it('counts per candidate; candidates without rows are absent', () => {
    const map = readinessByCandidate([row('x', 'A', 'a1', 'consistently', true), row('x', 'A', 'a2', 'not-yet', false), row('y', 'B', 'b1', 'consistently', true)]);
    expect(map.get('x')).toEqual({ ready: 1, total: 2, share: 0.5 });
    expect(map.get('y')).toEqual({ ready: 1, total: 1, share: 1 });
    expect(map.has('z')).toBe(false);
  });
});
