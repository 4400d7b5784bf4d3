// @vitest-environment jsdom
/**
 * The new-session form with Testing Library against the app's database:
 * problems from sessionProblems are named beside their fields and nothing
 * is saved; a complete form creates the session with the chosen candidates
 * in level order (or a stored shuffled order) and opens its page; the list
 * links to it.
 */
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { createSession } from '../../../renderer/db/sessions';
import { saveProfile } from '../../../renderer/db/profile';
import { WITHHELD, sessionNames } from '../../../shared/calibration/blind';
import { compareNames } from '../../../shared/calibration/common';
import { CalibrationView } from '../../../renderer/features/calibration/calibration-view';
import { useUiStore } from '../../../renderer/state/ui-store';

configure({ asyncUtilTimeout: 15_000 });

const full = generateSampleCycle(ic0M3Levels, { candidates: 8 });
// The form's own workings on a cycle without sessions yet: every submitted packet is offered.
const sample = { ...full, sessions: [], votes: [], decisions: [] };
const submitted = sample.packets.filter((p) => p.status === 'submitted').map((p) => p.candidateId);

beforeEach(async () => {
  window.location.hash = '#/calibration/new';
  await db.delete();
  await db.open();
  await loadSampleCycle(db, sample);
});
afterEach(() => cleanup());

function description(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();
}

