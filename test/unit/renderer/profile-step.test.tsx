// @vitest-environment jsdom
/**
 * The first-run profile step with Testing Library: a fresh copy asks who is
 * using it before anything else, refuses an empty name with a message under
 * the field, and once a name is saved shows the app and stores the profile;
 * About shows it and changes it.
 */
import { cleanup, configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/app';
import { preloadSection } from '../../../renderer/app/sections';
import { db } from '../../../renderer/db/database';
import { readProfile, saveProfile } from '../../../renderer/db/profile';

// Pages are loaded on first use; loading them all once here keeps each test's waits about the app, not module loading.
// The app now shows its frame first and the page after the profile read and a chunk each: more steps
// between render and the page than the default one-second wait allows on a busy machine.
configure({ asyncUtilTimeout: 10_000 });
beforeAll(() => Promise.all((['frameworks', 'candidates', 'packets', 'cycles', 'calibration', 'decisions', 'about', 'print'] as const).map(preloadSection)), 60_000);

beforeEach(async () => {
  window.location.hash = '';
  await db.delete();
  await db.open();
});
afterEach(() => cleanup());

describe('first-run profile step', () => {
  it('refuses an empty name, then saves the profile and shows the app', async () => {
    const user = userEvent.setup();
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Who is using Levelset?' })).toBeTruthy();
    expect(screen.getByText(/recorded on every change for the audit trail and stays on this machine/).textContent).toContain('chair');
    // Nothing else of the app yet: no section links, no sample cycle.
    expect(screen.queryByRole('navigation', { name: 'Sections' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Load sample cycle' })).toBeNull();

    const name = screen.getByRole('textbox', { name: 'Your name' });
    expect(document.activeElement).toBe(name);
    await user.type(name, '   ');
    await user.keyboard('{Enter}');
    expect(screen.getByText('Give your name: it is recorded on every change you make.')).toBeTruthy();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toBe(screen.getByText(/^Give your name/).id);
    expect(await readProfile(db)).toBeNull();
    expect(screen.getByRole('heading', { name: 'Who is using Levelset?' })).toBeTruthy();

    await user.clear(name);
    await user.type(name, ' Dana Whitfield ');
    await user.type(screen.getByRole('combobox', { name: /Your role/ }), 'Committee chair{Enter}');

    expect(await screen.findByRole('heading', { name: 'Welcome to Levelset' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Sections' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Who is using Levelset?' })).toBeNull();
    expect(await readProfile(db)).toEqual({ name: 'Dana Whitfield', role: 'Committee chair' });
    // Keyboard users land on the page's heading (through the main region while it loads), not on an empty body.
    await waitFor(() => expect(document.activeElement?.id).toBe('page-title'));
  });

  it('does not ask again once a profile is stored, and About changes it', async () => {
    await saveProfile(db, { name: 'Dana Whitfield', role: '' });
    const user = userEvent.setup();
    window.location.hash = '#/about';
    render(<App />);
    const you = await screen.findByRole('region', { name: 'You' });
    expect(screen.queryByRole('heading', { name: 'Who is using Levelset?' })).toBeNull();
    expect(you.textContent).toContain('On a committee’s shared machine this is the chair’s profile.');

    const name = await screen.findByRole('textbox', { name: 'Your name' });
    expect((name as HTMLInputElement).value).toBe('Dana Whitfield');
    await user.clear(name);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Give your name: it is recorded on every change you make.')).toBeTruthy();
    expect(await readProfile(db)).toEqual({ name: 'Dana Whitfield', role: '' });

    await user.type(name, 'Sam Okafor');
    await user.type(screen.getByRole('combobox', { name: /Your role/ }), 'HR partner');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const saved = await screen.findByText('Saved. Changes from now on are recorded as Sam Okafor (HR partner).');
    expect(saved.getAttribute('role')).toBe('status');
    expect(await readProfile(db)).toEqual({ name: 'Sam Okafor', role: 'HR partner' });
    // The app stays open: saving in About is not a first run.
    expect(screen.getByRole('navigation', { name: 'Sections' })).toBeTruthy();
  });
});
