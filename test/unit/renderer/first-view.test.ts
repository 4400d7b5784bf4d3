/**
 * Work that need not delay the first view (built-in frameworks, automatic
 * backups, connected mode: main.tsx) starts only once the first page is
 * drawn and has had a moment for its rows (issue 13: in a cold navigation's
 * profile it ran between the list's rows arriving and their render), or a
 * few seconds after boot at the latest (first run shows no page).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type FirstView = typeof import('../../../renderer/app/first-view');
let firstView: FirstView;

beforeEach(async () => {
  vi.useFakeTimers();
  vi.resetModules();
  firstView = await import('../../../renderer/app/first-view');
});
afterEach(() => vi.useRealTimers());

describe('afterFirstView', () => {
  it('waits for the first page to be drawn, then a moment more', async () => {
    const work = vi.fn();
    firstView.afterFirstView(work, { settleMs: 500, latestMs: 3000 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(work).not.toHaveBeenCalled();
    firstView.noteFirstViewShown();
    await vi.advanceTimersByTimeAsync(400);
    expect(work).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1200);
    expect(work).toHaveBeenCalledTimes(1);
    // A later page shown starts nothing again.
    firstView.noteFirstViewShown();
    await vi.advanceTimersByTimeAsync(5000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it("waits for the first page's rows as well as the page (a session drawn as a skeleton while its rows are read)", async () => {
    const work = vi.fn();
    let rowsRead: () => void = () => undefined;
    firstView.noteFirstRead(new Promise<void>((resolve) => (rowsRead = resolve)));
    firstView.afterFirstView(work, { settleMs: 500, latestMs: 3000 });
    firstView.noteFirstViewShown();
    await vi.advanceTimersByTimeAsync(2000);
    expect(work).not.toHaveBeenCalled();
    rowsRead();
    await vi.advanceTimersByTimeAsync(400);
    expect(work).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1200);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('does not wait on a first read that failed (the page reports it)', async () => {
    const work = vi.fn();
    firstView.noteFirstRead(Promise.reject(new Error('closed')));
    firstView.afterFirstView(work, { settleMs: 500, latestMs: 3000 });
    firstView.noteFirstViewShown();
    await vi.advanceTimersByTimeAsync(1600);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('starts at the latest a few seconds after boot when no page is drawn (first run)', async () => {
    const work = vi.fn();
    firstView.afterFirstView(work, { settleMs: 500, latestMs: 3000 });
    await vi.advanceTimersByTimeAsync(3000);
    expect(work).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1600);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('on a print document, does not start after a few seconds but when an app page is shown', async () => {
    const work = vi.fn();
    let printing = true;
    firstView.afterFirstView(work, { settleMs: 500, latestMs: 3000, holdWhile: () => printing });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(work).not.toHaveBeenCalled();
    // The user goes from the print view to the app in the same tab.
    printing = false;
    firstView.noteFirstViewShown();
    await vi.advanceTimersByTimeAsync(1600);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
