// @vitest-environment jsdom
/**
 * "Change settings" on the Connected mode panel starts from what is saved:
 * the server, how the app signs in, the user name and who it acts as. A chair
 * who connected without the cycle passphrase and adds it later had to type
 * the user name, password and role again; now the secret fields may stay
 * empty, which keeps the saved secret.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveConnection } from '../../../../renderer/db/connected/connection';
import { db } from '../../../../renderer/db/database';
import { saveProfile } from '../../../../renderer/db/profile';
import { loadSampleCycle } from '../../../../renderer/db/repositories';
import { CyclesView } from '../../../../renderer/features/cycles/cycles-view';
import { ic0M3Levels } from '../../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../../shared/sample/sample-cycle';

const sample = generateSampleCycle(ic0M3Levels, { candidates: 6 });
const chair = sample.sessions[1]!.members.find((m) => m.role === 'chair')!;
const PASSWORD = 'the-chair-password-1234';

beforeEach(async () => {
  await db.delete();
  await db.open();
  await saveProfile(db, { name: chair.name, role: '' });
  await loadSampleCycle(db, sample);
  await saveConnection(db, { cycleId: sample.cycle.id, serverUrl: 'wss://nats.example.com', auth: { kind: 'user-password', user: 'chair', password: PASSWORD }, identity: { memberId: chair.id, role: 'chair', name: chair.name } }, '2026-10-01T00:00:00.000Z');
});
afterEach(() => cleanup());

describe('Connected mode: Change settings', () => {
  it('starts from the saved settings and keeps the saved password when its field is left empty', async () => {
    const user = userEvent.setup();
    render(<CyclesView />);
    const panel = await screen.findByRole('region', { name: 'Connected mode' });
    await user.click(await within(panel).findByRole('button', { name: 'Change settings' }));
    expect((within(panel).getByLabelText('Server address') as HTMLInputElement).value).toBe('wss://nats.example.com');
    expect((within(panel).getByLabelText('Sign in with') as HTMLSelectElement).value).toBe('user-password');
    expect((within(panel).getByLabelText('User name') as HTMLInputElement).value).toBe('chair');
    const password = within(panel).getByLabelText('Password') as HTMLInputElement;
    expect(password.value).toBe('');
    expect(password.placeholder).toMatch(/leave empty to keep/);
    expect((within(panel).getByLabelText('You are') as HTMLSelectElement).value).toBe(chair.id);

    await user.type(within(panel).getByLabelText('Passphrase'), 'correct horse battery staple');
    await user.type(within(panel).getByLabelText('Repeat passphrase'), 'correct horse battery staple');
    await user.click(within(panel).getByRole('button', { name: 'Save and connect' }));
    await within(panel).findByRole('button', { name: 'Change settings' });
    expect((await db.connections.get(sample.cycle.id))?.auth).toEqual({ kind: 'user-password', user: 'chair', password: PASSWORD });
  });
});
