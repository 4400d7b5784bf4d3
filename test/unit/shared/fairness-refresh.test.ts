/**
 * The fairness view's refresh rule: figures are retaken on finalize, the
 * first time, or once at least 5 decisions have been recorded, changed or
 * removed since the figures shown were taken; never for 1 to 4.
 */
import { describe, expect, it } from 'vitest';
import { decisionsRecordedSince, fairnessRefresh, REFRESH_AFTER, snapshotMark } from '../../../shared/calibration/fairness-refresh';

const T0 = '2026-11-20T10:00:00.000Z';
const T1 = '2026-11-20T11:00:00.000Z';
const d = (i: number, at = T0) => ({ id: `d${i}`, updatedAt: at });
const first = [d(1), d(2), d(3)];
const last = snapshotMark(first, T0);

describe('fairnessRefresh', () => {
  it('takes figures the first time they are shown', () => {
    expect(fairnessRefresh({ decisions: first, finalized: false }, null)).toEqual({ refresh: true, reason: 'first', recordedSince: 0 });
  });

  it('keeps the figures for 1 to 4 new decisions and retakes them at the 5th', () => {
    expect(REFRESH_AFTER).toBe(5);
    for (let k = 1; k <= 4; k++) {
      const now = [...first, ...Array.from({ length: k }, (_, i) => d(10 + i))];
      expect(fairnessRefresh({ decisions: now, finalized: false }, last)).toEqual({ refresh: false, reason: null, recordedSince: k });
    }
    const five = [...first, d(10), d(11), d(12), d(13), d(14)];
    expect(fairnessRefresh({ decisions: five, finalized: false }, last)).toEqual({ refresh: true, reason: 'decisions', recordedSince: 5 });
  });

  it('counts a changed decision and a removed one as recorded, an unchanged one not', () => {
    // d1 changed, d2 removed, d3 unchanged, d4 and d5 new: 4 recorded.
    const now = [d(1, T1), d(3), d(4), d(5)];
    expect(decisionsRecordedSince(now, last)).toBe(4);
    expect(fairnessRefresh({ decisions: now, finalized: false }, last).refresh).toBe(false);
    expect(fairnessRefresh({ decisions: [...now, d(6)], finalized: false }, last)).toMatchObject({ refresh: true, recordedSince: 5 });
  });

  it('always shows the final figures of a finalized session, even with nothing new', () => {
    expect(fairnessRefresh({ decisions: first, finalized: true }, last)).toEqual({ refresh: true, reason: 'finalized', recordedSince: 0 });
    expect(fairnessRefresh({ decisions: first, finalized: true }, null).reason).toBe('finalized');
  });

  it('counts from the snapshot just taken, not from the first one', () => {
    const five = [...first, d(10), d(11), d(12), d(13), d(14)];
    const retaken = snapshotMark(five, T1);
    expect(fairnessRefresh({ decisions: [...five, d(15)], finalized: false }, retaken)).toEqual({ refresh: false, reason: null, recordedSince: 1 });
  });
});
