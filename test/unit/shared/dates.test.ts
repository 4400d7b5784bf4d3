import { describe, expect, it } from 'vitest';
import { addDays, defaultEvidenceWindow, evidenceWindowFollowing, isRealDate, quarterKey, quarterLabel, quarterOf } from '../../../shared/util/dates';

describe('quarters', () => {
  it('labels dates by calendar quarter', () => {
    expect(quarterLabel(quarterOf('2026-01-01'))).toBe('2026 Q1');
    expect(quarterLabel(quarterOf('2026-03-31'))).toBe('2026 Q1');
    expect(quarterLabel(quarterOf('2026-04-01'))).toBe('2026 Q2');
    expect(quarterLabel(quarterOf('2026-12-31'))).toBe('2026 Q4');
    expect(quarterKey('2025-08-15')).toBe('2025-Q3');
  });

  it('puts an impossible stored date (an old import) in no quarter instead of throwing', () => {
    for (const date of ['2026-00-15', '2026-03-00', '2026-02-30', '2026-13-01', '', 'not a date']) expect(quarterKey(date)).toBeNull();
    expect(quarterKey(20260315 as unknown as string)).toBeNull();
    expect(quarterKey('2024-02-29')).toBe('2024-Q1');
  });

  // Updated for issue 10: the window used to end at the close of the quarter before the closing one (2026-09-30 for a
  // cycle opening 2026-12-01), so evidence logged during the cycle, dated today by default, silently did not count.
  it('defaults the evidence window to the four full quarters before the closing quarter, up to the closing day', () => {
    expect(defaultEvidenceWindow('2026-12-15')).toEqual({ from: '2025-10-01', to: '2026-12-15' });
    expect(defaultEvidenceWindow('2026-02-01')).toEqual({ from: '2025-01-01', to: '2026-02-01' });
  });

  it('leaves the window alone while the closing year is half typed, and follows once it is a date Levelset accepts', () => {
    // Typing 2027 into a date field reports 0002-06-30 after the second digit (session 35's trial).
    expect(evidenceWindowFollowing('0002-06-30')).toBeNull();
    expect(evidenceWindowFollowing('0202-06-30')).toBeNull();
    expect(evidenceWindowFollowing('2027-06-3')).toBeNull();
    expect(evidenceWindowFollowing('2027-06-30')).toEqual({ from: '2026-04-01', to: '2027-06-30' });
  });

  it('counts a date during the cycle (a new item defaults to today) inside the default window', () => {
    // A cycle opening 2026-12-01 and closing 2026-12-15: evidence logged on its first day is inside the window.
    const window = defaultEvidenceWindow('2026-12-15');
    expect('2026-12-01' >= window.from && '2026-12-01' <= window.to).toBe(true);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('isRealDate', () => {
  it('accepts real calendar days in ISO form only', () => {
    expect(isRealDate('2026-03-31')).toBe(true);
    expect(isRealDate('2024-02-29')).toBe(true); // leap year
    expect(isRealDate('2000-02-29')).toBe(true); // divisible by 400
    expect(isRealDate('1900-02-29')).toBe(false); // divisible by 100, not 400
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2026-04-31')).toBe(false);
    expect(isRealDate('2026-13-01')).toBe(false);
    expect(isRealDate('2026-00-10')).toBe(false);
    expect(isRealDate('2026-01-00')).toBe(false);
    expect(isRealDate('2026-1-5')).toBe(false);
    expect(isRealDate('2026-01-05T00:00')).toBe(false);
    expect(isRealDate('')).toBe(false);
  });
});
