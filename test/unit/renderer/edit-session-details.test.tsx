// @vitest-environment jsdom
/**
 * The chair edits a live session's name, committee and timebox from the
 * session page ("Edit details"). A chair's trial found no way to: a misspelt
 * name or a member who could not come meant a new session. The change is
 * checked like a new session's and audited; a blind session's name is shown
 * with names withheld and, left so, kept as stored; a member taken off after
 * voting is warned about.
 */
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/database';
import { saveProfile } from '../../../renderer/db/profile';
import { saveConnection } from '../../../renderer/db/connected';
import { CONNECTED_CHAIR_ONLY, CONNECTED_COMMITTEE_FIXED } from '../../../shared/connected/committee';
import { ROLE_LABEL } from '../../../renderer/features/calibration/session/labels';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { createSession, recordVote } from '../../../renderer/db/sessions';
import { CalibrationView } from '../../../renderer/features/calibration/calibration-view';
import { useUiStore } from '../../../renderer/state/ui-store';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';

configure({ asyncUtilTimeout: 20000 });
const AT = '2026-11-20T10:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { candidates: 9, submitAll: true });
const planned = sample.sessions.find((s) => s.status === 'planned')!;

beforeEach(async () => {
  await db.delete();
  await db.open();
  await saveProfile(db, { name: 'Dana Whitfield', role: 'Committee chair' }, AT);
  await loadSampleCycle(db, sample, AT);
  useUiStore.setState({ status: null });
});
afterEach(() => cleanup());

function openEdit() {
  window.location.hash = `#/calibration/${planned.id}/edit`;
  return render(<CalibrationView params={[planned.id, 'edit']} />);
}

