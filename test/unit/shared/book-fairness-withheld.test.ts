/**
 * A decision book printed before the session is finalized withholds its
 * fairness figures (shared/export/book-fairness.ts), so it must not work
 * them out either: the disclosure check behind them was most of the script
 * time of a 1,000-candidate live book in issue 13's profile. The check is
 * counted where the fairness model calls it; the model printed is the same.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Decision } from '../../../shared/domain';
import { fairnessReport } from '../../../shared/calibration/fairness';
import * as disclosure from '../../../shared/calibration/disclosure';
import { bookFairness, FAIRNESS_WITHHELD } from '../../../shared/export/book-fairness';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';

vi.mock('../../../shared/calibration/disclosure', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../shared/calibration/disclosure')>();
  return { ...actual, cellRangesAsideBySum: vi.fn(actual.cellRangesAsideBySum) };
});

const AT = '2026-11-20T10:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 200, seed: 3 });
const session = sample.sessions.find((s) => !s.record)!;
const candidates = sample.candidates.filter((c) => session.candidateIds.includes(c.id));
const decisions: Decision[] = session.candidateIds.map((candidateId, i) => ({
  ...sample.decisions[0]!,
  id: `d-${i}`,
  sessionId: session.id,
  candidateId,
  outcome: i % 3 === 0 ? 'not-yet' : 'promote',
  decidedAt: AT,
  updatedAt: AT,
}));
const input = (finalized: boolean) => ({
  finalized,
  blind: false,
  names: { salt: '', candidate: (id: string) => id, manager: (n: string) => n, team: (n: string) => n, group: (_a: string, v: string) => v },
  framework: sample.framework,
  candidates,
  decisions,
  coverage: [],
  cycle: { candidates: sample.candidates, packets: sample.packets },
});

describe('decision book fairness before finalizing', () => {
  it('works out no fairness figure, and prints the withheld sentence and the rules', () => {
    const check = vi.mocked(disclosure.cellRangesAsideBySum);
    check.mockClear();
    const live = bookFairness(input(false));
    expect(check).not.toHaveBeenCalled();
    expect(live).toEqual({ fairness: [], fairnessWithheld: FAIRNESS_WITHHELD, fairnessRules: fairnessReport({ candidates, decisions, coverage: [] }).rules, nomination: null, nominationNote: null, tracks: null });
  });

  it('works them out once finalized (so the count above can see the check)', () => {
    const check = vi.mocked(disclosure.cellRangesAsideBySum);
    check.mockClear();
    const done = bookFairness(input(true));
    expect(check).toHaveBeenCalled();
    expect(done.fairness.length).toBeGreaterThan(0);
  });
});
