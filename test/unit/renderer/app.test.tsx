// @vitest-environment jsdom
/**
 * The app shell with Testing Library: the first-run empty state, loading
 * the sample cycle through the button, and the lists that follow.
 */
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/app';
import { preloadSection } from '../../../renderer/app/sections';
import { db } from '../../../renderer/db/database';
import { saveProfile } from '../../../renderer/db/profile';

// Pages are loaded on first use; loading them all once here keeps each test's waits about the app, not module loading.
// The app now shows its frame first and the page after the profile read and a chunk each: more steps
// between render and the page than the default one-second wait allows on a busy machine.
configure({ asyncUtilTimeout: 10_000 });
beforeAll(() => Promise.all((['frameworks', 'candidates', 'packets', 'cycles', 'calibration', 'decisions', 'about', 'print'] as const).map(preloadSection)), 60_000);

beforeEach(async () => {
  window.location.hash = '';
  await db.delete();
  await db.open();
  // Past the first-run profile step, which test/unit/renderer/profile-step.test.tsx covers.
  await saveProfile(db, { name: 'Dana Whitfield', role: 'Committee chair' });
});
afterEach(() => cleanup());

describe('App', () => {
  it('offers the sample cycle on first run and lists its data once loaded', async () => {
    const user = userEvent.setup();
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Welcome to Levelset' })).toBeTruthy();
    // A real start is offered beside the sample (a trial found it only in the sidebar).
    expect(screen.getByRole('link', { name: 'create a cycle' }).getAttribute('href')).toBe('#/cycles/new');

    await user.click(screen.getByRole('button', { name: 'Load sample cycle' }));
    await screen.findByText(/Loaded the sample cycle: 42 candidates/, undefined, { timeout: 20_000 });
    // The button went with the welcome: the focus is on the page's heading, not left on the document.
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Frameworks' }));
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('link', { name: 'IC0–IC4 and M1–M3' })).toBeTruthy();

    window.location.hash = '#/candidates';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Candidates'));
    // The list is virtualised: the table says it has 42 rows and a header; only those in view are drawn.
    await waitFor(() => expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('43'));
    expect((screen.getByRole('combobox', { name: 'Cycle' }) as HTMLSelectElement).value).toBe('sample-2026-cycle');

    await user.type(screen.getByRole('searchbox', { name: 'Search candidates' }), 'Payments');
    await waitFor(() => {
      const rows = screen.getAllByRole('row').slice(1);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBeLessThan(42);
      for (const row of rows) expect(row.textContent).toContain('Payments');
    });

    // Sorted by evidence, fewest first: who needs evidence before the packet is due is at the top; the search still applies.
    const evidenceCounts = () => screen.getAllByRole('row').slice(1).map((row) => Number(within(row).getAllByRole('cell').at(-1)?.textContent));
    const byName = evidenceCounts();
    expect(new Set(byName).size).toBeGreaterThan(1);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Evidence, fewest first');
    await waitFor(() => expect(evidenceCounts()).toEqual([...byName].sort((a, b) => a - b)));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Evidence, most first');
    await waitFor(() => expect(evidenceCounts()).toEqual([...byName].sort((a, b) => b - a)));
    for (const row of screen.getAllByRole('row').slice(1)) expect(row.textContent).toContain('Payments');
  });

  it('says what to do in every section while there is no cycle', async () => {
    render(<App />);
    for (const [hash, title] of [
      ['#/candidates', 'No candidates yet'],
      ['#/packets', 'No packets yet'],
      ['#/calibration', 'No calibration sessions yet'],
      ['#/decisions', 'No decisions yet'],
    ] as const) {
      window.location.hash = hash;
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      expect(await screen.findByRole('heading', { name: title })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Load sample cycle' })).toBeTruthy();
    }
  });
});
