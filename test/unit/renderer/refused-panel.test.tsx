// @vitest-environment jsdom
/**
 * A bundle that cannot be imported: the panel says why in its title and
 * lists where to look, in words a manager can act on (it said "First
 * problem here" under a refusal that named only a field).
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RefusedPanel } from '../../../renderer/features/packets/bundle-import-panels';

afterEach(() => cleanup());

describe('RefusedPanel', () => {
  it('names the file, says why, and points at the field when that is all it knows', async () => {
    const onClose = vi.fn();
    render(<RefusedPanel id="r" fileName="team.json" error={{ code: 'not-a-bundle', message: 'This is not a Levelset bundle: its format is "x" (expected "levelset.bundle").', field: 'format' }} onClose={onClose} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('team.json cannot be imported');
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading', { level: 3 }).textContent).toContain('This is not a Levelset bundle');
    expect(within(alert).getByRole('listitem').textContent).toBe('format — the field to check in the file');
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('lists each problem the check found, with its field', () => {
    const issues = [
      { field: 'candidates[3].name', message: 'is missing' },
      { field: 'evidence[0].date', message: '“2026-02-30” is not a real calendar date' },
    ];
    render(<RefusedPanel id="r" fileName="team.json" error={{ code: 'invalid', message: "The bundle's content is not valid: candidates[3].name is missing (and 1 more problem)", field: 'candidates[3].name', issues }} onClose={() => {}} />);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['candidates[3].name — is missing', 'evidence[0].date — “2026-02-30” is not a real calendar date']);
  });

  it('lists nothing under the title when the refusal names no field', () => {
    render(<RefusedPanel id="r" fileName="team.json" error={{ code: 'tampered', message: 'The bundle was changed or damaged after it was exported.' }} onClose={() => {}} />);
    expect(screen.queryAllByRole('listitem')).toEqual([]);
  });
});
