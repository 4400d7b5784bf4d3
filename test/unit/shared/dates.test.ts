import { describe, expect, it } from 'vitest';
import { addDays, defaultEvidenceWindow, isRealDate, quarterKey, quarterLabel, quarterOf } from '../../../shared/util/dates';

describe('quarters', () => {
  it('labels dates by calendar quarter', () => {
    expect(quarterLabel(quarterOf('2026-01-01'))).toBe('2026 Q1');
    expect(quarterLabel(quarterOf('2026-03-31'))).toBe('2026 Q1');
    expect(quarterLabel(quarterOf('2026-04-01'))).toBe('2026 Q2');
    expect(quarterLabel(quarterOf('2026-12-31'))).toBe('2026 Q4');
    expect(quarterKey('2025-08-15')).toBe('2025-Q3');
  });

  it('defaults the evidence window to the four full quarters before the closing quarter', () => {
    expect(defaultEvidenceWindow('2026-12-15')).toEqual({ from: '2025-10-01', to: '2026-09-30' });
    expect(defaultEvidenceWindow('2026-02-01')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
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
