// @vitest-environment jsdom
/**
 * The committee's rule is that the chair reveals names, finalizes and
 * reopens, but the trail records whoever's name this machine's profile
 * holds: a session finalized on the HR partner's profile read "Finalized by
 * Dana Reyes (HR partner)" with nothing said before (found by a walkthrough
 * helper). The three dialogs now say so before the person confirms.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Profile, Session } from '../../../shared/domain';

let profile: Profile | null = null;
vi.mock('../../../renderer/db/profile-read', () => ({ useProfile: () => profile }));
const { SessionDialogs } = await import('../../../renderer/features/calibration/session/session-dialogs');

afterEach(() => cleanup());
const AT = '2026-11-20T10:00:00.000Z';
const session: Session = {
  id: 's1',
  cycleId: 'c1',
  name: 'Week 1',
  members: [
    { id: 'm1', name: 'Morgan Ellis', role: 'chair' },
    { id: 'm2', name: 'Dana Reyes', role: 'hr-partner' },
  ],
  candidateIds: ['a', 'b'],
  orderMode: 'by-level',
  timeboxMinutes: 8,
  blind: true,
  status: 'live',
  finalizedAt: null,
  reopenReason: '',
  createdAt: AT,
  updatedAt: AT,
};
const as = (name: string): Profile => ({ name, role: 'HR partner' });

describe('reveal, finalize and reopen say when the person recording is not the chair', () => {
  it.each([
    ['finalize', 'Finalize Week 1?', 'Dana Reyes finalized the session'],
    ['reveal', 'Reveal names?', 'Dana Reyes revealed the names'],
    ['reopen', 'Reopen Week 1?', 'Dana Reyes reopened the session'],
  ] as const)('%s, on the HR partner’s profile, names who the trail records and who chairs', (pending, title, recorded) => {
    profile = as('Dana Reyes');
    render(<SessionDialogs session={{ ...session, status: pending === 'reopen' ? 'finalized' : 'live' }} pending={pending} onClose={() => {}} />);
    const text = screen.getByRole('dialog', { name: title }).textContent ?? '';
    expect(text).toContain('You are not the chair.');
    expect(text).toContain(`The audit trail will say that ${recorded}; this session’s chair is Morgan Ellis.`);
  });

  it('says nothing when the chair’s name is the one recorded', () => {
    profile = as('Morgan Ellis');
    render(<SessionDialogs session={session} pending="finalize" onClose={() => {}} />);
    expect(screen.getByRole('dialog', { name: 'Finalize Week 1?' }).textContent).not.toContain('not the chair');
  });
});
