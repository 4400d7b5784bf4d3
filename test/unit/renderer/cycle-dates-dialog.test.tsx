// @vitest-environment jsdom
/**
 * "Change dates…" on a cycle's row: a modal form that takes the focus, says
 * why the window is read-only once packets are submitted, names a refused
 * date beside its field, saves the others, and gives the focus back; and
 * Rename's Escape gives the focus back to Rename (it fell to the page).
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabaseWithSample } from './sample-database';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { db } from '../../../renderer/db/database';
import { WINDOW_FIXED } from '../../../renderer/db/cycles';
import { CyclesView } from '../../../renderer/features/cycles/cycles-view';
import { useUiStore } from '../../../renderer/state/ui-store';

const sample = generateSampleCycle(ic0M3Levels, { candidates: 4 });
const { cycle } = sample;

beforeEach(async () => {
  await freshDatabaseWithSample(sample);
});
afterEach(() => cleanup());

describe('Change dates… on the Cycles page', () => {
  it('moves the closing day of a cycle with submitted packets, keeps its window read-only, and names a refused day', async () => {
    const user = userEvent.setup();
    render(<CyclesView />);
    const opener = await screen.findByRole('button', { name: `Change dates of ${cycle.name}…` });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog', { name: `Dates of ${cycle.name}` });
    const opens = within(dialog).getByLabelText('Opens on');
    await waitFor(() => expect(document.activeElement).toBe(opens));
    const from = within(dialog).getByLabelText('Evidence from') as HTMLInputElement;
    expect(from.readOnly).toBe(true);
    expect(dialog.textContent).toContain(WINDOW_FIXED);

    // Closing before the (fixed) window ends: refused beside the closing day, nothing stored.
    const closes = within(dialog).getByLabelText('Closes on');
    fireEvent.change(closes, { target: { value: '2026-11-30' } });
    await user.click(within(dialog).getByRole('button', { name: 'Save dates' }));
    expect(closes.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(closes);
    expect(within(dialog).getByText(/The cycle cannot close before its evidence window ends/)).toBeTruthy();
    expect((await db.cycles.get(cycle.id))?.closesOn).toBe(cycle.closesOn);

    fireEvent.change(closes, { target: { value: '2026-12-22' } });
    await user.click(within(dialog).getByRole('button', { name: 'Save dates' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await db.cycles.get(cycle.id)).toMatchObject({ closesOn: '2026-12-22', evidenceFrom: cycle.evidenceFrom, evidenceTo: cycle.evidenceTo });
    expect(useUiStore.getState().status?.text).toBe(`Changed the dates of ${cycle.name}.`);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: `Change dates of ${cycle.name}…` })));
  });

  it('says the dates are unchanged when Save dates is chosen with nothing edited, and records nothing', async () => {
    const user = userEvent.setup();
    render(<CyclesView />);
    await user.click(await screen.findByRole('button', { name: `Change dates of ${cycle.name}…` }));
    const dialog = await screen.findByRole('dialog', { name: `Dates of ${cycle.name}` });
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByLabelText('Opens on')));
    const stored = await db.cycles.get(cycle.id);
    const entries = await db.audit.count();
    // Enter in the first field submits the form, as Save dates does.
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(useUiStore.getState().status?.text).toBe(`The dates of ${cycle.name} are the ones already saved: nothing was changed.`);
    expect(await db.cycles.get(cycle.id)).toEqual(stored);
    expect(await db.audit.count()).toBe(entries);
  });

  it('closes on Escape without saving, and the focus goes back to the button', async () => {
    const user = userEvent.setup();
    render(<CyclesView />);
    await user.click(await screen.findByRole('button', { name: `Change dates of ${cycle.name}…` }));
    const dialog = await screen.findByRole('dialog', { name: `Dates of ${cycle.name}` });
    fireEvent.change(within(dialog).getByLabelText('Opens on'), { target: { value: '2026-09-01' } });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await db.cycles.get(cycle.id))?.opensOn).toBe(cycle.opensOn);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: `Change dates of ${cycle.name}…` })));
  });

  it('gives the focus back to Rename when the rename form closes with Escape', async () => {
    const user = userEvent.setup();
    render(<CyclesView />);
    await user.click(await screen.findByRole('button', { name: `Rename ${cycle.name}` }));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: `Rename ${cycle.name}` })));
  });
});
