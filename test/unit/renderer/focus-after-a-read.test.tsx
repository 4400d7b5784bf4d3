// @vitest-environment jsdom
/**
 * Focus moved by the app after a save or a read, not straight from a click
 * or key, is where it should be the moment the change is on screen: a key
 * pressed then (press-when-shown.ts) lands there, and nothing takes the
 * focus away from where that key put it.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabaseWithSample } from './sample-database';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { useGlobalShortcuts } from '../../../renderer/app/shortcuts';
import { CyclesView } from '../../../renderer/features/cycles/cycles-view';
import { pressWhenShown } from './press-when-shown';

const sample = generateSampleCycle(ic0M3Levels, { candidates: 2 });
const { cycle } = sample;

beforeEach(async () => {
  await freshDatabaseWithSample(sample);
});
afterEach(() => cleanup());

describe('the rename form, closed once its save has finished', () => {
  it('gives the focus back to Rename as it closes: Tab pressed then goes on to Change dates…, and stays there', async () => {
    const user = userEvent.setup();
    render(<CyclesView />);
    await user.click(await screen.findByRole('button', { name: `Rename ${cycle.name}` }));
    const field = screen.getByRole('textbox', { name: `New name for ${cycle.name}` });
    await user.clear(field);
    await user.type(field, 'Autumn cycle');
    const key = pressWhenShown(() => document.querySelector('button[aria-label^="Rename "]'), 'Tab');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(key.pressedOn()).toBeDefined());
    // On the page (the form that held the focus was gone), the Tab started from the top and the focus was then put on Rename.
    expect(key.pressedOn()).toBe(document.querySelector('button[aria-label^="Rename "]'));
    const next = await screen.findByRole('button', { name: 'Change dates of Autumn cycle…' });
    expect(document.activeElement).toBe(next);
  });
});

describe('the New cycle form opened by a link (#/cycles/new), drawn once the cycles and frameworks are read', () => {
  /** The Cycles page with the app's section keys, as the app shows it. */
  function CyclesPage() {
    useGlobalShortcuts();
    return <CyclesView params={['new']} />;
  }

  it('has its name field focused as it appears: a name’s first digit typed then is the name’s, not the Candidates key', async () => {
    window.location.hash = '#/cycles/new';
    const nameField = () => screen.queryByRole('textbox', { name: 'Name' });
    const key = pressWhenShown(nameField, '2');
    render(<CyclesPage />);
    await waitFor(() => expect(key.pressedOn()).toBeDefined());
    // On the page, "2" took the person to Candidates before the field took the focus.
    expect(key.pressedOn()).toBe(nameField());
    expect(window.location.hash).toBe('#/cycles/new');
    expect(document.activeElement).toBe(nameField());
  });
});
