// @vitest-environment jsdom
/**
 * The evidence form's date field as a screen reader hears it: the quarter is
 * "Counts in" only when the date is inside the cycle's evidence window; a
 * date outside it is "Dated in" that quarter, beside the warning that it
 * will not count (a manager's trial heard "Counts in 2025 Q4" above it).
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fieldProblems } from '../../../renderer/components/field-problems';
import { DateField } from '../../../renderer/features/evidence/date-field';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';

afterEach(() => cleanup());

const { cycle } = generateSampleCycle(ic0M3Levels, { candidates: 1 });

function heard(date: string): string {
  const { field, error } = fieldProblems<'date'>('f', () => undefined);
  render(<DateField formId="f" date={date} cycle={cycle} field={field} error={error} onChange={() => undefined} />);
  const input = screen.getByLabelText('Date');
  return (input.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');
}

describe('the evidence date field', () => {
  it('says "Counts in" the quarter for a date inside the evidence window', () => {
    const text = heard(cycle.evidenceFrom);
    expect(text).toMatch(/^Counts in \d{4} Q[1-4]$/);
  });

  it('says "Dated in" the quarter, and why it does not count, for a date outside the window', () => {
    const text = heard('2019-06-15');
    expect(text).toContain('Dated in 2019 Q2');
    expect(text).not.toContain('Counts in');
    expect(text).toContain('it will not count towards readiness');
  });
});
