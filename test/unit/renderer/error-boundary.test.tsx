// @vitest-environment jsdom
/**
 * No blank screen: a view that throws while rendering shows the boundary
 * (what failed, Reload view, Go to start) inside the shell, the sidebar
 * keeps working, moving to another route recovers, and the error is logged.
 * The failing views are stand-ins that throw on demand; the real cause that
 * blanked the app (an impossible stored date) is in impossible-dates.test.tsx.
 */
import { cleanup, configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { App } from '../../../renderer/app/app';
import { preloadSection } from '../../../renderer/app/sections';
import { db } from '../../../renderer/db/database';
import { saveProfile } from '../../../renderer/db/profile';

const failing = vi.hoisted(() => ({ decisions: true, print: true }));

vi.mock('../../../renderer/features/decisions/decisions-view', () => ({
  DecisionsView() {
    if (failing.decisions) throw new Error('not a date: 2026-00-15');
    return <h1 id="page-title">Decisions</h1>;
  },
}));
vi.mock('../../../renderer/features/export/print-view', () => ({
  PrintView() {
    if (failing.print) throw new Error('x'.repeat(5_000));
    return <p>Printed</p>;
  },
}));

let consoleError: MockInstance<typeof console.error>;

// Pages are loaded on first use; loading them all once here keeps each test's waits about the app, not module loading.
// The app now shows its frame first and the page after the profile read and a chunk each: more steps
// between render and the page than the default one-second wait allows on a busy machine.
configure({ asyncUtilTimeout: 10_000 });
beforeAll(() => Promise.all((['frameworks', 'candidates', 'packets', 'cycles', 'calibration', 'decisions', 'about', 'print'] as const).map(preloadSection)), 60_000);

beforeEach(async () => {
  failing.decisions = true;
  failing.print = true;
  window.location.hash = '';
  await db.delete();
  await db.open();
  await saveProfile(db, { name: 'Dana Whitfield', role: 'Committee chair' });
  // React and the bridge both report the error on the console; the test reads the bridge's line.
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  consoleError.mockRestore();
});

function go(hash: string) {
  window.location.hash = hash;
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

describe('a view that fails to render', () => {
  it('shows what failed inside the shell, logs it, and the sidebar still leads elsewhere', async () => {
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('navigation', { name: 'Sections' });
    go('#/decisions');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This view could not be shown: not a date: 2026-00-15');
    // Only the print view marks the document as failed to print.
    expect(document.documentElement.hasAttribute('data-print-failed')).toBe(false);
    expect(consoleError.mock.calls.some((c) => String(c[0]) === 'Levelset could not show #/decisions: not a date: 2026-00-15')).toBe(true);

    // Both ways out are buttons reachable from the keyboard.
    const reload = screen.getByRole('button', { name: 'Reload view' });
    const start = screen.getByRole('button', { name: 'Go to start' });
    reload.focus();
    await user.tab();
    expect(document.activeElement).toBe(start);

    // The sidebar works: another section renders, and the boundary is gone.
    await user.click(screen.getByRole('link', { name: /Candidates/ }));
    expect(await screen.findByRole('heading', { name: 'No candidates yet' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    // Back to the failing route: it fails again (the data has not changed); once it can render, Reload view shows it.
    go('#/decisions');
    await screen.findByRole('alert');
    failing.decisions = false;
    await user.click(screen.getByRole('button', { name: 'Reload view' }));
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Decisions');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('Go to start leaves the failing view for the start page', async () => {
    const user = userEvent.setup();
    render(<App />);
    go('#/decisions');
    await user.click(await screen.findByRole('button', { name: 'Go to start' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(window.location.hash).toBe('#/frameworks');
    expect(screen.getByRole('link', { name: /Frameworks/ }).getAttribute('aria-current')).toBe('page');
  });

  it('wraps the print view too, with the message cut short', async () => {
    go('#/print/session/s-1');
    render(<App />);
    const alert = await screen.findByRole('alert');
    const heading = alert.querySelector('h1')!.textContent!;
    expect(heading.startsWith('This view could not be shown: xxx')).toBe(true);
    expect(heading.length).toBeLessThan(260);
    // The desktop PDF export waits on the document: the failure is there at once, with the short message.
    expect(document.documentElement.getAttribute('data-print-failed')).toBe(heading.slice('This view could not be shown: '.length));
    expect(document.documentElement.getAttribute('data-print-ready')).toBeNull();
    // Logged whole to the console (the bridge cuts it to the contract's 2,000 only for main's log).
    expect(consoleError.mock.calls.some((c) => String(c[0]).startsWith('Levelset could not show #/print/session/s-1: xxx'))).toBe(true);
    failing.print = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Reload view' }));
    expect(await screen.findByText('Printed')).toBeTruthy();
    expect(document.documentElement.hasAttribute('data-print-failed')).toBe(false);
  });
});
