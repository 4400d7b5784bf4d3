// @vitest-environment jsdom
/**
 * Switching a session's tabs in the app shell (issue 13): the tabs are one
 * page, so the session read for the first tab serves the next; the shell
 * used to key the page by the whole route and remount the session page,
 * which re-read every candidate, packet and coverage row on each switch.
 */
import { cleanup, configure, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/app/app';
import { pageKey, parseHash } from '../../../renderer/app/routes';
import { preloadSection } from '../../../renderer/app/sections';
import { commandRegistry as commands } from '../../../renderer/db/commands';
import { db } from '../../../renderer/db/database';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { ErrorBoundary } from '../../../renderer/components/error-boundary';
import { countReads } from '../../fixtures/db/idb-requests';
import { loadCommands } from '../../../renderer/db/app-commands';

// Generous: the machine running the suite may be busy; nothing here measures time.
configure({ asyncUtilTimeout: 20_000 });
beforeAll(() => Promise.all([preloadSection('calibration'), import('../../../renderer/features/calibration/views'), loadCommands()]), 120_000);
afterEach(() => cleanup());

function go(hash: string) {
  window.location.hash = hash;
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

describe('pageKey', () => {
  it('takes a session and its tabs as one page, and everything else as its route', () => {
    expect(pageKey(parseHash('#/calibration/s1/heatmap'))).toBe('calibration/s1');
    expect(pageKey(parseHash('#/calibration/s1/fairness'))).toBe('calibration/s1');
    expect(pageKey(parseHash('#/calibration/s1'))).toBe('calibration/s1');
    expect(pageKey(parseHash('#/calibration/s2/heatmap'))).toBe('calibration/s2');
    expect(pageKey(parseHash('#/calibration/s1/present'))).toBe('calibration/s1/present');
    // The candidate on screen is in the route; moving to the next one keeps the page (and its read) mounted.
    expect(pageKey(parseHash('#/calibration/s1/review/c7'))).toBe('calibration/s1');
    expect(pageKey(parseHash('#/calibration/s1/present/c7'))).toBe('calibration/s1/present');
    expect(pageKey(parseHash('#/calibration/new'))).toBe('calibration/new');
    expect(pageKey(parseHash('#/candidates/c1'))).toBe('candidates/c1');
  });
});

describe('switching session tabs in the app', () => {
  it('reads no candidate, packet or coverage row again', { timeout: 90_000 }, async () => {
    window.location.hash = '';
    await db.delete();
    await db.open();
    await commands.saveProfile(db, { name: 'Dana Whitfield', role: 'Committee chair' });
    const sample = generateSampleCycle(ic0M3Levels, { candidates: 12 });
    await commands.loadSampleCycle(db, sample);
    await commands.setActiveCycle(db, sample.cycle.id);
    const session = await commands.createSession(
      db,
      { cycleId: sample.cycle.id, name: 'Week 1', members: [{ id: 'm1', name: 'Morgan Ellis', role: 'chair' }], candidateIds: sample.candidates.map((c) => c.id), orderMode: 'by-level', timeboxMinutes: 8, blind: false },
      '2026-11-20T10:00:00.000Z',
    );
    go(`#/calibration/${session.id}/heatmap`);
    render(<App />);
    await screen.findByText(/Heatmap: candidates against/);

    const stop = countReads();
    go(`#/calibration/${session.id}/managers`);
    await screen.findByText('Managers: who rates differently');
    go(`#/calibration/${session.id}/levels`);
    await screen.findByRole('table', { name: 'Candidates per level, before and after the decisions' });
    go(`#/calibration/${session.id}/heatmap`);
    await screen.findByText(/Heatmap: candidates against/);
    const counts = stop();
    expect({ candidates: counts.get('candidates') ?? 0, packets: counts.get('packets') ?? 0, coverage: counts.get('coverage') ?? 0 }).toEqual({ candidates: 0, packets: 0, coverage: 0 });
  });
});

describe('the page boundary kept across tabs', () => {
  it('clears a failed tab when another tab is chosen', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    function Tab({ fails }: { fails: boolean }) {
      if (fails) throw new Error('the fairness tab failed');
      return <p>The managers tab</p>;
    }
    const view = render(
      <ErrorBoundary route="calibration/s1/fairness">
        <Tab fails />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('the fairness tab failed');
    view.rerender(
      <ErrorBoundary route="calibration/s1/managers">
        <Tab fails={false} />
      </ErrorBoundary>,
    );
    expect(screen.getByText('The managers tab')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    quiet.mockRestore();
  });
});
