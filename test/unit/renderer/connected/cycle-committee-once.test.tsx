// @vitest-environment jsdom
/**
 * The Cycles page's Connected mode panel ("You are") lists each committee
 * member once when the cycle has two sessions. The new-session form gives
 * every member a fresh id, so the same people on a second session have ids of
 * their own: they were listed once per session. The one kept is the newest
 * open session's (a finalized session is not opened on the stream).
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../../renderer/db/database';
import { saveProfile } from '../../../../renderer/db/profile';
import { loadSampleCycle } from '../../../../renderer/db/repositories';
import { joinCommittee } from '../../../../renderer/db/connected/connection';
import { CyclesView } from '../../../../renderer/features/cycles/cycles-view';
import { ic0M3Levels } from '../../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../../shared/sample/sample-cycle';

const sample = generateSampleCycle(ic0M3Levels, { candidates: 6 });
const [pilot, week1] = sample.sessions;
// The week-1 session as the form would have made it: the same people retyped (one in capitals), new ids.
const retyped = week1!.members.map((m, i) => ({ ...m, id: `week1-member-${i + 1}`, name: i === 2 ? m.name.toUpperCase() : m.name }));

beforeEach(async () => {
  await db.delete();
  await db.open();
  await saveProfile(db, { name: 'Morgan Ellis', role: '' });
  await loadSampleCycle(db, { ...sample, sessions: [pilot!, { ...week1!, members: retyped }] });
});
afterEach(() => cleanup());

describe('Connected mode: who this app acts as', () => {
  it('offers each committee member once, with the id of the open session', async () => {
    render(<CyclesView />);
    const panel = await screen.findByRole('region', { name: 'Connected mode' });
    const who = within(panel).getByLabelText('You are');
    await within(who).findAllByRole('option', { name: 'Morgan Ellis (Chair)' });
    const options = within(who).getAllByRole('option') as HTMLOptionElement[];
    expect(options.map((o) => o.textContent)).toEqual(['Choose…', 'Morgan Ellis (Chair)', 'Priyanka Rao (Member)', 'LUKAS BRANDT (Member)', 'Helen Okoro (HR partner)', 'A manager who sends packets']);
    expect(options.slice(1, 5).map((o) => o.value)).toEqual(['week1-member-1', 'week1-member-2', 'week1-member-3', 'week1-member-4']);
  });

  it('names a member who joined with their committee id by the name the committee gives it', async () => {
    await joinCommittee(db, { cycleId: sample.cycle.id, serverUrl: 'ws://127.0.0.1:4222', auth: { kind: 'token', token: 'a-token-of-24-characters' }, memberId: 'week1-member-2', cyclePassphrase: 'a passphrase long enough' }, '2026-10-01T00:00:00.000Z');
    render(<CyclesView />);
    const panel = await screen.findByRole('region', { name: 'Connected mode' });
    // It said "week1-member-2, a committee member": an id the member never sees anywhere else.
    expect(await within(panel).findByText(/^Priyanka Rao, a committee member/)).toBeTruthy();
    expect(within(panel).getByText(/committee id week1-member-2/)).toBeTruthy();
  });
});
