// @vitest-environment jsdom
/**
 * A committee member's app in a connected session is not offered what only the chair does. A trial's member saw the
 * decision form, Finalize, Reopen… and Hide names, filled in a whole decision, and only then read "In a connected
 * session only the chair decides…". The chair's app keeps them all.
 */
import { cleanup, configure, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { saveConnection } from '../../../../renderer/db/connected';
import { db } from '../../../../renderer/db/database';
import { loadSampleCycle } from '../../../../renderer/db/repositories';
import { CalibrationView } from '../../../../renderer/features/calibration/calibration-view';
import { SessionDialogs } from '../../../../renderer/features/calibration/session/session-dialogs';
import { saveProfile } from '../../../../renderer/db/profile';
import { AT, cast, sample, TOKEN } from './harness';

configure({ asyncUtilTimeout: 20000 });
afterEach(async () => {
  cleanup();
  await db.delete();
  await db.open();
});

async function open(as: 'chair' | 'member') {
  const s = sample();
  const c = cast(s);
  await db.open();
  await loadSampleCycle(db, s, AT);
  const who = as === 'chair' ? c.chair : c.m2;
  await saveConnection(db, { cycleId: c.cycleId, serverUrl: 'ws://127.0.0.1:4222', auth: { kind: 'token', token: TOKEN }, identity: { memberId: who.id, role: as, name: who.name } }, AT);
  render(<CalibrationView params={[c.session.id]} />);
  await screen.findByRole('heading', { level: 1, name: c.session.name });
  return within(await screen.findByRole('region', { name: 'Decision' }));
}

describe('the session page of a connected session', () => {
  it('offers a member no decision form, Finalize or names switch, and says the chair records the decisions', async () => {
    const decision = await open('member');
    expect(decision.getByText('Not decided yet. The chair records the decision; it appears here as it arrives.')).toBeTruthy();
    expect(decision.queryByRole('button', { name: 'Save decision' })).toBeNull();
    for (const name of ['Finalize', 'Hide names', 'Reveal names', 'Reopen…']) expect(screen.queryByRole('button', { name })).toBeNull();
    expect(screen.getByText(/hides or reveals names, records the decisions and finalizes; this app follows\./)).toBeTruthy();
  });

  it('keeps them for the chair', async () => {
    const decision = await open('chair');
    expect(decision.getByRole('button', { name: 'Save decision' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Finalize' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^(Hide|Reveal) names$/ })).toBeTruthy();
  });
});

describe('the chair’s dialogs in a connected session', () => {
  it('do not warn a chair connected as the chair that the trail will name this machine’s profile', async () => {
    const s = sample();
    const c = cast(s);
    await db.open();
    await loadSampleCycle(db, s, AT);
    await saveProfile(db, { name: 'Tester', role: 'Committee member' }, AT);
    const session = (await db.sessions.get(c.session.id))!;
    const { unmount } = render(<SessionDialogs session={session} pending="finalize" onClose={() => undefined} />);
    // On one machine, the trail names the profile: said.
    expect(await screen.findByText(/You are not the chair\./)).toBeTruthy();
    unmount();
    // Connected as the chair, the trail names the chair (the event's actor): nothing to warn of.
    render(<SessionDialogs session={session} pending="finalize" onClose={() => undefined} connected />);
    await screen.findByRole('dialog');
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText(/You are not the chair\./)).toBeNull();
  });
});
