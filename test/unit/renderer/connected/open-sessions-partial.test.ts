/**
 * The chair's app opens each session to the committee in its own
 * transaction. When a later session fails, the earlier ones are already
 * queued and will be sent, so the committee copy that goes with them must be
 * sent too: before, the watch called `onQueued` only when the whole run
 * succeeded, and members got the session.open without a copy that matched it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSessionsWhileConnected } from '../../../../renderer/db/connected-hooks';
import { pendingOutbox } from '../../../../renderer/db/connected';
import { AT, cast, closeAll, machine, sample } from './harness';

afterEach(closeAll);

describe('openSessionsWhileConnected', () => {
  it('sends the copy for the sessions it queued when a later session fails, and reports the failure', async () => {
    const s = sample();
    const c = cast(s);
    // A second session the chair chairs, so the run has one to queue before the one that fails.
    const second = { ...c.session, id: `${c.session.id}-b`, name: 'Second session', createdAt: AT, updatedAt: AT };
    const db = await machine({ ...s, sessions: [c.session, second] }, c.chair);
    const get = db.sessionModes.get.bind(db.sessionModes);
    // Reading the second session's mode fails, as a storage error would.
    vi.spyOn(db.sessionModes, 'get').mockImplementation(((key: string) => (key === second.id ? Promise.reject(new Error('The disk is full')) : get(key))) as typeof db.sessionModes.get);
    const errors: string[] = [];
    let copies = 0;
    const stop = openSessionsWhileConnected(db, c.cycleId, (e) => errors.push(String(e)), () => (copies += 1));
    try {
      await vi.waitFor(() => expect(errors).toHaveLength(1));
      expect(errors[0]).toContain('The disk is full');
      const pending = await pendingOutbox(db, c.cycleId);
      expect(pending.map((row) => [row.event.type, row.event.sessionId])).toEqual([['session.open', c.session.id]]);
      expect(copies).toBe(1);
    } finally {
      stop();
    }
  });
});
