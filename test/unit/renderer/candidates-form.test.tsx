// @vitest-environment jsdom
/**
 * The candidate form with Testing Library against the app's database:
 * problems are named beside their fields and nothing is saved; a complete
 * form saves the candidate (target level on another track allowed) with a
 * draft packet and opens their page; editing keeps the same candidate; the
 * list hides archived candidates until asked.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { archiveCandidate } from '../../../renderer/db/candidates';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { CandidatesView } from '../../../renderer/features/candidates/candidates-view';
import { useUiStore } from '../../../renderer/state/ui-store';

const sample = generateSampleCycle(ic0M3Levels, { candidates: 3 });

beforeEach(async () => {
  window.location.hash = '';
  // The form's draft is kept in the UI store and localStorage; each test starts from none.
  localStorage.clear();
  useUiStore.setState({ drafts: {} });
  await db.delete();
  await db.open();
  await loadSampleCycle(db, sample);
});
afterEach(() => cleanup());

/** The Add candidate form with a name, Sam Rivera as manager and IC3 as the current level filled in. */
async function newCandidateForm(name: string) {
  const user = userEvent.setup();
  render(<CandidatesView params={['new']} />);
  const form = await screen.findByRole('form', { name: 'Add candidate' });
  await user.type(within(form).getByLabelText('Name'), name);
  await user.type(within(form).getByLabelText('Manager'), 'Sam Rivera');
  await user.selectOptions(within(form).getByLabelText('Current level'), 'ic0m3-ic3');
  return { user, form };
}

