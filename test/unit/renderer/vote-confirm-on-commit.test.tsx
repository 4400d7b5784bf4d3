// @vitest-environment jsdom
/**
 * A vote is shown as recorded as soon as its write commits (issue 13: the
 * confirmation within 100 ms of the click), from the row the write
 * returned, not after the session's votes are read again and the whole
 * review re-rendered. Here the panel's votes are never re-read (the prop
 * stays empty), so only the write's own result can show it. Once a read
 * brings a newer vote, the read is what is shown.
 */
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionRow, Vote } from '../../../shared/domain';
import { db } from '../../../renderer/db/database';
import { AT, candidate, oneMemberSession, sample } from './one-member-session';
import { newerVote } from '../../../renderer/features/calibration/session/vote-cell';
import { VotesPanel } from '../../../renderer/features/calibration/session/votes-panel';
import { useUiStore } from '../../../renderer/state/ui-store';

configure({ asyncUtilTimeout: 15_000 });

let session: SessionRow;

beforeEach(async () => {
  session = await oneMemberSession();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const vote = (outcome: Vote['outcome'], updatedAt: string, extra: Partial<Vote> = {}): Vote => ({
  id: `${session.id}:${candidate.id}:m1:post`,
  sessionId: session.id,
  candidateId: candidate.id,
  memberId: 'm1',
  phase: 'post',
  outcome,
  levelId: null,
  createdAt: AT,
  updatedAt,
  ...extra,
});

describe('a vote’s confirmation', () => {
  it('shows the pre-vote as recorded and the final vote’s outcome once the write commits, with no re-read of the votes', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    render(<VotesPanel session={session} candidate={candidate} votes={[]} framework={sample.framework} readOnly={false} decided={false} />);
    const pre = screen.getByRole('group', { name: 'Pre-vote of Morgan Ellis' });
    await user.click(within(pre).getByRole('radio', { name: 'Promote' }));
    await within(pre).findByText(/Recorded, hidden until the pre-votes are revealed/);
    expect(within(pre).queryByText('No pre-vote yet')).toBeNull();
    // Its choice stays unticked (hidden), so a screen reader hears the confirmation, and the group is described by it.
    await waitFor(() => expect(useUiStore.getState().status?.text).toBe('Pre-vote of Morgan Ellis recorded, hidden until the pre-votes are revealed.'));
    expect(pre.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(pre.getAttribute('aria-describedby')!)?.textContent).toContain('Recorded, hidden until the pre-votes are revealed');

    const final = screen.getByRole('group', { name: 'Final vote of Morgan Ellis' });
    await user.click(within(final).getByRole('radio', { name: 'Not yet' }));
    await waitFor(() => expect(within(final).queryByText('No final vote yet')).toBeNull());
    expect((within(final).getByRole('radio', { name: 'Not yet' }) as HTMLInputElement).checked).toBe(true);
    // What is shown is what was stored.
    expect((await db.votes.toArray()).map((v) => [v.phase, v.outcome]).sort()).toEqual([['post', 'not-yet'], ['pre', 'promote']]);
  });

  it('leaves nothing of a hidden pre-vote on screen: no level picker with the level chosen, no focus on the option chosen', { timeout: 30_000 }, async () => {
    // A chair's trial: a pre-vote for Promote to another level kept its picker showing "M1" after it was recorded, and the
    // focus ring stayed on the option chosen by keyboard, both in view of the room until the reveal.
    const user = userEvent.setup();
    render(<VotesPanel session={session} candidate={candidate} votes={[]} framework={sample.framework} readOnly={false} decided={false} />);
    const pre = screen.getByRole('group', { name: 'Pre-vote of Morgan Ellis' });
    await user.click(within(pre).getByRole('radio', { name: 'Promote to another level' }));
    const level = within(pre).getByRole('combobox', { name: /^Level/ }) as HTMLSelectElement;
    const other = [...level.options].find((o) => o.value !== '')!;
    await user.selectOptions(level, other.value);
    await within(pre).findByText(/Recorded, hidden until the pre-votes are revealed/);
    expect(within(pre).queryByRole('combobox')).toBeNull();
    expect(pre.textContent).not.toContain(other.textContent!);
    expect(within(pre).getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
    expect(document.activeElement?.id).toBe(pre.getAttribute('aria-describedby'));
    expect((await db.votes.toArray()).map((v) => [v.phase, v.outcome, v.levelId])).toEqual([['pre', 'promote-other', other.value]]);
  });

  it('replaces the hidden pre-vote’s message when the pre-votes are revealed', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    render(<VotesPanel session={session} candidate={candidate} votes={[]} framework={sample.framework} readOnly={false} decided={false} />);
    await user.click(within(screen.getByRole('group', { name: 'Pre-vote of Morgan Ellis' })).getByRole('radio', { name: 'Defer' }));
    await waitFor(() => expect(useUiStore.getState().status?.text).toBe('Pre-vote of Morgan Ellis recorded, hidden until the pre-votes are revealed.'));
    // The votes as the session reads them again: revealing then replaces that message, which stayed on screen saying the opposite of what it showed (a trial).
    cleanup();
    render(<VotesPanel session={session} candidate={candidate} votes={await db.votes.toArray()} framework={sample.framework} readOnly={false} decided={false} />);
    await user.click(screen.getByRole('button', { name: 'Reveal pre-votes' }));
    await waitFor(() => expect(useUiStore.getState().status?.text).toBe('Pre-votes revealed: 1 of 1 cast. They are locked as cast.'));
  });

  it('goes back to the stored vote when the write fails: a level it refused is not left in the picker', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    useUiStore.getState().clearStatus();
    render(<VotesPanel session={session} candidate={candidate} votes={[]} framework={sample.framework} readOnly={false} decided={false} />);
    const final = screen.getByRole('group', { name: 'Final vote of Morgan Ellis' });
    await user.click(within(final).getByRole('radio', { name: 'Promote to another level' }));
    // Named for the member as their name is written (it once read "for the final vote of morgan ellis").
    const picker = within(final).getByRole('combobox', { name: 'Level for the final vote of Morgan Ellis' }) as HTMLSelectElement;
    const level = [...picker.options].find((o) => o.value !== '')!.value;
    vi.spyOn(db.votes, 'bulkPut').mockImplementation(() => Promise.reject(new Error('The disk is full')) as never);
    await user.selectOptions(picker, level);
    await waitFor(() => expect(useUiStore.getState().status?.text).toContain('Could not record the final vote of Morgan Ellis: The disk is full.'));
    expect(await db.votes.count()).toBe(0);
    // Nothing was stored, so nothing is shown as picked: no level, no outcome.
    expect(within(final).queryByRole('combobox')).toBeNull();
    expect(within(final).getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
    expect(within(final).getByText('No final vote yet')).toBeTruthy();
  });

  // A chair's trial arrowed through the level list from M1 to M3: each level passed was recorded as a final vote.
  it('records a level reached with the arrow keys only on Enter, or when the focus leaves the list', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    render(<VotesPanel session={session} candidate={candidate} votes={[]} framework={sample.framework} readOnly={false} decided={false} />);
    const final = screen.getByRole('group', { name: 'Final vote of Morgan Ellis' });
    await user.click(within(final).getByRole('radio', { name: 'Promote to another level' }));
    const picker = within(final).getByRole('combobox', { name: 'Level for the final vote of Morgan Ellis' }) as HTMLSelectElement;
    const [first, second] = [...picker.options].filter((o) => o.value !== '').map((o) => o.value);
    // A closed list box changes its value with each arrow press (the browser's own), and says so with a change event.
    fireEvent.keyDown(picker, { key: 'ArrowDown' });
    fireEvent.change(picker, { target: { value: first } });
    fireEvent.keyDown(picker, { key: 'ArrowDown' });
    fireEvent.change(picker, { target: { value: second } });
    expect(picker.value).toBe(second);
    expect(within(final).getByText('Press Enter to record this level.')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await db.votes.count()).toBe(0);
    fireEvent.keyDown(picker, { key: 'Enter' });
    await waitFor(async () => expect((await db.votes.toArray()).map((v) => v.levelId)).toEqual([second]));
    // One vote in the trail, not one per level passed.
    expect((await db.audit.toArray()).filter((e) => e.entityType === 'vote')).toHaveLength(1);

    // Arrowed to another level and left with Tab: recorded on leaving.
    fireEvent.keyDown(picker, { key: 'ArrowUp' });
    fireEvent.change(picker, { target: { value: first } });
    fireEvent.blur(picker);
    await waitFor(async () => expect((await db.votes.toArray()).map((v) => v.levelId)).toEqual([first]));
  });

  it('shows the read vote once it is as new as the written one, and the read row’s (redacted) corrections', () => {
    const written = vote('promote', '2026-11-20T10:05:00.000Z', { corrections: [{ at: AT, by: 'Morgan Ellis', from: { outcome: 'defer', levelId: null }, reason: 'Ada asked for it' }] });
    const redacted = [{ at: AT, by: 'Member 1', from: { outcome: 'defer' as const, levelId: null }, reason: 'Candidate A asked for it' }];
    // The read has not caught up: the written outcome, with the read row's corrections.
    expect(newerVote(vote('defer', '2026-11-20T10:01:00.000Z', { corrections: redacted }), written)).toMatchObject({ outcome: 'promote', corrections: redacted });
    expect(newerVote(undefined, written)?.corrections).toBeUndefined();
    // The read is as new or newer (another window changed it since): the read.
    expect(newerVote(vote('defer', '2026-11-20T10:05:00.000Z'), written)?.outcome).toBe('defer');
    expect(newerVote(vote('not-yet', '2026-11-20T10:09:00.000Z'), written)?.outcome).toBe('not-yet');
    expect(newerVote(vote('defer', AT), undefined)?.outcome).toBe('defer');
  });
});
