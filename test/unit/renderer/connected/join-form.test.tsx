// @vitest-environment jsdom
/**
 * The member's "Join a committee" form on an empty app: open when the app
 * has no cycle, refusing in plain words what is missing, and saving a
 * connection for a cycle not on this machine yet with the cycle passphrase,
 * which is never written to the database in plain text.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cyclePassphrase } from '../../../../renderer/db/connected';
import { db } from '../../../../renderer/db/database';
import { saveProfile } from '../../../../renderer/db/profile';
import { CyclesView } from '../../../../renderer/features/cycles/cycles-view';
import { noteRunning } from '../../../../renderer/connected/status';
import { StatusStore } from '../../../../renderer/connected/transport-status';
import type { ConnectedTransport } from '../../../../renderer/connected/transport';

const PASSPHRASE = 'the committee passphrase 7';

beforeEach(async () => {
  await db.delete();
  await db.open();
  await saveProfile(db, { name: 'Priyanka Rao', role: '' });
});
afterEach(() => cleanup());

describe('joining a committee from an empty app', () => {
  it('says what is missing, then saves the connection with the passphrase kept out of the stored row', async () => {
    const user = userEvent.setup();
    render(<CyclesView />);
    const card = await screen.findByRole('region', { name: 'Join a committee' });
    expect(card.textContent).toContain('Nothing is sent anywhere until you join.');
    // The New cycle form comes first: most people on an empty Cycles page are starting a cycle.
    const newCycle = screen.getByRole('heading', { name: 'New cycle' });
    expect(newCycle.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await user.type(screen.getByLabelText('Server address'), 'ws://127.0.0.1:4222');
    await user.type(screen.getByLabelText('User name'), 'member-2');
    await user.type(screen.getByLabelText('Password'), 'pw');
    await user.click(screen.getByRole('button', { name: 'Join the committee' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter the cycle id the chair gave you.');
    await user.type(screen.getByLabelText('Cycle id'), 'cycle-2026');
    await user.click(screen.getByRole('button', { name: 'Join the committee' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Enter the cycle passphrase the chair gave you.'));

    await user.type(screen.getByLabelText('Cycle passphrase'), PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Join the committee' }));
    await waitFor(async () => expect(await db.connections.get('cycle-2026')).toBeDefined());
    const saved = (await db.connections.get('cycle-2026'))!;
    // The committee id defaults to the server user name.
    expect(saved.identity).toEqual({ memberId: 'member-2', role: 'member', name: 'member-2' });
    expect(await cyclePassphrase(db, 'cycle-2026')).toBe(PASSPHRASE);
    const raw = new Dexie(db.name);
    await raw.open();
    expect(JSON.stringify(await raw.table('connections').toArray())).not.toContain(PASSPHRASE);
    raw.close();
    expect(screen.queryByLabelText('Cycle passphrase')).toBeNull();
  });

  // A trial's wrong passphrase (or password, or address) left only a message, with nowhere to enter it again.
  it('offers to change what was entered when the cycle cannot be fetched, back in the form as it was', async () => {
    const user = userEvent.setup();
    render(<CyclesView />);
    await screen.findByRole('region', { name: 'Join a committee' });
    await user.type(screen.getByLabelText('Server address'), 'ws://127.0.0.1:4222');
    await user.type(screen.getByLabelText('User name'), 'member-2');
    await user.type(screen.getByLabelText('Password'), 'pw');
    await user.type(screen.getByLabelText('Cycle id'), 'cycle-2026');
    await user.type(screen.getByLabelText('Cycle passphrase'), 'a wrong one');
    await user.click(screen.getByRole('button', { name: 'Join the committee' }));
    await waitFor(async () => expect(await db.connections.get('cycle-2026')).toBeDefined());
    // What the transport says when the copy does not open with the passphrase.
    const status = new StatusStore();
    status.update({ state: 'connected', copy: { state: 'failed', message: 'The cycle passphrase is wrong: ask the chair for it and enter it again.' } });
    act(() => noteRunning('cycle-2026', { status } as unknown as ConnectedTransport));
    expect(await screen.findByText(/The cycle passphrase is wrong/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Change what you entered' }));
    expect(((await screen.findByLabelText('Cycle id')) as HTMLInputElement).value).toBe('cycle-2026');
    expect((screen.getByLabelText('Server address') as HTMLInputElement).value).toBe('ws://127.0.0.1:4222');
    expect((screen.getByLabelText('Cycle passphrase') as HTMLInputElement).value).toBe('');
    expect(await db.connections.get('cycle-2026')).toBeUndefined();
    act(() => noteRunning('cycle-2026', null));
  });
});
