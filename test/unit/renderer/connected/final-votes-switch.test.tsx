// @vitest-environment jsdom
/**
 * The chair's switch for final votes (sealed or open) in a connected session:
 * choosing "open" sends final-votes.mode (queued for the committee and applied
 * here), and then the chair's final vote is cast openly and shown.
 */
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { pendingOutbox, saveConnection } from '../../../../renderer/db/connected';
import { db } from '../../../../renderer/db/database';
import { loadSampleCycle } from '../../../../renderer/db/repositories';
import { revealPreVotes } from '../../../../renderer/db/sessions';
import { withSessionDefaults } from '../../../../shared/calibration/session-record';
import { SessionVotes } from '../../../../renderer/features/connected/session-votes';
import { AT, cast, sample, TOKEN } from './harness';

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
    const session = withSessionDefaults((await db.sessions.get(c.session.id))!);
    const candidate = (await db.candidates.get(candidateId))!;
    const framework = (await db.frameworks.get(s.cycle.frameworkVersionId))!;
    render(<SessionVotes session={session} candidate={candidate} votes={[]} framework={framework} readOnly={false} />);

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
