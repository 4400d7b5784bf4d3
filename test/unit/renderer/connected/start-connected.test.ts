// @vitest-environment jsdom
// Connected mode at launch (start-connected.ts): the manager, which brings the
// NATS client, is loaded only once a cycle has connection settings, and from
// then on follows every change of them, in order; closing stops what runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionSettings } from '../../../../shared/connected/state';
import { startConnectedSync, stopConnectedSync, type ConnectedStart } from '../../../../renderer/connected/start-connected';
import { forgetConnection, saveConnection } from '../../../../renderer/db/connected';
import { watchStoredConnections } from '../../../../renderer/db/connection-hook';
import { db } from '../../../../renderer/db/database';
import { loadSampleCycle } from '../../../../renderer/db/repositories';
import { eventually } from '../../../support/memory-sync-store';
import { AT, cast, sample } from './harness';

const s = sample();
const c = cast(s);
const settings = { cycleId: c.cycleId, serverUrl: 'ws://127.0.0.1:9', auth: { kind: 'user-password' as const, user: c.chair.id, password: 'pw-chair' }, identity: { memberId: c.chair.id, role: 'chair' as const, name: c.chair.name } };

beforeAll(async () => {
  await db.open();
  await loadSampleCycle(db, s, AT);
});
afterAll(async () => {
  await db.delete();
});

describe('starting connected mode', () => {
  it('loads the transports only for a connected cycle, follows each change, and stops them on close', async () => {
    const seen: ConnectionSettings[][] = [];
    const reconciled: string[][] = [];
    let loads = 0;
    let stopped = 0;
    const start: ConnectedStart = {
      // The app's own watch over the stored settings, counted so the test knows each change arrived.
      watch: (next, fail) => watchStoredConnections((rows) => (seen.push(rows), next(rows)), fail),
      load: async () => {
        loads++;
        return {
          reconcile: async (rows: ConnectionSettings[]) => void reconciled.push(rows.map((r) => r.cycleId)),
          stopAll: async () => void stopped++,
        } as unknown as typeof import('../../../../renderer/connected/sync-manager');
      },
    };
    const errors: string[] = [];
    startConnectedSync((message) => errors.push(message), start);

    // No cycle is connected: the settings were read, nothing was loaded.
    await eventually(() => seen.length === 1, 'the settings were read');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loads).toBe(0);

    // The chair connects the cycle: the manager loads once and starts it.
    await saveConnection(db, settings, AT);
    await eventually(() => reconciled.length === 1, 'the transport was started');
    expect(reconciled[0]).toEqual([c.cycleId]);

    // Disconnecting goes to the loaded manager too (with no cycle left), without loading it again.
    await forgetConnection(db, c.cycleId);
    await eventually(() => reconciled.length === 2, 'the transport was stopped');
    expect(reconciled[1]).toEqual([]);
    expect(loads).toBe(1);

    // Closing the window stops whatever runs.
    window.dispatchEvent(new Event('pagehide'));
    await eventually(() => stopped === 1, 'the transports were stopped on close');
    expect(errors).toEqual([]);
    await stopConnectedSync();
  });
});
