// @vitest-environment jsdom
/**
 * Reopening a finalized session with no reason, by keyboard: the confirm
 * button was disabled while the refused action ran, which dropped the focus
 * to the page; the dialog stayed open, Escape no longer reached it and Tab
 * went behind it (found by a keyboard walkthrough). The refusal now takes the
 * focus to the reason, is announced, and Escape cancels from anywhere.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { SessionDialogs } from '../../../renderer/features/calibration/session/session-dialogs';
import { PreVoteCorrection } from '../../../renderer/features/calibration/session/pre-vote-correction';
import type { Session, Vote } from '../../../shared/domain';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { pressWhenShown } from './press-when-shown';

afterEach(() => cleanup());

/** Clicks the dialog's confirm button (focused, as after Tab) and presses Enter the moment a refusal shows: where that Enter went. */
async function enterAsRefusalShows(confirm: HTMLElement): Promise<Element | null | undefined> {
  confirm.focus();
  const key = pressWhenShown(() => screen.queryByRole('alert'), 'Enter');
  fireEvent.click(confirm);
  await waitFor(() => expect(key.pressedOn()).toBeDefined());
  return key.pressedOn();
}
const AT = '2026-11-20T10:00:00.000Z';
const finalized: Session = {
  id: 's1',
  cycleId: 'c1',
  name: 'Week 1',
  members: [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' }],
  candidateIds: ['a'],
  orderMode: 'by-level',
  timeboxMinutes: 8,
  blind: false,
  status: 'finalized',
  finalizedAt: AT,
  reopenReason: '',
  createdAt: AT,
  updatedAt: AT,
};

describe('the reopen dialog', () => {
  it('takes the focus to the reason when reopening without one is refused, and says why aloud', async () => {
    const onClose = vi.fn();
    render(<SessionDialogs session={finalized} pending="reopen" onClose={onClose} />);
    const dialog = screen.getByRole('dialog', { name: 'Reopen Week 1?' });
    const confirm = screen.getByRole('button', { name: 'Reopen' });
    confirm.focus();
    fireEvent.click(confirm);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Say why the session is reopened');
    const reason = screen.getByLabelText('Reason (required)');
    await waitFor(() => expect(document.activeElement).toBe(reason));
    expect(reason.getAttribute('aria-describedby')).toBe(alert.id);
    expect(confirm.hasAttribute('disabled')).toBe(false);
    expect(dialog.isConnected).toBe(true);
    expect(onClose).not.toHaveBeenCalled();
  });

  // The refusal comes once the command has been asked (after an await), a render no click or key started: from an effect
  // the focus moved a task after the paint, and until then it stayed on Reopen, where an Enter asked again.
  it('has the focus on the reason the moment the refusal shows: Enter pressed then is the reason’s, not Reopen’s', async () => {
    const onClose = vi.fn();
    render(<SessionDialogs session={finalized} pending="reopen" onClose={onClose} />);
    const pressedOn = await enterAsRefusalShows(screen.getByRole('button', { name: 'Reopen' }));
    const reason = screen.getByLabelText('Reason (required)');
    expect(pressedOn).toBe(reason);
    expect(document.activeElement).toBe(reason);
    expect(onClose).not.toHaveBeenCalled();
  });

  // Finalize has no field: its refusal (here the session is not in this database) left the focus on Finalize, where an
  // Enter pressed as the message appeared asked again.
  it('Finalize: a refusal takes the focus to its message the moment it shows, so an Enter then does not ask again', async () => {
    const onClose = vi.fn();
    render(<SessionDialogs session={{ ...finalized, status: 'live' }} pending="finalize" onClose={onClose} />);
    const pressedOn = await enterAsRefusalShows(screen.getByRole('button', { name: 'Finalize' }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).not.toBe('');
    expect(pressedOn).toBe(alert);
    expect(document.activeElement).toBe(alert);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('closes on Escape even when the focus has left it for the page', () => {
    const onClose = vi.fn();
    render(<SessionDialogs session={finalized} pending="reopen" onClose={onClose} />);
    (document.activeElement as HTMLElement | null)?.blur();
    expect(document.activeElement).toBe(document.body);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('closes once on Escape pressed inside it', () => {
    const onClose = vi.fn();
    render(<SessionDialogs session={finalized} pending="reopen" onClose={onClose} />);
    fireEvent.keyDown(screen.getByLabelText('Reason (required)'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  // Escape from the page was heard only from an effect, which React runs a task after the paint of a render that no key
  // or click started: Escape pressed as such a dialog appeared did nothing. The session's dialogs open on a click
  // today, whose effects React runs before the click's task ends; this one opens from a promise, as a dialog opened
  // once a read or write has finished would.
  it('closes on Escape pressed as it appears, also when no click opened it', async () => {
    const onClose = vi.fn();
    function OpensLater() {
      const [open, setOpen] = useState(false);
      useEffect(() => void Promise.resolve().then(() => setOpen(true)), []);
      return open ? <SessionDialogs session={finalized} pending="reopen" onClose={onClose} /> : null;
    }
    let pressed = false;
    // The moment the dialog is in the page, before anything React runs after that change: the focus is still on the page.
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[role="dialog"]')) return;
      observer.disconnect();
      pressed = true;
      fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    });
    observer.observe(document.body, { childList: true, subtree: true });
    onTestFinished(() => observer.disconnect());
    render(<OpensLater />);
    await waitFor(() => expect(pressed).toBe(true));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('takes the focus in when it opens and gives it back to the button that opened it when it closes', async () => {
    // The same rule as every dialog (components/focus-trap.ts useFocusInAndBack).
    const opener = document.createElement('button');
    opener.textContent = 'Reopen…';
    document.body.append(opener);
    opener.focus();
    const view = render(<SessionDialogs session={finalized} pending="reopen" onClose={() => undefined} />);
    expect(screen.getByRole('dialog', { name: 'Reopen Week 1?' }).contains(document.activeElement)).toBe(true);
    view.unmount();
    await waitFor(() => expect(document.activeElement).toBe(opener));
    opener.remove();
  });
});

describe('the pre-vote correction dialog', () => {
  const sample = generateSampleCycle(ic0M3Levels, { candidates: 1 });
  const candidate = sample.candidates[0]!;
  const member = finalized.members[0]!;
  const vote: Vote = { id: 'v1', sessionId: 's1', candidateId: candidate.id, memberId: member.id, phase: 'pre', outcome: 'defer', levelId: null, createdAt: AT, updatedAt: AT };

  it('has the focus on the outcome the moment its refusal shows: Enter pressed then is the outcome’s, not Correct pre-vote’s', async () => {
    const onClose = vi.fn();
    render(<PreVoteCorrection sessionId="s1" candidate={candidate} member={member} vote={vote} framework={sample.framework} onClose={onClose} />);
    const pressedOn = await enterAsRefusalShows(screen.getByRole('button', { name: 'Correct pre-vote' }));
    const promote = screen.getByRole('radio', { name: 'Promote' });
    expect(pressedOn).toBe(promote);
    expect(document.activeElement).toBe(promote);
    expect(onClose).not.toHaveBeenCalled();
  });

  // A refusal of the command itself (here the session is not in this database) is about no field: the focus stayed on
  // Correct pre-vote.
  it('has the focus on the message the moment the command’s refusal shows: Enter pressed then does not ask again', async () => {
    const onClose = vi.fn();
    render(<PreVoteCorrection sessionId="s1" candidate={candidate} member={member} vote={vote} framework={sample.framework} onClose={onClose} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Promote' }));
    fireEvent.change(screen.getByLabelText('Reason (required)'), { target: { value: 'Recorded under the wrong member.' } });
    const pressedOn = await enterAsRefusalShows(screen.getByRole('button', { name: 'Correct pre-vote' }));
    const alert = screen.getByRole('alert');
    expect(pressedOn).toBe(alert);
    expect(document.activeElement).toBe(alert);
    expect(onClose).not.toHaveBeenCalled();
  });
});
