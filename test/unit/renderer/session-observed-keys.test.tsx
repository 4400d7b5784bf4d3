// @vitest-environment jsdom
/**
 * The session page's live reads observe ranges, not rows (issue 13): a
 * Dexie live query that reads an index range with its rows records every
 * row's primary key (RangeSet.addKeys), which for a 1,000-candidate session
 * was 42,000 interval-tree inserts on every load. The base is watched with a
 * row of each range and read outside the live query (renderer/db/
 * watched-read.ts); it is still re-read when one of its rows changes.
 */
import { cleanup, configure, render, screen, waitFor } from '@testing-library/react';
import { RangeSet } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commandRegistry as commands } from '../../../renderer/db/commands';
import { db } from '../../../renderer/db/database';
import { CalibrationView } from '../../../renderer/features/calibration/calibration-view';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { storedRows } from '../../fixtures/db/coverage-rows';

configure({ asyncUtilTimeout: 20_000 });
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the session page', () => {
  it('observes its base rows by range, not row by row, and still follows a change to one', { timeout: 60_000 }, async () => {
    await db.delete();
    await db.open();
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 30 });
    await commands.loadSampleCycle(db, sample);
    const session = await commands.createSession(
      db,
      { cycleId: sample.cycle.id, name: 'Week 1', members: [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' }], candidateIds: sample.candidates.map((c) => c.id), orderMode: 'by-level', timeboxMinutes: 8, blind: false },
      '2026-11-20T10:00:00.000Z',
    );
    const coverageRows = (await storedRows(db, { cycleId: sample.cycle.id })).length;
    expect(coverageRows).toBeGreaterThan(100);

    const addKeys = vi.spyOn(RangeSet.prototype, 'addKeys');
    render(<CalibrationView params={[session.id, 'managers']} />);
    await screen.findByText('Managers: who rates differently');
    const observedKeys = addKeys.mock.calls.reduce((n, [keys]) => n + (keys as unknown[]).length, 0);
    // The session row, its votes and decisions (none yet), the cycle, the framework and a count of each range: a handful, not 30 candidates, their packets and every coverage row.
    expect(observedKeys).toBeLessThan(20);

    // A candidate renamed in another window: the base is read again.
    const first = sample.candidates[0]!;
    const manager = first.manager;
    await db.transaction('rw', db.candidates, () => db.candidates.put({ ...first, manager: 'Quinn Zephyr' }));
    await screen.findByText('Quinn Zephyr');
    expect(manager).not.toBe('Quinn Zephyr');

    // A row deleted further along a range (a watch holding only the first row of each range missed it): read again too.
    // The last candidate gets a manager of their own, shown as a row of the view; once the candidate is gone, so is the row.
    const last = sample.candidates.at(-1)!;
    await db.transaction('rw', db.candidates, () => db.candidates.put({ ...last, manager: 'Solo Vantablack' }));
    expect((await screen.findAllByText('Solo Vantablack')).length).toBeGreaterThan(0);
    await db.transaction('rw', db.candidates, () => db.candidates.delete(last.id));
    await waitFor(() => expect(screen.queryAllByText('Solo Vantablack')).toHaveLength(0));
  });
});
