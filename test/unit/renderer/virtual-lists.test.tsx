// @vitest-environment jsdom
/**
 * The Candidates table at 3,000 candidates (issue 13): only a window of
 * rows is in the DOM (it used to hold all 3,000 rows, 24,000 nodes), the
 * table still tells a screen reader how many rows there are and which one
 * each is, and the arrow keys move from row to row on the same control.
 * (jsdom has no layout, so the window is the first rows; the browser test
 * covers scrolling and End.)
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Candidate } from '../../../shared/domain/candidate';
import { CandidatesTable } from '../../../renderer/features/candidates/candidates-table';

afterEach(() => cleanup());

const candidates: Candidate[] = Array.from({ length: 3000 }, (_, i) => ({
  id: `c-${i}`,
  cycleId: 'cy',
  name: `Person ${String(i).padStart(4, '0')}`,
  manager: `Manager ${i % 40}`,
  team: `Team ${i % 12}`,
  currentLevelId: null,
  targetLevelId: null,
  archived: false,
  createdAt: '2026-10-01T09:00:00.000Z',
  updatedAt: '2026-10-01T09:00:00.000Z',
})) as unknown as Candidate[];

describe('Candidates table with 3,000 candidates', () => {
  it('puts at most 80 rows in the DOM and numbers them for screen readers', () => {
    render(<CandidatesTable caption="Candidates in Cycle" candidates={candidates} counts={new Map([['c-1', 7]])} levelById={new Map()} />);
    const table = screen.getByRole('table', { name: 'Candidates in Cycle' });
    expect(table.getAttribute('aria-rowcount')).toBe('3001');
    const rows = table.querySelectorAll('tbody tr:not([aria-hidden])');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThanOrEqual(80);
    expect(rows[1]?.getAttribute('aria-rowindex')).toBe('3');
    expect(within(rows[1] as HTMLElement).getByRole('link').textContent).toBe('Person 0001');
    expect(within(rows[1] as HTMLElement).getByText('7')).toBeTruthy();
  });

  it('moves between rows with the arrow keys and Home, on the same control', async () => {
    const user = userEvent.setup();
    render(<CandidatesTable caption="Candidates in Cycle" candidates={candidates} counts={new Map()} levelById={new Map()} />);
    screen.getByRole('link', { name: 'Person 0000' }).focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('Person 0002');
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement?.textContent).toBe('Person 0001');
    await user.keyboard('{PageDown}');
    expect(document.activeElement?.textContent).toBe('Person 0011');
    await user.keyboard('{Home}');
    expect(document.activeElement?.textContent).toBe('Person 0000');
  });
});
