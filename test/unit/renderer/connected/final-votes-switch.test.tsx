// @vitest-environment jsdom
/**
 * The chair's switch for final votes (sealed or open) in a connected session:
 * choosing "open" sends final-votes.mode (queued for the committee and applied
 * here), and then the chair's final vote is cast openly and shown. The panel
 * reads what it shows with the session (useSessionData), as the presenter
 * does, and is there as soon as the session is.
 */
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { pendingOutbox, saveConnection } from '../../../../renderer/db/connected';
import { db } from '../../../../renderer/db/database';
import { loadSampleCycle } from '../../../../renderer/db/repositories';
import { revealPreVotes } from '../../../../renderer/db/sessions';
import { AT, cast, sample, TOKEN } from './harness';
import { Presenter } from './presenter-harness';

configure({ asyncUtilTimeout: 20000 });
afterEach(async () => {
  cleanup();
  await db.delete();
  await db.open();
});

describe('the chair’s final-votes switch', () => {
  it('sets final votes open for the committee, then the chair’s final vote shows as cast', async () => {
    const s = sample();
    const c = cast(s);
    await db.open();
    await loadSampleCycle(db, s, AT);
    await saveConnection(db, { cycleId: c.cycleId, serverUrl: 'ws://127.0.0.1:4222', auth: { kind: 'token', token: TOKEN }, identity: { memberId: c.chair.id, role: 'chair', name: c.chair.name } }, AT);
    const candidateId = c.candidates[0]!;
    await revealPreVotes(db, c.session.id, candidateId, AT);
    const candidate = (await db.candidates.get(candidateId))!;
    render(<Presenter sessionId={c.session.id} candidateId={candidateId} />);
    // The panel comes with the session, not a moment after its heading (no layout jump).
    await screen.findByRole('heading', { name: candidate.name });
    expect(screen.getByRole('heading', { name: 'Votes' })).toBeTruthy();
    expect(screen.getByText(`You vote as ${c.chair.name}. Each member votes from their own Levelset.`)).toBeTruthy();

    await userEvent.click(await screen.findByLabelText('Open: each shows as it is cast'));
    await waitFor(async () => expect((await db.sessionModes.get(c.session.id))?.finalVotes).toBe('open'));
    const sent = await pendingOutbox(db);
    expect(sent.map((m) => [m.event.type, m.subject.endsWith('.chair.mode')])).toEqual([['final-votes.mode', true]]);

    // The open final votes replace the sealed round once the mode is read back: wait for them, not the sealed vote's group of the same name.
    await screen.findByText(/voted · open/);
    await userEvent.click(within(await screen.findByRole('group', { name: 'Your final vote' })).getByRole('radio', { name: 'Promote' }));
    await waitFor(async () => expect((await db.votes.where('sessionId').equals(c.session.id).filter((v) => v.phase === 'post').toArray()).map((v) => [v.memberId, v.outcome])).toEqual([[c.chair.id, 'promote']]));
    expect((await pendingOutbox(db)).map((m) => m.event.type)).toEqual(['final-votes.mode', 'vote.open']);
  });
});
