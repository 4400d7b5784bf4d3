// @vitest-environment jsdom
/**
 * Finalizing a blind session says that names are still hidden: the record it
 * freezes (the Decisions page, the CSV, the decision book) then carries
 * pseudonyms, and revealing later means reopening. The dialog said only that
 * decisions lock (found by a walkthrough helper).
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionDialogs } from '../../../renderer/features/calibration/session/session-dialogs';
import type { Session } from '../../../shared/domain';

afterEach(() => cleanup());
const AT = '2026-11-20T10:00:00.000Z';
const session = (blind: boolean): Session => ({
  id: 's1',
  cycleId: 'c1',
  name: 'Week 1',
  members: [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' }],
  candidateIds: ['a', 'b'],
  orderMode: 'by-level',
  timeboxMinutes: 8,
  blind,
  status: 'live',
  finalizedAt: null,
  reopenReason: '',
  createdAt: AT,
  updatedAt: AT,
});

describe('the finalize dialog', () => {
  it('warns that a blind session is finalized with names hidden, and says how to hand on real names', () => {
    render(<SessionDialogs session={session(true)} pending="finalize" onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Finalize Week 1?' });
    expect(dialog.textContent).toContain('Names are still hidden.');
    expect(dialog.textContent).toContain('To hand on real names, cancel and reveal names first.');
  });

  it('says nothing of names for a session that shows them', () => {
    render(<SessionDialogs session={session(false)} pending="finalize" onClose={() => {}} />);
    expect(screen.getByRole('dialog', { name: 'Finalize Week 1?' }).textContent).not.toContain('Names are still hidden');
  });
});