describe('Candidate form', { timeout: 60_000 }, () => {
  it('keeps what was typed through a reload until it is saved, and Cancel drops it', async () => {
    // A reload lost every field without a word.
    const user = userEvent.setup();
    render(<CandidatesView params={['new']} />);
    let form = await screen.findByRole('form', { name: 'Add candidate' });
    await user.type(within(form).getByLabelText('Name'), 'Priya Raman');
    await user.type(within(form).getByLabelText('Team'), 'Search');
    expect(within(form).getByText(/^Not saved yet/)).toBeTruthy();

    // A reload: this run's memory is gone; the UI store is made afresh from what the browser kept.
    cleanup();
    vi.resetModules();
    const fresh = await import('../../../renderer/state/ui-store');
    useUiStore.setState({ drafts: fresh.useUiStore.getState().drafts });
    render(<CandidatesView params={['new']} />);
    form = await screen.findByRole('form', { name: 'Add candidate' });
    expect((within(form).getByLabelText('Name') as HTMLInputElement).value).toBe('Priya Raman');
    expect((within(form).getByLabelText('Team') as HTMLInputElement).value).toBe('Search');

    // Cancel asks first (a trial lost a filled-in form to one click): Keep editing keeps it all.
    await user.click(within(form).getByRole('link', { name: 'Cancel' }));
    const asked = await screen.findByRole('alertdialog', { name: 'Discard what you typed?' });
    expect(within(asked).getByText('The candidate you started is not saved and will be gone.')).toBeTruthy();
    await user.click(within(asked).getByRole('button', { name: 'Keep editing' }));
    expect((within(form).getByLabelText('Name') as HTMLInputElement).value).toBe('Priya Raman');
    expect(Object.keys(useUiStore.getState().drafts)).not.toEqual([]);

    await user.click(within(form).getByRole('link', { name: 'Cancel' }));
    await user.click(within(await screen.findByRole('alertdialog', { name: 'Discard what you typed?' })).getByRole('button', { name: 'Discard' }));
    expect(useUiStore.getState().drafts).toEqual({});
    expect(Object.keys(localStorage).filter((k) => k.includes('candidate-new'))).toEqual([]);
    expect(window.location.hash).toBe('#/candidates');
  });

  it('names what is missing, then creates the candidate with a draft packet and opens their page', async () => {
    const user = userEvent.setup();
    render(<CandidatesView params={['new']} />);
    const form = await screen.findByRole('form', { name: 'Add candidate' });
    const name = within(form).getByLabelText('Name');
    await waitFor(() => expect(document.activeElement).toBe(name));

    await user.click(within(form).getByRole('button', { name: 'Add candidate' }));
    expect(within(form).getByText('Give the candidate a name.')).toBeTruthy();
    expect(within(form).getByText('Name the candidate’s manager.')).toBeTruthy();
    expect(within(form).getByText('Choose the candidate’s current level.')).toBeTruthy();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(name);
    expect(await db.candidates.count()).toBe(3);

    // Levels are grouped by track; a target on the other track is allowed.
    const current = within(form).getByLabelText('Current level') as HTMLSelectElement;
    expect([...current.querySelectorAll('optgroup')].map((g) => g.label)).toEqual(['Individual contributor', 'Manager']);
    await user.type(name, 'Bea Okoro');
    await user.type(within(form).getByLabelText('Manager'), 'Sam Rivera');
    await user.selectOptions(current, 'ic0m3-ic3');
    // The target follows to the next level up on the same track until chosen.
    expect((within(form).getByLabelText('Target level') as HTMLSelectElement).value).toBe('ic0m3-ic4');
    await user.selectOptions(within(form).getByLabelText('Target level'), 'ic0m3-m1');
    expect(within(form).getByText(/A track switch: Individual contributor to Manager/)).toBeTruthy();
    await user.clear(within(form).getByLabelText('Time in level'));
    await user.type(within(form).getByLabelText('Time in level'), '20');

    const groups = within(form).getByRole('group', { name: 'Optional: group attributes for fairness checks' });
    expect(groups.textContent).toContain('never appear in a packet');
    await user.click(within(groups).getByRole('button', { name: 'Add location' }));
    await user.keyboard('Lisbon');
    await user.click(within(form).getByRole('button', { name: 'Add candidate' }));

    await waitFor(() => expect(window.location.hash).toMatch(/^#\/candidates\/[0-9a-f-]{36}$/));
    const id = window.location.hash.split('/').at(-1)!;
    const saved = await db.candidates.get(id);
    expect(saved).toMatchObject({ name: 'Bea Okoro', manager: 'Sam Rivera', currentLevelId: 'ic0m3-ic3', targetLevelId: 'ic0m3-m1', timeInLevelMonths: 20 });
    expect(saved?.groups).toEqual({ Location: 'Lisbon' });
    const packets = await db.packets.where('candidateId').equals(id).toArray();
    expect(packets.map((p) => [p.status, p.revision, p.targetLevelId])).toEqual([['draft', 1, 'ic0m3-m1']]);
  });

  it('asks before adding a second candidate with a name already in the cycle, and adds them when asked again', async () => {
    const existing = sample.candidates[0]!;
    const user = userEvent.setup();
    render(<CandidatesView params={['new']} />);
    const form = await screen.findByRole('form', { name: 'Add candidate' });
    // The same name in other case and without its accents, with a space too many.
    const typed = ` ${existing.name.toUpperCase().normalize('NFD').replace(/\p{M}+/gu, '').replace(' ', '  ')}`;
    await user.type(within(form).getByLabelText('Name'), typed);
    await user.type(within(form).getByLabelText('Manager'), 'Sam Rivera');
    await user.selectOptions(within(form).getByLabelText('Current level') as HTMLSelectElement, 'ic0m3-ic2');
    await user.click(within(form).getByRole('button', { name: 'Add candidate' }));
    const warning = await within(form).findByRole('alert');
    expect(warning.textContent).toContain(`A candidate named “${typed.trim()}” is already in this cycle:`);
    expect(within(warning).getByRole('link', { name: existing.name }).getAttribute('href')).toBe(`#/candidates/${existing.id}`);
    expect(warning.textContent).toContain(`managed by ${existing.manager}`);
    expect(await db.candidates.count()).toBe(3);

    // Pressed again: a second person with that name is added.
    await user.click(within(form).getByRole('button', { name: 'Add candidate' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/candidates\/[0-9a-f-]{36}$/));
    expect(await db.candidates.count()).toBe(4);
  });

  it('marks and focuses the group attribute row a refusal is about, not the first row', async () => {
    // A security trial named a second attribute "__proto__": the refusal focused attribute 1, marked nothing invalid.
    const { user, form } = await newCandidateForm('Noor Haddad');
    await user.click(within(form).getByRole('button', { name: 'Add gender' }));
    await user.keyboard('Woman');
    await user.click(within(form).getByRole('button', { name: 'Add another attribute' }));
    await user.keyboard('__proto__');
    await user.type(within(form).getByLabelText('Value of __proto__'), 'Toronto');
    await user.click(within(form).getByRole('button', { name: 'Add candidate' }));
    const second = within(form).getByLabelText('Name of attribute 2');
    await waitFor(() => expect(document.activeElement).toBe(second));
    expect(second.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByLabelText('Name of attribute 1').getAttribute('aria-invalid')).toBeNull();
    expect(within(form).getByText('“__proto__” cannot name a group attribute; choose another name.')).toBeTruthy();
    expect((await db.candidates.toArray()).some((c) => c.name === 'Noor Haddad')).toBe(false);
  });

  it('says an over-long name is too long once: the live count until a save is refused, then the refusal alone', async () => {
    const user = userEvent.setup();
    render(<CandidatesView params={['new']} />);
    const form = await screen.findByRole('form', { name: 'Add candidate' });
    const name = within(form).getByLabelText('Name');
    await user.click(name);
    await user.paste('N'.repeat(205));
    expect(within(form).getByText('5 characters over the limit of 200: shorten it to save.')).toBeTruthy();
    await user.click(within(form).getByRole('button', { name: 'Add candidate' }));
    expect(within(form).getByText('Keep the name under 200 characters.')).toBeTruthy();
    expect(within(form).queryByText(/over the limit of 200/)).toBeNull();
    expect(await db.candidates.count()).toBe(3);
  });

  it('offers only targets that are a promotion, and says why when the current level leaves one behind', async () => {
    const { user, form } = await newCandidateForm('Bea Okoro');
    const target = within(form).getByLabelText('Target level') as HTMLSelectElement;
    // From IC3: IC4 above it, and M1 (drawn beside IC3) to M3; nothing below.
    expect([...target.options].map((o) => o.value)).toEqual(['', 'ic0m3-ic4', 'ic0m3-m1', 'ic0m3-m2', 'ic0m3-m3']);
    await user.selectOptions(target, 'ic0m3-m1');
    await user.selectOptions(within(form).getByLabelText('Current level'), 'ic0m3-ic4');
    const message = 'The target level (M1) is not a promotion from IC4: choose a level above IC4 on its track, or one at or above its equivalent on another track.';
    expect(within(form).getByText(message)).toBeTruthy();
    expect(target.getAttribute('aria-invalid')).toBe('true');
    expect(target.selectedOptions[0]?.textContent).toMatch(/not a promotion: choose another/);
    await user.click(within(form).getByRole('button', { name: 'Add candidate' }));
    expect(await db.candidates.count()).toBe(3);
    expect(document.activeElement).toBe(target);
  });

  it('edits an existing candidate in place', async () => {
    const user = userEvent.setup();
    const existing = sample.candidates[0]!;
    render(<CandidatesView params={[existing.id, 'edit']} />);
    const form = await screen.findByRole('form', { name: `Edit ${existing.name}` });
    const team = within(form).getByLabelText('Team') as HTMLInputElement;
    expect(team.value).toBe(existing.team);
    await user.clear(team);
    await user.type(team, 'Search');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/candidates/${existing.id}`));
    expect(await db.candidates.get(existing.id)).toMatchObject({ team: 'Search', name: existing.name, groups: existing.groups });
    expect(await db.candidates.count()).toBe(3);
  });

  it('says once why the target cannot change while the packet is submitted: the hint, then the refusal in its place', async () => {
    const user = userEvent.setup();
    const packet = sample.packets.find((p) => p.status === 'submitted')!;
    const existing = sample.candidates.find((c) => c.id === packet.candidateId)!;
    render(<CandidatesView params={[existing.id, 'edit']} />);
    const form = await screen.findByRole('form', { name: `Edit ${existing.name}` });
    const target = within(form).getByLabelText('Target level') as HTMLSelectElement;
    const other = [...target.options].find((o) => o.value && o.value !== packet.targetLevelId)!;
    await user.selectOptions(target, other.value);
    const said = () => within(form).queryAllByText(/Reopen the packet first/).length;
    expect(said()).toBe(1);
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(target.getAttribute('aria-invalid')).toBe('true'));
    expect(said()).toBe(1);
    expect((await db.candidates.get(existing.id))?.targetLevelId).toBe(existing.targetLevelId);
  });

  it('says beside the current level why it cannot change while the packet is submitted, and saves nothing', async () => {
    const user = userEvent.setup();
    const packet = sample.packets.find((p) => p.status === 'submitted')!;
    const existing = sample.candidates.find((c) => c.id === packet.candidateId)!;
    render(<CandidatesView params={[existing.id, 'edit']} />);
    const form = await screen.findByRole('form', { name: `Edit ${existing.name}` });
    const current = within(form).getByLabelText('Current level') as HTMLSelectElement;
    // A level below the current one on its track, so the target stays a promotion and only this rule refuses.
    const below = sample.framework.levels.filter((l) => {
      const at = sample.framework.levels.find((x) => x.id === existing.currentLevelId)!;
      return l.trackId === at.trackId && l.order < at.order;
    })[0]!;
    await user.selectOptions(current, below.id);
    // The target follows the current level until chosen: put it back, so only the current level is refused.
    await user.selectOptions(within(form).getByLabelText('Target level'), packet.targetLevelId!);
    const said = () => within(form).queryAllByText(/submitted as a promotion from .*Reopen the packet first/).length;
    expect(said()).toBe(1);
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(current.getAttribute('aria-invalid')).toBe('true'));
    expect(said()).toBe(1);
    expect((await db.candidates.get(existing.id))?.currentLevelId).toBe(existing.currentLevelId);
  });

  it('keeps an empty time in level as not given, on the page and in the form, not as 0 months', async () => {
    // An empty field was stored as 0: the candidate's page said "0 months" and the presenter "0 months in level",
    // which a committee reads as new in the level.
    const { user, form } = await newCandidateForm('Ola Berg');
    await user.clear(within(form).getByLabelText('Time in level'));
    await user.click(within(form).getByRole('button', { name: 'Add candidate' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/candidates\/[0-9a-f-]{36}$/));
    const id = window.location.hash.split('/').at(-1)!;
    expect((await db.candidates.get(id))?.timeInLevelMonths).toBeNull();

    cleanup();
    render(<CandidatesView params={[id]} />);
    const time = await screen.findByText('Time in level');
    expect(time.nextElementSibling?.textContent).toBe('Not given');

    cleanup();
    render(<CandidatesView params={[id, 'edit']} />);
    const edit = await screen.findByRole('form', { name: 'Edit Ola Berg' });
    expect((within(edit).getByLabelText('Time in level') as HTMLInputElement).value).toBe('');
  });

  it('refuses a time in level that is not a number, with what to type, rather than saving it as not given', async () => {
    // A number field hands over '' for "about 14": the candidate was saved with "Not given" and nothing said.
    const { user, form } = await newCandidateForm('Ola Berg');
    const time = within(form).getByLabelText('Time in level') as HTMLInputElement;
    await user.clear(time);
    await user.type(time, 'about 14');
    await user.click(within(form).getByRole('button', { name: 'Add candidate' }));
    await waitFor(() => expect(time.getAttribute('aria-invalid')).toBe('true'));
    expect(time.value).toBe('about 14');
    expect(within(form).getByText(/Enter whole months, from 0 to 600, or leave it empty/)).toBeTruthy();
    expect(window.location.hash).not.toMatch(/^#\/candidates\/[0-9a-f-]{36}$/);
    expect((await db.candidates.toArray()).filter((c) => c.name === 'Ola Berg')).toHaveLength(0);

    await user.clear(time);
    await user.type(time, '14');
    await user.click(within(form).getByRole('button', { name: 'Add candidate' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/candidates\/[0-9a-f-]{36}$/));
    expect((await db.candidates.get(window.location.hash.split('/').at(-1)!))?.timeInLevelMonths).toBe(14);
  });
});

describe('Candidate list', { timeout: 60_000 }, () => {
  it('links each name to its page and hides archived candidates until asked', async () => {
    const user = userEvent.setup();
    const [first, second] = sample.candidates;
    await archiveCandidate(db, first!.id, '2026-10-05T10:00:00.000Z');
    render(<CandidatesView params={[]} />);
    const link = await screen.findByRole('link', { name: second!.name });
    expect(link.getAttribute('href')).toBe(`#/candidates/${second!.id}`);
    expect(screen.queryByRole('link', { name: first!.name })).toBeNull();
    expect(screen.getByRole('link', { name: 'Add candidate' }).getAttribute('href')).toBe('#/candidates/new');

    await user.click(screen.getByRole('checkbox', { name: /Show archived/ }));
    const row = (await screen.findByRole('link', { name: first!.name })).closest('tr')!;
    expect(within(row).getByText('Archived')).toBeTruthy();
  });

  it('says when nothing matches the search and offers to clear it, which shows every candidate again', async () => {
    const user = userEvent.setup();
    render(<CandidatesView params={[]} />);
    await screen.findByRole('link', { name: sample.candidates[0]!.name });
    const search = screen.getByRole('searchbox', { name: 'Search candidates' }) as HTMLInputElement;
    await user.type(search, 'zzzz');
    expect(await screen.findByText(/No candidate matches “zzzz”/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear the search' }));
    expect(search.value).toBe('');
    for (const c of sample.candidates) expect(await screen.findByRole('link', { name: c.name })).toBeTruthy();
  });
});
