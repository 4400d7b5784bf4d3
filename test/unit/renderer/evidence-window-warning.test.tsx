// @vitest-environment jsdom
/**
 * The evidence window where a manager logs evidence: the candidate page
 * shows the cycle's window, and the evidence form warns, beside the date,
 * when the date is outside it (it will not count towards readiness). A date
 * during the cycle is inside the default window and gets no warning. A date
 * after today is warned about too: evidence is work already done (a
 * walkthrough logged a design doc dated next week, and it counted).
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { CandidatesView } from '../../../renderer/features/candidates/candidates-view';
import { formatDate, localToday } from '../../../renderer/components/dates';
import { addDays } from '../../../shared/util/dates';
import { useUiStore } from '../../../renderer/state/ui-store';

const sample = generateSampleCycle(ic0M3Levels, { candidates: 2 });
const candidate = sample.candidates[0]!;

beforeEach(async () => {
  window.location.hash = '';
  await db.delete();
  await db.open();
  await loadSampleCycle(db, sample);
  useUiStore.getState().clearStatus();
});
afterEach(() => cleanup());

/** The candidate's page with the evidence form open. */
async function openEvidenceForm() {
  const user = userEvent.setup();
  render(<CandidatesView params={[candidate.id]} />);
  await screen.findByRole('heading', { level: 1, name: candidate.name });
  await user.click(screen.getByRole('button', { name: /^Log evidence/ }));
  const form = await screen.findByRole('form', { name: 'Log evidence' });
  return { user, form, date: within(form).getByLabelText('Date') as HTMLInputElement };
}

describe('Evidence window on the candidate page', { timeout: 60_000 }, () => {
  it('shows the cycle’s window, which runs to the cycle’s close', async () => {
    render(<CandidatesView params={[candidate.id]} />);
    await screen.findByRole('heading', { level: 1, name: candidate.name });
    const term = screen.getByText('Evidence window', { selector: 'dt' });
    const value = term.nextElementSibling as HTMLElement;
    expect(value.textContent).toContain(`${formatDate('2025-10-01')} to ${formatDate('2026-12-15')}`);
    // Its own line under the dates (a block): a sentence, not a continuation after a separator.
    expect(value.querySelector('.muted')?.textContent).toBe('Only evidence dated inside it counts towards readiness.');
  });

  it('warns beside a date outside the window and not for a date during the cycle', async () => {
    const { user, form, date } = await openEvidenceForm();
    const message = `This date is outside the cycle’s evidence window (from ${formatDate('2025-10-01')} to ${formatDate('2026-12-15')}): it will not count towards readiness.`;

    // The first day the issue found silently not counting: during the cycle, after the old window closed (2026-09-30).
    await user.clear(date);
    await user.type(date, '2026-12-01');
    expect(within(form).queryByText(/outside the cycle’s evidence window/)).toBeNull();

    await user.clear(date);
    await user.type(date, '2025-09-30');
    const warning = within(form).getByText(message);
    // Said to assistive technology with the date field, not only shown.
    expect(date.getAttribute('aria-describedby')?.split(' ')).toContain(warning.closest('[id]')?.id);

    await user.clear(date);
    await user.type(date, '2026-12-16');
    expect(within(form).getByText(message)).toBeTruthy();
  });

  it('warns beside a date after today, and not for today', async () => {
    const { user, form, date } = await openEvidenceForm();
    const today = localToday();
    const message = `This date is after today (${formatDate(today)}): evidence records work already done. Check the year and the month.`;

    await user.clear(date);
    await user.type(date, today);
    expect(within(form).queryByText(/after today/)).toBeNull();

    await user.clear(date);
    await user.type(date, addDays(today, 1));
    const warning = within(form).getByText(message);
    expect(date.getAttribute('aria-describedby')?.split(' ')).toContain(warning.closest('[id]')?.id);
  });
});
