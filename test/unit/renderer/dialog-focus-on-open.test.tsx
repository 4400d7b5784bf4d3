// @vitest-environment jsdom
/**
 * Dialogs that open once a read has answered (the cycle's Delete… reads what
 * goes with the cycle, Change dates… whether its window is fixed) take the
 * focus in the commit that draws them: a key pressed the moment the dialog
 * appears is the dialog's. Each key is pressed the moment the dialog is in
 * the page (press-when-shown.ts).
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabaseWithSample } from './sample-database';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { db } from '../../../renderer/db/database';
import { CyclesView } from '../../../renderer/features/cycles/cycles-view';
import { pressWhenShown } from './press-when-shown';

const sample = generateSampleCycle(ic0M3Levels, { candidates: 4 });
const { cycle } = sample;

beforeEach(async () => {
  await freshDatabaseWithSample(sample);
});
afterEach(() => cleanup());

const deleteDialog = () => screen.queryByRole('alertdialog', { name: `Delete the cycle “${cycle.name}”?` });
const datesDialog = () => screen.queryByRole('dialog', { name: `Dates of ${cycle.name}` });

describe('a dialog opened once a read has answered', () => {
  // Escape on the opener never reached the dialog's handler; Enter on the opener read the cycle again and asked again
  // (the confirmation stayed on screen). Either key is the dialog's: the safe choice has the focus as it appears.
  it.each([
    ['closes on Escape pressed the moment the cycle’s delete confirmation appears, and deletes nothing', 'Escape'],
    ['takes Enter pressed the moment the confirmation appears as its focused choice, Cancel: nothing is deleted and Delete… is not asked again', 'Enter'],
  ] as const)('%s', async (_name, pressed) => {
    const user = userEvent.setup();
    render(<CyclesView />);
    const opener = await screen.findByRole('button', { name: `Delete ${cycle.name}…` });
    const key = pressWhenShown(deleteDialog, pressed);
    await user.click(opener);
    await waitFor(() => expect(key.pressedOn()).toBeDefined());
    expect(key.pressedOn()?.textContent).toBe('Cancel');
    await waitFor(() => expect(deleteDialog()).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));
    expect(await db.cycles.get(cycle.id)).toBeDefined();
  });

  it('closes Change dates… on Escape pressed the moment it appears, with the dates unchanged', async () => {
    const user = userEvent.setup();
    render(<CyclesView />);
    const opener = await screen.findByRole('button', { name: `Change dates of ${cycle.name}…` });
    const key = pressWhenShown(datesDialog, 'Escape');
    await user.click(opener);
    await waitFor(() => expect(key.pressedOn()).toBeDefined());
    expect(key.pressedOn()?.id).toMatch(/-opensOn$/);
    await waitFor(() => expect(datesDialog()).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));
    expect(await db.cycles.get(cycle.id)).toMatchObject({ opensOn: cycle.opensOn, closesOn: cycle.closesOn });
  });
});
