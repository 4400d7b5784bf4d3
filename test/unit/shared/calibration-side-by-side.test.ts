/**
 * Side-by-side compare on a small example: Ana (c1) and Ben (c2) for IC3
 * (criteria a, b, c), evidence window 2025-10-01..2026-09-30.
 *
 *   criterion  Ana                                   Ben
 *   a          consistently, sustained; e2 (2025-05,  partially, sustained; no items
 *              outside the window), e1 (2026-01)
 *   b          consistently, sustained; e1           consistently, sustained; no items
 *   c          partially                             consistently, sustained; e3 (linked twice, listed once)
 *
 * Ana's readiness: a, b → 2 of 3; Ben's: b, c → 2 of 3.
 */
import { describe, expect, it } from 'vitest';
import { sideBySide, type CompareEvidence } from '../../../shared/calibration/side-by-side';
import type { CandidateRef } from '../../../shared/calibration/common';

const criterion = (id: string, levelId: string) => ({ id, levelId, competencyId: null, text: `Criterion ${id}`, examples: [] });
const framework = { criteria: [criterion('a', 'ic3'), criterion('b', 'ic3'), criterion('c', 'ic3'), criterion('d', 'ic4')] };

const ana: CandidateRef = { id: 'c1', name: 'Ana', manager: 'Mia', targetLevelId: 'ic3' };
const ben: CandidateRef = { id: 'c2', name: 'Ben', manager: 'Noah', targetLevelId: 'ic3' };
const dee: CandidateRef = { id: 'c4', name: 'Dee', manager: 'Noah', targetLevelId: 'ic4' };

const coverage = [
  { candidateId: 'c1', targetLevelId: 'ic3', criterionId: 'a', rating: 'consistently' as const, evidenceCount: 2, sustained: true },
  { candidateId: 'c1', targetLevelId: 'ic3', criterionId: 'b', rating: 'consistently' as const, evidenceCount: 1, sustained: true },
  { candidateId: 'c1', targetLevelId: 'ic3', criterionId: 'c', rating: 'partially' as const, evidenceCount: 0, sustained: false },
  { candidateId: 'c2', targetLevelId: 'ic3', criterionId: 'a', rating: 'partially' as const, evidenceCount: 0, sustained: true },
  { candidateId: 'c2', targetLevelId: 'ic3', criterionId: 'b', rating: 'consistently' as const, evidenceCount: 0, sustained: true },
  { candidateId: 'c2', targetLevelId: 'ic3', criterionId: 'c', rating: 'consistently' as const, evidenceCount: 1, sustained: true },
];

const evidence: Record<string, CompareEvidence[]> = {
  c1: [
    { id: 'e1', candidateId: 'c1', title: 'Led the billing redesign', date: '2026-01-10', criterionIds: ['a', 'b'] },
    { id: 'e2', candidateId: 'c1', title: 'Ran the outage review', date: '2025-05-01', criterionIds: ['a'] },
  ],
  c2: [{ id: 'e3', candidateId: 'c2', title: 'Mentored a new hire', date: '2026-02-01', criterionIds: ['c', 'c'] }],
};
const window = { from: '2025-10-01', to: '2026-09-30' };

describe('sideBySide', () => {
  it('lays the level’s criteria against the candidates, with evidence titles oldest first', () => {
    const result = sideBySide({ framework, candidates: [ana, ben], coverage, evidenceByCandidate: evidence, window });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { compare } = result;
    expect(compare.levelId).toBe('ic3');
    expect(compare.rows.map((r) => r.criterionId)).toEqual(['a', 'b', 'c']);
    const a = compare.rows[0];
    expect(a?.cells.map((c) => c.candidateId)).toEqual(['c1', 'c2']);
    expect(a?.cells[0]?.evidence).toEqual([
      { id: 'e2', title: 'Ran the outage review', date: '2025-05-01', inWindow: false },
      { id: 'e1', title: 'Led the billing redesign', date: '2026-01-10', inWindow: true },
    ]);
    expect(a?.cells[1]).toMatchObject({ rating: 'partially', sustained: true, evidence: [] });
    expect(a?.ratingsDiffer).toBe(true);
    expect(compare.rows[1]?.ratingsDiffer).toBe(false);
    expect(compare.rows[2]?.cells[1]?.evidence.map((e) => e.id)).toEqual(['e3']);
    expect(compare.candidates.map((c) => [c.name, c.readiness.ready, c.readiness.total])).toEqual([
      ['Ana', 2, 3],
      ['Ben', 2, 3],
    ]);
  });

  it('keeps the picked order, accepts a Map and no window, and uses display names', () => {
    const result = sideBySide({
      framework,
      candidates: [ben, ana],
      coverage,
      evidenceByCandidate: new Map(Object.entries(evidence)),
      displayName: (c) => (c.id === 'c1' ? 'Cobalt Heron' : 'Lime Finch'),
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.compare.candidates.map((c) => c.name)).toEqual(['Lime Finch', 'Cobalt Heron']);
    expect(result.compare.rows[0]?.cells[1]?.evidence[0]?.inWindow).toBeNull();
  });

  it('refuses fewer than 2, more than 4, duplicates and mixed target levels', () => {
    const input = { framework, coverage, evidenceByCandidate: evidence };
    const error = (candidates: CandidateRef[]) => {
      const r = sideBySide({ ...input, candidates });
      return r.ok ? null : r.error.code;
    };
    expect(error([ana])).toBe('too-few');
    const five = Array.from({ length: 5 }, (_, i): CandidateRef => ({ id: `x${i}`, manager: 'M', targetLevelId: 'ic3' }));
    expect(error(five)).toBe('too-many');
    expect(error(five.slice(0, 4))).toBeNull();
    expect(error([ana, ana])).toBe('duplicate');
    expect(error([ana, dee])).toBe('mixed-levels');
    expect(error([ana, { ...ben, targetLevelId: null }])).toBe('no-target-level');
  });
});
