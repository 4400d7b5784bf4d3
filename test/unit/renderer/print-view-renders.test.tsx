// @vitest-environment jsdom
/**
 * The decision book's print view draws each candidate page once: the book is
 * built once the session is read and no state changes page by page, so a
 * 600-candidate book is not laid out again after it is drawn. Counted through
 * readinessText, which each candidate page calls once per render.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { ic0M3Levels } from '../../../shared/frameworks/builtin';
import { generateSampleCycle } from '../../../shared/sample/sample-cycle';
import { db } from '../../../renderer/db/database';
import { loadSampleCycle } from '../../../renderer/db/repositories';
import { PrintView } from '../../../renderer/features/export/print-view';

const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../../shared/rules/readiness', async (original) => {
  const actual = await original<typeof import('../../../shared/rules/readiness')>();
  return {
    ...actual,
    readinessText: (...args: Parameters<typeof actual.readinessText>) => {
      calls.n++;
      return actual.readinessText(...args);
    },
  };
});

beforeEach(async () => {
  // jsdom has no constructed stylesheets; the page rules (page-style.ts) are checked in the browser test.
  Object.defineProperty(document, 'adoptedStyleSheets', { value: [], writable: true, configurable: true });
  await db.open();
  calls.n = 0;
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

it.each(['planned', 'finalized'] as const)('renders each candidate page of a %s session once', async (kind) => {
  const sample = generateSampleCycle(ic0M3Levels, { candidates: 40 });
  await loadSampleCycle(db, sample);
  const session = sample.sessions.find((s) => (kind === 'finalized' ? s.record : !s.record))!;
  render(<PrintView params={['session', session.id]} />);
  await waitFor(() => expect(document.documentElement.getAttribute('data-print-ready')).toBe('true'), { timeout: 15_000 });
  const pages = document.querySelectorAll('.print-candidate');
  // A little later, still once each: nothing re-renders the pages after the document is ready.
  await new Promise((r) => setTimeout(r, 100));
  expect(calls.n).toBe(pages.length);
});

it('offers Print again and Close on screen when it opened the print dialog itself (a browser tab), not otherwise', async () => {
  const sample = generateSampleCycle(ic0M3Levels, { candidates: 12 });
  await loadSampleCycle(db, sample);
  const session = sample.sessions.find((s) => s.record)!;
  const print = vi.spyOn(window, 'print').mockImplementation(() => {});
  const close = vi.spyOn(window, 'close').mockImplementation(() => {});
  try {
    const { unmount } = render(<PrintView params={['session', session.id, 'auto']} />);
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1), { timeout: 15_000 });
    const bar = screen.getByRole('navigation', { name: 'Print' });
    await userEvent.click(within(bar).getByRole('button', { name: 'Print or save as PDF…' }));
    expect(print).toHaveBeenCalledTimes(2);
    await userEvent.click(within(bar).getByRole('button', { name: 'Close' }));
    expect(close).toHaveBeenCalledTimes(1);
    unmount();
    // Loaded to make a PDF (Electron's hidden window, the browser tests): no controls in the document.
    render(<PrintView params={['session', session.id]} />);
    await waitFor(() => expect(document.documentElement.getAttribute('data-print-ready')).toBe('true'), { timeout: 15_000 });
    expect(screen.queryByRole('navigation', { name: 'Print' })).toBeNull();
  } finally {
    print.mockRestore();
    close.mockRestore();
  }
});
