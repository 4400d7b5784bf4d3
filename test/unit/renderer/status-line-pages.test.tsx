// @vitest-environment jsdom
/**
 * The status line says what an action on a page did. It followed the person
 * to the next page (the bundle import's "Imported …" on Cycles): it now goes
 * when another page shows, unless the action itself moved there as it
 * announced ("Added …", then the candidate's page). Errors stay until
 * dismissed, on any page.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StatusLine } from '../../../renderer/app/status-line';
import { useUiStore } from '../../../renderer/state/ui-store';

/** Moves to a route as a link or navigateTo does; the hashchange event comes after, as in a browser. */
async function go(hash: string) {
  await act(async () => {
    const changed = new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
    window.location.hash = hash;
    await changed;
  });
}

const announce = (text: string, tone?: 'info' | 'error') => act(() => useUiStore.getState().announce(text, tone));

beforeEach(async () => {
  await go('#/packets');
  useUiStore.getState().clearStatus();
});
afterEach(() => cleanup());

describe('the status line across pages', () => {
  it('drops an action’s status when another page shows', async () => {
    render(<StatusLine />);
    announce('Imported the bundle: added 1 cycle.');
    expect(screen.getByRole('status').textContent).toBe('Imported the bundle: added 1 cycle.');
    await go('#/cycles');
    // At once, not when its 6 seconds are up.
    expect(screen.getByRole('status').textContent).toBe('');
    expect(useUiStore.getState().status).toBeNull();
  });

  it('keeps the status of an action that moved to another page as it announced', async () => {
    render(<StatusLine />);
    await act(async () => {
      const changed = new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
      useUiStore.getState().announce('Added Ada Lovelace. Their draft packet is started; log their evidence below.');
      window.location.hash = '#/candidates/cand-1';
      await changed;
    });
    expect(screen.getByRole('status').textContent).toBe('Added Ada Lovelace. Their draft packet is started; log their evidence below.');
  });

  it('keeps a status while the same page shows another view (a session’s tabs)', async () => {
    await go('#/calibration/session-1/review');
    render(<StatusLine />);
    announce('Decision saved.');
    await go('#/calibration/session-1/fairness');
    expect(screen.getByRole('status').textContent).toBe('Decision saved.');
  });

  it('keeps an error on the next page until it is dismissed', async () => {
    render(<StatusLine />);
    announce('Could not save the candidate: the disk is full.', 'error');
    await go('#/cycles');
    expect(screen.getByRole('alert').textContent).toContain('Could not save the candidate: the disk is full.');
  });
});
