/**
 * The Decisions page's rows (renderer/db/session-assembly.ts
 * cycleDecisionRows) take work in proportion to the cycle, not to the cycle
 * times each session (issue 13: `includes` over a session's ids per
 * candidate was 3,000 × 1,000 steps a session). Counted as reads of the
 * sessions' candidate-id arrays: a linear pass reads each id a few times.
 */
import { describe, expect, it } from 'vitest';
import { withSessionDefaults } from '../../../shared/calibration/session-record';
import type { SessionRow } from '../../../shared/domain';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { cycleDecisionRows } from '../../../renderer/db/session-assembly';

const AT = '2026-11-20T10:00:00.000Z';

/** A session row whose candidate ids count every element read. */
function countingSession(id: string, cycleId: string, candidateIds: string[], blind: boolean, reads: { n: number }): SessionRow {
  const ids = new Proxy(candidateIds, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads.n++;
      return Reflect.get(target, key, receiver);
    },
  });
  return withSessionDefaults({
    id, cycleId, name: id, members: [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' }], candidateIds: ids, orderMode: 'by-level', timeboxMinutes: 8, blind,
    status: 'live', finalizedAt: null, reopenReason: '', revealedPreVotes: [], record: null, history: [], createdAt: AT, updatedAt: AT,
  } as SessionRow);
}

function idReads(candidates: number, blind: boolean): { reads: number; rows: ReturnType<typeof cycleDecisionRows> } {
  const sample = generateSampleCycle(ic0M3Levels, { candidates });
  const reads = { n: 0 };
  const half = sample.candidates.slice(0, candidates / 2).map((c) => c.id);
  const sessions = [countingSession('s1', sample.cycle.id, half, blind, reads), countingSession('s2', sample.cycle.id, sample.candidates.map((c) => c.id), blind, reads)];
  reads.n = 0;
  const rows = cycleDecisionRows({ sessions, cycle: sample.cycle, candidates: sample.candidates, decisions: [], votes: [], frameworks: [sample.framework] });
  return { reads: reads.n, rows };
}

describe('the Decisions page rows', () => {
  for (const blind of [false, true]) {
    it(`read each session's candidate ids a few times whatever the cycle's size${blind ? ' (blind)' : ''}`, () => {
      for (const size of [100, 400]) {
        const { reads, rows } = idReads(size, blind);
        // Both sessions' candidates, in full: the shape is not bought by dropping rows.
        expect(rows.map((r) => r.candidates.length)).toEqual([size / 2, size]);
        // 1.5 × size ids in the two sessions; `includes` per candidate read about size² / 2.
        expect(reads).toBeLessThanOrEqual(10 * 1.5 * size);
      }
    });
  }
});
