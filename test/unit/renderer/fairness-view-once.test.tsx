// @vitest-environment jsdom
/**
 * The fairness view's figures are computed once per session data (issue 13:
 * at 1,000 candidates each computation took hundreds of milliseconds, and
 * the view took the report up to three times and the nomination report
 * twice as its reads and its stored mark arrived), and the cycle's
 * candidates and packets are read once, with the session (the view and its
 * nomination section each read them again after it); the session's read
 * takes each candidate's current packet as stored beside them, not the
 * cycle's packet rows.
 */
import { cleanup, configure, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { createSession } from '../../../renderer/db/sessions';
import { loadSessionData } from '../../../renderer/db/session-hooks';
import { FairnessView } from '../../../renderer/features/calibration/views';
import { countReads } from '../../fixtures/db/idb-requests';
import { nominationReport } from '../../../shared/calibration/nomination';
import { currentPacketByCandidate } from '../../../shared/rules/current-packet';
import { loadCommands } from '../../../renderer/db/app-commands';

// The Fairness view records what it showed through the command layer, which loads on first use (app-commands.ts): loaded
// here, so a test that ends before that load finishes does not leave it importing after the environment is torn down.
beforeAll(() => loadCommands(), 120_000);

const calls = vi.hoisted(() => ({ fairness: 0, nomination: 0 }));
vi.mock('../../../shared/calibration/fairness', async (original) => {
  const real = await original<typeof import('../../../shared/calibration/fairness')>();
  return { ...real, fairnessReport: (...args: Parameters<typeof real.fairnessReport>) => (calls.fairness++, real.fairnessReport(...args)) };
});
vi.mock('../../../shared/calibration/nomination', async (original) => {
  const real = await original<typeof import('../../../shared/calibration/nomination')>();
  return { ...real, nominationReport: (...args: Parameters<typeof real.nominationReport>) => (calls.nomination++, real.nominationReport(...args)) };
});

configure({ asyncUtilTimeout: 15_000 });
const sample = generateSampleCycle(ic0M3Levels, { candidates: 12 });

beforeEach(async () => {
  await db.delete();
  await db.open();
  await loadSampleCycle(db, sample);
});
afterEach(() => cleanup());

describe('the fairness view', () => {
  it('computes its report and the nomination report once, reading the cycle once', async () => {
    const session = await createSession(
      db,
      { cycleId: sample.cycle.id, name: 'Week 1', members: [{ id: 'chair', name: 'Morgan Ellis', role: 'chair' }], candidateIds: sample.candidates.map((c) => c.id), orderMode: 'by-level', timeboxMinutes: 8, blind: false },
      '2026-11-20T10:00:00.000Z',
    );
    calls.fairness = 0;
    calls.nomination = 0;
    const stop = countReads();
    render(<FairnessView sessionId={session.id} />);
    await screen.findByRole('heading', { name: 'Fairness: outcomes by group' });
    await screen.findByRole('heading', { name: 'Put forward by managers' });
    await screen.findByText(/candidates of the cycle put forward/);
    // Let the stored mark the view writes on first look come back through its live query.
    await new Promise((r) => setTimeout(r, 300));
    const counts = stop();
    expect(calls).toEqual({ fairness: 1, nomination: 1 });
    // The session's read (the view is outside a session page here: the cycle's candidates and their stored figures,
    // whose current packets both the session and the nomination section take; no packet row) and its watch (a count
    // of each: session-reads.ts watchSessionBase); no other read.
    expect(counts.get('packets')).toBe(1);
    expect(counts.get('candidates')).toBe(2);
    expect(counts.get('candidateStats')).toBe(2);
  });
});

describe('the session read', () => {
  it('carries the cycle’s rows for a named session, never for a blind one', async () => {
    const make = (blind: boolean) =>
      createSession(
        db,
        { cycleId: sample.cycle.id, name: blind ? 'Blind' : 'Named', members: [{ id: 'chair', name: 'Morgan Ellis', role: 'chair' }], candidateIds: sample.candidates.slice(0, 4).map((c) => c.id), orderMode: 'by-level', timeboxMinutes: 8, blind },
        '2026-11-20T10:00:00.000Z',
      );
    const named = await loadSessionData(db, (await make(false)).id);
    expect(named?.cycleRows?.candidates.map((c) => c.id).sort()).toEqual(sample.candidates.map((c) => c.id).sort());
    // Each candidate's current packet, as stored beside them: the nomination it gives is the one the cycle's packet rows give.
    expect(named?.cycleRows?.packets).toHaveLength(currentPacketByCandidate(sample.packets).size);
    expect(nominationReport(named!.cycleRows!)).toEqual(nominationReport({ candidates: sample.candidates, packets: sample.packets }));
    const blind = await loadSessionData(db, (await make(true)).id);
    expect(blind?.candidates).toHaveLength(4);
    expect(blind?.cycleRows).toBeUndefined();
  });
});
