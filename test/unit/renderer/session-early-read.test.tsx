// @vitest-environment jsdom
/**
 * A session page's first read starts when its route is entered, before the
 * page mounts (issue 13: it began only after the page's chunk, the profile
 * gate, its first render, its live query and its watch, one after another),
 * and the page takes it instead of reading again. Never stale: a write made
 * after that read is shown, and so is one made after the page took it. A
 * tab switch keeps the page, so it starts no new read.
 */
import { cleanup, configure, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { installRouteReads } from '../../../renderer/app/route-reads';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { createSession, saveDecision } from '../../../renderer/db/sessions';
import { startSessionRead } from '../../../renderer/db/session-rows';
import { CalibrationView } from '../../../renderer/features/calibration/calibration-view';
import type { Session } from '../../../shared/domain';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { loadCommands } from '../../../renderer/db/app-commands';

// The Fairness view records what it showed through the command layer, which loads on first use (app-commands.ts): loaded
// here, so a test that ends before that load finishes does not leave it importing after the environment is torn down.
beforeAll(() => loadCommands(), 120_000);

// Generous: the machine running the suite may be busy; nothing here measures time.
configure({ asyncUtilTimeout: 20_000 });
const AT = '2026-11-20T10:00:00.000Z';
const sample = generateSampleCycle(ic0M3Levels, { seed: 11, candidates: 12 });
let session: Session;

/** Indexed getAll requests on a store (the session's base reads each of its ranges with one; its watch counts them) and session row gets. */
function countRangeReads() {
  const getAll = vi.spyOn(IDBIndex.prototype, 'getAll');
  const getRow = vi.spyOn(IDBObjectStore.prototype, 'get');
  return {
    candidates: () => getAll.mock.contexts.filter((index) => (index as IDBIndex).objectStore.name === 'candidates').length,
    sessionRows: () => getRow.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'sessions').length,
  };
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  await loadSampleCycle(db, sample);
  session = await createSession(
    db,
    { cycleId: sample.cycle.id, name: 'Week 1', members: [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' }], candidateIds: sample.candidates.map((c) => c.id), orderMode: 'by-level', timeboxMinutes: 8, blind: false },
    AT,
  );
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('a session page entered by its route', () => {
  it('has its rows on the way before it mounts, and reads them no second time', async () => {
    const reads = countRangeReads();
    void startSessionRead(session.id);
    // Asked for with no page on screen.
    await waitFor(() => expect(reads.candidates()).toBe(1));
    render(<CalibrationView params={[session.id, 'heatmap']} />);
    await screen.findByText(/Heatmap: candidates against/);
    // The route's read only: the page's watch counts the range, and the page did not read the rows again.
    expect(reads.candidates()).toBe(1);
  });

  it('shows a candidate changed after the route read it', async () => {
    await startSessionRead(session.id);
    const first = sample.candidates[0]!;
    await db.transaction('rw', db.candidates, () => db.candidates.put({ ...first, manager: 'Quinn Zephyr' }));
    render(<CalibrationView params={[session.id, 'managers']} />);
    // In the table, and in the chart once its chunk has come.
    await screen.findAllByText('Quinn Zephyr');
  });

  it('shows a decision saved after the page took the route’s read', async () => {
    void startSessionRead(session.id);
    render(<CalibrationView params={[session.id, 'review']} />);
    await screen.findAllByText(/· 0 decided/);
    const candidateId = session.candidateIds[0]!;
    await saveDecision(db, { sessionId: session.id, candidateId, outcome: 'not-yet', newLevelId: null, rationale: 'Not yet.', citedCriterionIds: [], nextSteps: ['Lead a design review.'], dissent: '' }, AT);
    await screen.findAllByText(/· 1 decided/);
  });
});

describe('route reads', () => {
  it('start a session’s read on entering its page, not on switching its tabs', async () => {
    const reads = countRangeReads();
    const go = (hash: string) => {
      window.location.hash = hash;
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    };
    window.location.hash = `#/calibration/${session.id}/heatmap`;
    installRouteReads();
    await waitFor(() => expect(reads.sessionRows()).toBe(1));
    go(`#/calibration/${session.id}/managers`);
    go(`#/calibration/${session.id}/fairness`);
    // Another page, then the session again: a new page, so one new read.
    go('#/calibration');
    go(`#/calibration/${session.id}`);
    await waitFor(() => expect(reads.sessionRows()).toBeGreaterThanOrEqual(2));
    expect(reads.sessionRows()).toBe(2);
  });
});