describe('New session form', { timeout: 60_000 }, () => {
  it('leaves out whoever a finalized session decided, and says who is on another session’s list too', async () => {
    // The sample at its usual size: a finalized pilot with decisions, and a planned week 1 listing the rest.
    const big = generateSampleCycle(ic0M3Levels, { candidates: 42 });
    await db.delete();
    await db.open();
    await loadSampleCycle(db, big);
    render(<CalibrationView params={['new']} />);
    const form = await screen.findByRole('form', { name: 'Session' });
    const pilot = big.sessions.find((s) => s.status === 'finalized')!;
    const week1 = big.sessions.find((s) => s.status !== 'finalized')!;
    const submittedBig = big.packets.filter((p) => p.status === 'submitted').map((p) => p.candidateId);
    const decidedInPilot = big.decisions.filter((d) => d.sessionId === pilot.id && d.outcome !== 'defer').map((d) => d.candidateId);
    const offered = submittedBig.filter((id) => !decidedInPilot.includes(id));
    const alsoListed = offered.filter((id) => week1.candidateIds.includes(id));
    expect(decidedInPilot.length).toBeGreaterThan(0);
    expect(alsoListed.length).toBeGreaterThan(0);
    await waitFor(() => expect(within(form).getByRole('status').textContent).toContain(`${offered.length} candidates will be reviewed`));
    const note = within(form).getByText(/^Not offered:/).textContent ?? '';
    expect(note).toContain(`${decidedInPilot.length} candidate${decidedInPilot.length === 1 ? '' : 's'} already decided in ${pilot.name}`);
    expect(note).toContain(`Also on another list: ${alsoListed.length} candidate${alsoListed.length === 1 ? '' : 's'} of ${week1.name}`);
  });

  it('starts the chair’s name as the profile’s, which stays editable', async () => {
    // A chair's trial typed their own name into the committee of every new session.
    await saveProfile(db, { name: 'Dana Whitfield', role: 'Committee chair' }, '2026-11-01T09:00:00.000Z');
    const user = userEvent.setup();
    render(<CalibrationView params={['new']} />);
    const form = await screen.findByRole('form', { name: 'Session' });
    const chairName = within(form).getByLabelText('Member 1 name') as HTMLInputElement;
    await waitFor(() => expect(chairName.value).toBe('Dana Whitfield'));
    expect(within(form).getByLabelText('Member 2 name')).toHaveProperty('value', '');
    await user.clear(chairName);
    await user.type(chairName, 'Morgan Ellis');
    expect(chairName.value).toBe('Morgan Ellis');
  });

  it('gives someone already on one of the cycle’s committees the id they have there, so they are one member across its sessions', async () => {
    // With fresh ids, connected mode's "You are" listed them once per session, and acting as one reached only that session.
    await db.delete();
    await db.open();
    await loadSampleCycle(db, full);
    const open = full.sessions.find((s) => s.status !== 'finalized')!;
    const chair = open.members.find((m) => m.role === 'chair')!;
    const user = userEvent.setup();
    render(<CalibrationView params={['new']} />);
    const form = await screen.findByRole('form', { name: 'Session' });
    await user.type(within(form).getByLabelText('Name'), 'Week 2');
    await user.type(within(form).getByLabelText('Member 1 name'), `  ${chair.name.toUpperCase()} `);
    await user.type(within(form).getByLabelText('Member 2 name'), 'Someone New');
    await user.click(within(form).getByRole('checkbox', { name: /Also include candidates/ }));
    await user.click(within(form).getByRole('button', { name: 'Create session' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/calibration\/[0-9a-f-]{36}$/));
    const session = (await db.sessions.get(window.location.hash.split('/')[2]!))!;
    expect(session.members[0]!.id).toBe(chair.id);
    const known = new Set(full.sessions.flatMap((s) => s.members.map((m) => m.id)));
    expect(known.has(session.members[1]!.id)).toBe(false);
  });

  it('ties each problem to its field and saves nothing', async () => {
    const user = userEvent.setup();
    render(<CalibrationView params={['new']} />);
    const form = await screen.findByRole('form', { name: 'Session' });
    expect(within(form).getByRole('status').textContent).toContain(`${submitted.length} candidates will be reviewed`);

    // Only draft packets at IC2 in this sample: no candidate left to review.
    const ic2 = sample.framework.levels.find((l) => l.code === 'IC2')!;
    await user.click(within(form).getByRole('checkbox', { name: new RegExp(`^${ic2.code} ${ic2.title}`) }));
    expect(within(form).getByRole('status').textContent).toContain('0 candidates will be reviewed');
    const timebox = within(form).getByLabelText('Timebox (minutes)');
    await user.clear(timebox);
    await user.click(within(form).getByRole('button', { name: 'Create session' }));

    const name = within(form).getByLabelText('Name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(description(name)).toBe('Give the session a name.');
    expect(document.activeElement).toBe(name);
    const committee = within(form).getByRole('group', { name: 'Committee' });
    expect(description(committee)).toBe('Every committee member needs a name.');
    expect(within(form).getByLabelText('Member 1 name').getAttribute('aria-invalid')).toBe('true');
    // The empty name field says why too (only the committee's group did).
    expect(description(within(form).getByLabelText('Member 1 name'))).toBe('Every committee member needs a name.');
    expect(description(within(form).getByRole('group', { name: 'Candidates to review' }))).toBe('Choose at least one candidate to review.');
    expect(description(timebox)).toBe('Per candidate. The presenter shows the time spent; it only turns into a warning once the timebox is over. A timebox is 1 to 240 minutes.');

    // With the session named, the refusal takes the focus to the first member without a name.
    await user.type(name, 'Week 1');
    await user.click(within(form).getByRole('button', { name: 'Create session' }));
    expect(document.activeElement).toBe(within(form).getByLabelText('Member 1 name'));
    await user.clear(name);

    // Names but no chair.
    await user.type(within(form).getByLabelText('Member 1 name'), 'Morgan Ellis');
    await user.type(within(form).getByLabelText('Member 2 name'), 'Priyanka Rao');
    await user.selectOptions(within(form).getByLabelText('Member 1 role'), 'member');
    expect(description(committee)).toBe('Name a chair: the chair reveals names in blind mode and finalizes.');
    await user.type(timebox, '500');
    expect(description(timebox)).toBe('Per candidate. The presenter shows the time spent; it only turns into a warning once the timebox is over. A timebox is 1 to 240 minutes.');
    expect(await db.sessions.count()).toBe(sample.sessions.length);
  });

  it('says at the Name field when the cycle already has a session of that name, and creates nothing', async () => {
    const user = userEvent.setup();
    render(<CalibrationView params={['new']} />);
    await createSession(db, { cycleId: sample.cycle.id, name: 'Week 1: staff review', members: [{ id: 'm', name: 'Dana Whitfield', role: 'chair' }], candidateIds: [submitted[0]!], orderMode: 'by-level', timeboxMinutes: 8, blind: false }, '2026-11-01T09:00:00.000Z');
    const form = await screen.findByRole('form', { name: 'Session' });
    const taken = 'Week 1: staff review';
    await user.type(within(form).getByLabelText('Name'), taken.toUpperCase());
    await user.type(within(form).getByLabelText('Member 1 name'), 'Morgan Ellis');
    await user.type(within(form).getByLabelText('Member 2 name'), 'Priyanka Rao');
    await user.click(within(form).getByRole('button', { name: 'Create session' }));
    const name = within(form).getByLabelText('Name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(description(name)).toBe(`This cycle already has a session named “${taken.toUpperCase()}”. Give this one a name of its own (for example with the week or the level).`);
    expect(await db.sessions.count()).toBe(1);
  });

  it('creates a blind session in level order and opens it', async () => {
    const user = userEvent.setup();
    render(<CalibrationView params={['new']} />);
    const form = await screen.findByRole('form', { name: 'Session' });
    await user.type(within(form).getByLabelText('Name'), 'Managers, week 2');
    await user.type(within(form).getByLabelText('Member 1 name'), 'Morgan Ellis');
    await user.type(within(form).getByLabelText('Member 2 name'), 'Priyanka Rao');
    // Added from the keyboard, the new member's name field has the focus: typing goes there, not to the button.
    within(form).getByRole('button', { name: 'Add member' }).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(within(form).getByLabelText('Member 3 name'));
    await user.keyboard('Helen Okoro');
    await user.selectOptions(within(form).getByLabelText('Member 3 role'), 'hr-partner');
    await user.selectOptions(within(form).getByLabelText('Track'), sample.framework.tracks.find((t) => t.kind === 'manager')!.id);
    const managerTrack = submitted.filter((id) => {
      const c = sample.candidates.find((x) => x.id === id)!;
      return sample.framework.levels.find((l) => l.id === c.targetLevelId)?.trackId === sample.framework.tracks.find((t) => t.kind === 'manager')!.id;
    });
    expect(within(form).getByRole('status').textContent).toContain(`${managerTrack.length} candidates will be reviewed`);
    expect((within(form).getByRole('checkbox', { name: 'Blind mode' }) as HTMLInputElement).checked).toBe(true);
    await user.clear(within(form).getByLabelText('Timebox (minutes)'));
    await user.type(within(form).getByLabelText('Timebox (minutes)'), '7');
    await user.click(within(form).getByRole('button', { name: 'Create session' }));

    await waitFor(() => expect(window.location.hash).toMatch(/^#\/calibration\/[0-9a-f-]{36}$/));
    const session = (await db.sessions.get(window.location.hash.split('/')[2]!))!;
    expect(session).toMatchObject({ name: 'Managers, week 2', blind: true, timeboxMinutes: 7, orderMode: 'by-level', status: 'planned' });
    expect(session.members.map((m) => [m.name, m.role])).toEqual([
      ['Morgan Ellis', 'chair'],
      ['Priyanka Rao', 'member'],
      ['Helen Okoro', 'hr-partner'],
    ]);
    expect([...session.candidateIds].sort()).toEqual([...managerTrack].sort());
    const order = session.candidateIds.map((id) => sample.framework.levels.find((l) => l.id === sample.candidates.find((c) => c.id === id)!.targetLevelId)!.order);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect((await db.audit.where('entityId').equals(session.id).toArray()).map((e) => e.action)).toEqual(['create session']);

    cleanup();
    render(<CalibrationView />);
    const link = await screen.findByRole('link', { name: 'Managers, week 2' });
    expect(link.getAttribute('href')).toBe(`#/calibration/${session.id}`);
    expect(screen.getByRole('link', { name: 'New session' }).getAttribute('href')).toBe('#/calibration/new');
  });

  it('orders a blind session within each level by its pseudonyms, not by the real names', async () => {
    // The sample at its usual size, drafts included: several candidates per target level.
    const big = generateSampleCycle(ic0M3Levels, { candidates: 42 });
    await db.delete();
    await db.open();
    await loadSampleCycle(db, { ...big, sessions: [], votes: [], decisions: [] });
    const user = userEvent.setup();
    render(<CalibrationView params={['new']} />);
    const form = await screen.findByRole('form', { name: 'Session' });
    await user.type(within(form).getByLabelText('Name'), 'Blind, all levels');
    await user.type(within(form).getByLabelText('Member 1 name'), 'Morgan Ellis');
    await user.click(within(form).getByRole('button', { name: 'Remove member 2' }));
    await user.click(within(form).getByRole('checkbox', { name: /Also include candidates/ }));
    await user.click(within(form).getByRole('button', { name: 'Create session' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/calibration\/[0-9a-f-]{36}$/));
    const session = (await db.sessions.get(window.location.hash.split('/')[2]!))!;
    expect(session.blind).toBe(true);

    const byId = new Map(big.candidates.map((c) => [c.id, c]));
    const pseudonym = sessionNames(session, big.candidates.filter((c) => session.candidateIds.includes(c.id))).candidate;
    const pairs = session.candidateIds.slice(1).map((id, i) => [byId.get(session.candidateIds[i]!)!, byId.get(id)!] as const).filter(([a, b]) => a.targetLevelId === b.targetLevelId);
    // Next to each other on one level: in the order of the pseudonyms the session shows ...
    for (const [a, b] of pairs) expect(compareNames(pseudonym(a.id), pseudonym(b.id)), `${pseudonym(a.id)} before ${pseudonym(b.id)}`).toBeLessThan(0);
    // ... which here is not the order of the names, so the order tells the room nothing about who is who.
    expect(pairs.some(([a, b]) => compareNames(a.name, b.name) > 0)).toBe(true);
  });

  it('says how a blind session orders each level', async () => {
    const user = userEvent.setup();
    render(<CalibrationView params={['new']} />);
    const form = await screen.findByRole('form', { name: 'Session' });
    expect(within(form).getByRole('radio', { name: 'By level (track, then level, then pseudonym, so the order says nothing about names)' })).toBeTruthy();
    await user.click(within(form).getByRole('checkbox', { name: 'Blind mode' }));
    expect(within(form).getByRole('radio', { name: 'By level (track, then level, then name)' })).toBeTruthy();
  });

  it('names a blind session as its page does, in the message after creating it and in the list of sessions', async () => {
    const named = sample.candidates.find((c) => submitted.includes(c.id))!;
    const user = userEvent.setup();
    render(<CalibrationView params={['new']} />);
    const form = await screen.findByRole('form', { name: 'Session' });
    await user.type(within(form).getByLabelText('Name'), `Follow-up for ${named.name}`);
    await user.type(within(form).getByLabelText('Member 1 name'), 'Morgan Ellis');
    await user.click(within(form).getByRole('button', { name: 'Remove member 2' }));
    expect((within(form).getByRole('checkbox', { name: 'Blind mode' }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(form).getByRole('button', { name: 'Create session' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/calibration\/[0-9a-f-]{36}$/));
    const session = (await db.sessions.get(window.location.hash.split('/')[2]!))!;
    expect(session.candidateIds).toContain(named.id);
    // A session's own name withholds the names in it (blind.ts: pseudonyms in a name said outside the app would tell whom they stand for).
    const shown = WITHHELD;
    expect(useUiStore.getState().status?.text).toBe(`Created Follow-up for ${shown}: ${session.candidateIds.length} candidates to review.`);

    cleanup();
    render(<CalibrationView />);
    expect(await screen.findByRole('link', { name: `Follow-up for ${shown}` })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Calibration sessions' }).textContent).not.toContain(named.name);

    // And in the next new session's note on who is already on a list.
    cleanup();
    render(<CalibrationView params={['new']} />);
    const next = await screen.findByRole('form', { name: 'Session' });
    const note = await within(next).findByText(/Also on another list:/);
    expect(note.textContent).toContain(`of Follow-up for ${shown}`);
    expect(note.textContent).not.toContain(named.name);
  });

  it('says what to do when no candidate would be reviewed: submit or import packets, include drafts, or widen the filters', async () => {
    await db.delete();
    await db.open();
    await loadSampleCycle(db, { ...sample, packets: sample.packets.filter((p) => p.status !== 'submitted') });
    const user = userEvent.setup();
    render(<CalibrationView params={['new']} />);
    const form = await screen.findByRole('form', { name: 'Session' });
    const group = within(form).getByRole('group', { name: 'Candidates to review' });
    await waitFor(() => expect(within(form).getByRole('status').textContent).toContain('0 candidates will be reviewed'));
    expect(group.textContent).toContain('No candidate of this cycle has a submitted packet still to be decided: a session reviews the case a manager submitted.');
    expect(within(group).getByRole('link', { name: 'Packets' }).getAttribute('href')).toBe('#/packets');
    expect(group.textContent).toContain('To review drafts anyway, tick “Also include candidates whose packet is not submitted yet”.');

    await user.click(within(form).getByRole('checkbox', { name: /Also include candidates/ }));
    await waitFor(() => expect(within(form).getByRole('status').textContent).toContain(`${sample.candidates.length} candidates will be reviewed`));
    expect(group.textContent).not.toContain('No candidate of this cycle');
    // Levels that leave no one: said, with the way back.
    const empty = sample.framework.levels.find((l) => !sample.candidates.some((c) => c.targetLevelId === l.id))!;
    await user.click(within(group).getByRole('checkbox', { name: new RegExp(`^${empty.code} `) }));
    expect(group.textContent).toContain(`None of the ${sample.candidates.length} candidates offered matches these levels and filters: untick a level, or choose any track, manager and team.`);
  });

  it('lists no real name in the review order while blind mode is ticked', async () => {
    const user = userEvent.setup();
    render(<CalibrationView params={['new']} />);
    const form = await screen.findByRole('form', { name: 'Session' });
    await user.click(within(form).getByRole('checkbox', { name: /Also include candidates/ }));
    expect((within(form).getByRole('checkbox', { name: 'Blind mode' }) as HTMLInputElement).checked).toBe(true);
    const order = within(form).getByText('Show the review order').closest('details')!;
    const items = within(order).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(items).toHaveLength(sample.candidates.length);
    expect(items.every((t, i) => t.startsWith(`Candidate ${i + 1} ·`))).toBe(true);
    for (const c of sample.candidates) expect(order.textContent).not.toContain(c.name);
  });

  it('stores a shuffled order, which is the order the session reviews', async () => {
    const user = userEvent.setup();
    render(<CalibrationView params={['new']} />);
    const form = await screen.findByRole('form', { name: 'Session' });
    await user.type(within(form).getByLabelText('Name'), 'Shuffled');
    await user.type(within(form).getByLabelText('Member 1 name'), 'Morgan Ellis');
    await user.click(within(form).getByRole('button', { name: 'Remove member 2' }));
    await user.click(within(form).getByRole('checkbox', { name: /Also include candidates/ }));
    await user.click(within(form).getByRole('radio', { name: /^Shuffled/ }));
    // Names show in the preview only when the session is not blind.
    await user.click(within(form).getByRole('checkbox', { name: 'Blind mode' }));
    const shown = within(form)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    await user.click(within(form).getByRole('button', { name: 'Create session' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/calibration\/[0-9a-f-]{36}$/));
    const session = (await db.sessions.get(window.location.hash.split('/')[2]!))!;
    expect(session.orderMode).toBe('shuffled');
    expect(session.candidateIds).toHaveLength(sample.candidates.length);
    // The preview showed the order that was stored.
    expect(session.candidateIds.map((id) => sample.candidates.find((c) => c.id === id)!.name)).toEqual(shown.map((t) => t.split(' · ')[0]!.trim()));
  });
});
