// @vitest-environment jsdom
/**
 * A committee member's browser window forgot the cycle passphrase (closed and opened again) after the app took the
 * chair's copy of the cycle with it. A trial's member then stayed on an old packet revision while every screen said
 * "Connected · All changes sent", and a chair's missing passphrase showed only on the Cycles page. The copy's status
 * now says so, and so does the connection status always in view.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { NatsConnection } from '@nats-io/nats-core';
import type { ConnectionSettings } from '../../../shared/connected/state';
import { copySync, MEMBER_PASSPHRASE_GONE, type CopyApp } from '../../../renderer/connected/copy-sync';
import { noteRunning } from '../../../renderer/connected/status';
import { StatusStore } from '../../../renderer/connected/transport-status';
import type { ConnectedTransport } from '../../../renderer/connected/transport';
import { saveConnection } from '../../../renderer/db/connected';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle, setActiveCycle } from '../../../renderer/db/repositories';
import { ConnectionStatus } from '../../../renderer/features/connected/connection-status';
import { AT, cast, sample, TOKEN } from '../renderer/connected/harness';

afterEach(async () => {
  cleanup();
  await db.delete();
  await db.open();
});

const member = (cycleId: string): ConnectionSettings =>
  ({ cycleId, serverUrl: 'ws://127.0.0.1:4222', auth: { kind: 'token', token: TOKEN }, identity: { memberId: 'm2', role: 'member', name: 'Priyanka Rao' } }) as ConnectionSettings;

/** Closed at once: the copy's watch for newer copies stops there. */
const closedNc = { isClosed: () => true } as unknown as NatsConnection;

function app(passphrase: string | null, imported: string | null): CopyApp {
  return {
    passphrase: async () => passphrase,
    importedChecksum: async () => imported,
    copyContent: async () => {
      throw new Error('not used');
    },
    copyChecksum: async () => 'x',
    importCopy: async () => undefined,
  } as unknown as CopyApp;
}

describe('the cycle passphrase forgotten by a member’s browser', () => {
  it('is said when a copy was taken with it, and not for a member who took the cycle from a bundle file', async () => {
    const status = new StatusStore();
    await copySync(member('cycle-1'), () => status, app(null, 'sum-1')).onConnected(closedNc);
    expect(status.getSnapshot().copy).toEqual({ state: 'failed', message: MEMBER_PASSPHRASE_GONE });
    const fromBundle = new StatusStore();
    await copySync(member('cycle-1'), () => fromBundle, app(null, null)).onConnected(closedNc);
    expect(fromBundle.getSnapshot().copy).toBeNull();
  });

  it('shows in the connection status beside "Connected"', async () => {
    const s = sample();
    const c = cast(s);
    await db.open();
    await loadSampleCycle(db, s, AT);
    await setActiveCycle(db, c.cycleId);
    await saveConnection(db, { cycleId: c.cycleId, serverUrl: 'ws://127.0.0.1:4222', auth: { kind: 'token', token: TOKEN }, identity: { memberId: c.m2.id, role: 'member', name: c.m2.name } }, AT);
    const status = new StatusStore();
    status.update({ state: 'connected', copy: { state: 'failed', message: MEMBER_PASSPHRASE_GONE } });
    render(<ConnectionStatus />);
    act(() => noteRunning(c.cycleId, { status } as unknown as ConnectedTransport));
    expect((await screen.findByText(/no longer holds the cycle passphrase/)).textContent).toBe(MEMBER_PASSPHRASE_GONE);
    expect(screen.getByText('Connected')).toBeTruthy();
    act(() => noteRunning(c.cycleId, null));
  });
});
