// @vitest-environment jsdom
/**
 * A member's own sealed vote belongs to the candidate on screen. A trial cast Defer on one candidate, moved to the
 * next, and found Defer already ticked there beside "Not cast yet"; clicking it cast nothing (a ticked radio fires no
 * change), so whoever voted the same on two candidates in a row never voted on the second. The choice was state of a
 * component the presenter kept from one candidate to the next.
 */
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { saveConnection } from '../../../../renderer/db/connected';
import { db } from '../../../../renderer/db/database';
import { loadSampleCycle } from '../../../../renderer/db/repositories';
import { AT, cast, sample, TOKEN } from './harness';
import { Presenter } from './presenter-harness';

configure({ asyncUtilTimeout: 20000 });
afterEach(async () => {
  cleanup();
  await db.delete();
  await db.open();
});

describe('a member’s own sealed pre-vote', () => {
  it('starts unticked on the next candidate, and the same choice there is cast for that candidate', async () => {
    const s = sample();
    const c = cast(s);
    await db.open();
    await loadSampleCycle(db, s, AT);
    await saveConnection(db, { cycleId: c.cycleId, serverUrl: 'ws://127.0.0.1:4222', auth: { kind: 'token', token: TOKEN }, identity: { memberId: c.chair.id, role: 'chair', name: c.chair.name } }, AT);
    const [first, second] = c.candidates as [string, string];
    const own = async () => (await db.ownVotes.toArray()).map((v) => [v.candidateId, v.vote.outcome]);

    const { rerender } = render(<Presenter sessionId={c.session.id} candidateId={first} />);
    const mine = async () => within(await screen.findByRole('group', { name: 'Your pre-vote' }));
    await userEvent.click((await mine()).getByRole('radio', { name: 'Defer' }));
    await waitFor(async () => expect(await own()).toEqual([[first, 'defer']]));

    rerender(<Presenter sessionId={c.session.id} candidateId={second} />);
    await screen.findByRole('heading', { name: (await db.candidates.get(second))!.name });
    expect((await mine()).getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toEqual([]);
    await userEvent.click((await mine()).getByRole('radio', { name: 'Defer' }));
    await waitFor(async () => expect((await own()).sort()).toEqual([[first, 'defer'], [second, 'defer']].sort()));
  });
});
