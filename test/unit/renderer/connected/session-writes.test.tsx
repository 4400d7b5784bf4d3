// @vitest-environment jsdom
/**
 * The chair's decision in a connected cycle goes to the committee even when
 * it is saved on the panel's first render, before any live read of the
 * connection has resolved: a write must never take the one-machine path in a
 * connected cycle (it would be applied here and reach no one).
 */
import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { pendingOutbox, saveConnection } from '../../../../renderer/db/connected';
import { db } from '../../../../renderer/db/database';
import { loadSampleCycle } from '../../../../renderer/db/repositories';
import { useSessionWrites } from '../../../../renderer/features/connected/session-writes';
import { AT, cast, sample, TOKEN } from './harness';

afterEach(async () => {
  cleanup();
  await db.delete();
  await db.open();
});

describe('session writes in a connected cycle', () => {
  it('send the chair’s decision to the committee from the first render', async () => {
    const s = sample();
    const c = cast(s);
    await db.open();
    await loadSampleCycle(db, s, AT);
    await saveConnection(db, { cycleId: c.cycleId, serverUrl: 'ws://127.0.0.1:4222', auth: { kind: 'token', token: TOKEN }, identity: { memberId: c.chair.id, role: 'chair', name: c.chair.name } }, AT);
    const { result } = renderHook(() => useSessionWrites(c.session.id));
    await result.current.saveDecision({ sessionId: c.session.id, candidateId: c.candidates[0]!, outcome: 'defer', newLevelId: null, rationale: 'Evidence is thin this half.', citedCriterionIds: [], nextSteps: ['Lead one project end to end.'], dissent: '' }, AT);
    expect((await pendingOutbox(db, c.cycleId)).map((m) => m.event.type)).toContain('decision');
  });
});