describe('editing a live session’s details', () => {
  it('is offered on the session page and saves the name, a new member and the timebox, audited', async () => {
    window.location.hash = `#/calibration/${planned.id}`;
    const page = render(<CalibrationView params={[planned.id]} />);
    expect((await screen.findByRole('link', { name: 'Edit details' })).getAttribute('href')).toBe(`#/calibration/${planned.id}/edit`);
    page.unmount();

    const user = userEvent.setup();
    openEdit();
    const name = await screen.findByRole('textbox', { name: 'Name' });
    expect((name as HTMLInputElement).value).toBe(planned.name);
    await user.clear(name);
    await user.type(name, 'Engineering calibration, week 1 (moved)');
    await user.click(screen.getByRole('button', { name: 'Add member' }));
    await user.type(screen.getByRole('textbox', { name: `Member ${planned.members.length + 1} name` }), 'Ines Moreau');
    const timebox = screen.getByRole('spinbutton', { name: 'Timebox (minutes)' });
    await user.clear(timebox);
    await user.type(timebox, '12');
    await user.click(screen.getByRole('button', { name: 'Save details' }));

    await waitFor(async () => expect((await db.sessions.get(planned.id))?.name).toBe('Engineering calibration, week 1 (moved)'));
    const saved = (await db.sessions.get(planned.id))!;
    expect(saved.timeboxMinutes).toBe(12);
    expect(saved.members.map((m) => m.name)).toEqual([...planned.members.map((m) => m.name), 'Ines Moreau']);
    // The candidates and their order are untouched.
    expect(saved.candidateIds).toEqual(planned.candidateIds);
    expect(useUiStore.getState().status).toEqual({ text: 'Saved the details of Engineering calibration, week 1 (moved).', tone: 'info' });
    expect(window.location.hash).toBe(`#/calibration/${planned.id}`);
    const entry = (await db.audit.toArray()).find((e) => e.action === 'change session' && e.entityId === planned.id);
    expect(entry?.before).toMatchObject({ name: planned.name, members: planned.members.length, timeboxMinutes: planned.timeboxMinutes });
    expect(entry?.after).toMatchObject({ name: 'Engineering calibration, week 1 (moved)', members: planned.members.length + 1, timeboxMinutes: 12 });
  });

  it('refuses an empty name and a committee without a chair beside their fields, and saves nothing', async () => {
    const user = userEvent.setup();
    openEdit();
    await user.clear(await screen.findByRole('textbox', { name: 'Name' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Member 1 role' }), 'member');
    await user.click(screen.getByRole('button', { name: 'Save details' }));
    expect(await screen.findByText('Give the session a name.')).toBeTruthy();
    expect(screen.getByText(/^Name a chair/)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Name' }));
    expect(await db.sessions.get(planned.id)).toMatchObject({ name: planned.name, members: planned.members });
  });

  it('warns when a member who has voted is taken off the committee', async () => {
    const voter = planned.members.find((m) => m.role !== 'chair')!;
    await recordVote(db, { sessionId: planned.id, candidateId: planned.candidateIds[0]!, memberId: voter.id, phase: 'pre', outcome: 'promote' }, AT);
    const user = userEvent.setup();
    openEdit();
    const remove = await screen.findByRole('button', { name: new RegExp(`^Remove member \\d+ \\(${voter.name}\\)$`) });
    expect(screen.queryByRole('note')).toBeNull();
    await user.click(remove);
    expect(screen.getByRole('note').textContent).toBe(`${voter.name} has recorded votes in this session. Taken off the committee, those votes are left out of the tally; they count again if added back.`);
  });

  it('keeps every member’s id, so their votes still count, when another open session lists them under another id', async () => {
    // A newer open session of the cycle lists the same person under an id of its own (the new-session form draws fresh ids).
    const voter = planned.members.find((m) => m.role !== 'chair')!;
    const chair = planned.members.find((m) => m.role === 'chair')!;
    await createSession(
      db,
      { cycleId: sample.cycle.id, name: 'Another session', members: [{ ...chair, id: 'other-chair-id' }, { ...voter, id: 'other-voter-id' }], candidateIds: [], orderMode: 'by-level', timeboxMinutes: 10, blind: false },
      '2026-11-21T10:00:00.000Z',
    );
    await recordVote(db, { sessionId: planned.id, candidateId: planned.candidateIds[0]!, memberId: voter.id, phase: 'pre', outcome: 'promote' }, AT);
    const user = userEvent.setup();
    openEdit();
    const timebox = await screen.findByRole('spinbutton', { name: 'Timebox (minutes)' });
    await user.clear(timebox);
    await user.type(timebox, '14');
    await user.click(screen.getByRole('button', { name: 'Save details' }));
    await waitFor(async () => expect((await db.sessions.get(planned.id))?.timeboxMinutes).toBe(14));
    // Were the voter's id swapped for the other session's, their vote would drop out of this session's tally.
    expect((await db.sessions.get(planned.id))!.members.map((m) => m.id)).toEqual(planned.members.map((m) => m.id));
  });

  it('keeps a blind session’s stored name when its withheld form is left as shown', async () => {
    const named = `Follow-up for ${sample.candidates.find((c) => c.id === planned.candidateIds[1])!.name}`;
    await db.sessions.update(planned.id, { blind: true, name: named });
    const user = userEvent.setup();
    openEdit();
    const name = (await screen.findByRole('textbox', { name: 'Name' })) as HTMLInputElement;
    // The form shows the name as the blind session's page does: the candidate's name withheld.
    expect(name.value).not.toBe(named);
    expect(name.value).not.toContain(sample.candidates.find((c) => c.id === planned.candidateIds[1])!.name);
    const timebox = screen.getByRole('spinbutton', { name: 'Timebox (minutes)' });
    await user.clear(timebox);
    await user.type(timebox, '15');
    await user.click(screen.getByRole('button', { name: 'Save details' }));
    await waitFor(async () => expect((await db.sessions.get(planned.id))?.timeboxMinutes).toBe(15));
    expect((await db.sessions.get(planned.id))?.name).toBe(named);
  });

  it('in a connected session, the chair’s app changes the name and timebox and shows the committee as fixed', async () => {
    const chair = planned.members.find((m) => m.role === 'chair')!;
    await saveConnection(db, { cycleId: sample.cycle.id, serverUrl: 'ws://127.0.0.1:4222', auth: { kind: 'token', token: 'a-token-for-this-test' }, identity: { memberId: chair.id, role: 'chair', name: chair.name } }, AT);
    window.location.hash = `#/calibration/${planned.id}`;
    const page = render(<CalibrationView params={[planned.id]} />);
    expect(await screen.findByRole('link', { name: 'Edit details' })).toBeTruthy();
    page.unmount();

    const user = userEvent.setup();
    openEdit();
    const name = await screen.findByRole('textbox', { name: 'Name' });
    expect(screen.queryByRole('button', { name: 'Add member' })).toBeNull();
    expect(screen.getByText(CONNECTED_COMMITTEE_FIXED)).toBeTruthy();
    const committee = screen.getByRole('region', { name: 'Committee' });
    expect(within(committee).getAllByRole('listitem').map((li) => li.textContent)).toEqual(planned.members.map((m) => `${m.name} (${ROLE_LABEL[m.role]})`));
    await user.clear(name);
    await user.type(name, 'Week 1, connected');
    await user.click(screen.getByRole('button', { name: 'Save details' }));
    await waitFor(async () => expect((await db.sessions.get(planned.id))?.name).toBe('Week 1, connected'));
    expect((await db.sessions.get(planned.id))!.members).toEqual(planned.members);
  });

  it('in a connected session, a member’s app is not offered it, and its address says why', async () => {
    const member = planned.members.find((m) => m.role === 'member')!;
    await saveConnection(db, { cycleId: sample.cycle.id, serverUrl: 'ws://127.0.0.1:4222', auth: { kind: 'token', token: 'a-token-for-this-test' }, identity: { memberId: member.id, role: 'member', name: member.name } }, AT);
    window.location.hash = `#/calibration/${planned.id}`;
    const page = render(<CalibrationView params={[planned.id]} />);
    await screen.findByRole('heading', { name: planned.name, level: 1 });
    expect(screen.queryByRole('link', { name: 'Edit details' })).toBeNull();
    page.unmount();
    openEdit();
    expect(await screen.findByText(CONNECTED_CHAIR_ONLY)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save details' })).toBeNull();
  });

  it('is not offered for a finalized session, and its address says why', async () => {
    const finalized = sample.sessions.find((s) => s.status === 'finalized')!;
    window.location.hash = `#/calibration/${finalized.id}/edit`;
    render(<CalibrationView params={[finalized.id, 'edit']} />);
    expect(await screen.findByText(/^A finalized session cannot be changed\. Reopen it first/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save details' })).toBeNull();
    expect(within(document.body).getByRole('link', { name: 'Back to the session' })).toBeTruthy();
  });
});
