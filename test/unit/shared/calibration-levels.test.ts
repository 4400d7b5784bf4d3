/**
 * Headcount per level before and after decisions. Tracks IC (IC1, IC2, IC3)
 * and M (M1, M2), listed out of order in the framework on purpose.
 *
 *   candidate  now    target  decision (latest)            after
 *   p1         IC1    IC2     promote                      IC2
 *   p2         IC2    IC3     not-yet                      IC2
 *   p3         IC2    IC3     promote-other → M1           M1
 *   p4         IC3    M2      defer                        IC3
 *   p5         IC1    IC2     —                            IC1
 *   p6         IC2    IC3     defer (Jan), promote (Mar)   IC3
 *   p7         IC1    IC2     archived: not counted
 *   p8         gone   IC3     promote                      IC3 (before: outside the framework)
 *
 *   before: IC1 2 (p1, p5), IC2 3 (p2, p3, p6), IC3 1 (p4), M1 0, M2 0, outside 1  → 7
 *   after:  IC1 1 (p5), IC2 2 (p1, p2), IC3 3 (p4, p6, p8), M1 1 (p3), M2 0        → 7
 *   moved: p1, p3, p6, p8 = 4
 */
import { describe, expect, it } from 'vitest';
import { levelAfter, levelDistribution } from '../../../shared/calibration/levels';
import type { CandidateRef, DecisionRef } from '../../../shared/calibration/common';
import { TWO_TRACKS } from '../../fixtures/level-rows';

const framework = TWO_TRACKS;

const cand = (id: string, currentLevelId: string, targetLevelId: string, archived = false): CandidateRef => ({ id, manager: 'M', currentLevelId, targetLevelId, archived });
const candidates = [
  cand('p1', 'ic1', 'ic2'),
  cand('p2', 'ic2', 'ic3'),
  cand('p3', 'ic2', 'ic3'),
  cand('p4', 'ic3', 'm2'),
  cand('p5', 'ic1', 'ic2'),
  cand('p6', 'ic2', 'ic3'),
  cand('p7', 'ic1', 'ic2', true),
  cand('p8', 'gone', 'ic3'),
];
const decisions: DecisionRef[] = [
  { candidateId: 'p1', outcome: 'promote', newLevelId: 'ic2', decidedAt: '2026-03-01T10:00:00.000Z' },
  { candidateId: 'p2', outcome: 'not-yet', newLevelId: null, decidedAt: '2026-03-01T10:00:00.000Z' },
  { candidateId: 'p3', outcome: 'promote-other', newLevelId: 'm1', decidedAt: '2026-03-01T10:00:00.000Z' },
  { candidateId: 'p4', outcome: 'defer', decidedAt: '2026-03-01T10:00:00.000Z' },
  { candidateId: 'p6', outcome: 'promote', newLevelId: null, decidedAt: '2026-03-02T10:00:00.000Z' },
  { candidateId: 'p6', outcome: 'defer', decidedAt: '2026-01-15T10:00:00.000Z' },
  { candidateId: 'p7', outcome: 'promote', decidedAt: '2026-03-01T10:00:00.000Z' },
  { candidateId: 'p8', outcome: 'promote', decidedAt: '2026-03-01T10:00:00.000Z' },
];

describe('levelDistribution', () => {
  const result = levelDistribution({ framework, candidates, decisions });

  it('orders the series by track, then level order', () => {
    expect(result.series.map((p) => p.code)).toEqual(['IC1', 'IC2', 'IC3', 'M1', 'M2']);
    expect(result.series[0]).toMatchObject({ levelId: 'ic1', track: 'Individual contributor', trackId: 'ic' });
  });

  it('counts headcount before and after the decisions', () => {
    expect(result.series.map((p) => [p.code, p.before, p.after])).toEqual([
      ['IC1', 2, 1],
      ['IC2', 3, 2],
      ['IC3', 1, 3],
      ['M1', 0, 1],
      ['M2', 0, 0],
    ]);
    expect(result.outsideFramework).toEqual({ before: 1, after: 0 });
    expect(result.moved).toBe(4);
    expect(result.unresolved).toEqual([]);
    expect(result.rule).toContain('Promote to another level');
  });

  it('keeps a promote-other without a level where it was, and lists it', () => {
    const r = levelDistribution({ framework, candidates: [cand('q', 'ic1', 'ic2')], decisions: [{ candidateId: 'q', outcome: 'promote-other', newLevelId: null }] });
    expect(r.series.find((p) => p.code === 'IC1')).toMatchObject({ before: 1, after: 1 });
    expect(r.unresolved).toEqual(['q']);
  });
});

describe('levelAfter', () => {
  it('follows the outcome', () => {
    const c = { currentLevelId: 'ic1', targetLevelId: 'ic2' };
    expect(levelAfter(c, undefined)).toBe('ic1');
    expect(levelAfter(c, { candidateId: 'x', outcome: 'promote' })).toBe('ic2');
    expect(levelAfter(c, { candidateId: 'x', outcome: 'promote-other', newLevelId: 'm1' })).toBe('m1');
    expect(levelAfter(c, { candidateId: 'x', outcome: 'not-yet' })).toBe('ic1');
    expect(levelAfter(c, { candidateId: 'x', outcome: 'defer' })).toBe('ic1');
  });
});
