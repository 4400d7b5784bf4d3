// @vitest-environment jsdom
/**
 * The import's progress panel: the sentence a screen reader hears, a
 * progress bar whose value is the records done, and a Cancel that has the
 * focus, so Enter stops the import.
 */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportProgressPanel, ProgressFeed, SHOW_EVERY_MS, progressText } from '../../../renderer/features/packets/import-progress';

afterEach(() => cleanup());

describe('Import progress', () => {
  it('says how many records are checked, shows them in the bar, and cancels on Enter', async () => {
    const onCancel = vi.fn();
    render(<ImportProgressPanel fileName="big.levelset.json" progress={{ phase: 'checking', done: 1200, total: 3000 }} onCancel={onCancel} />);
    expect(screen.getByRole('region', { name: 'Importing big.levelset.json' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Checking 1,200 of 3,000 records…');
    const bar = screen.getByRole('progressbar', { name: 'Records checked' }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([1200, 3000]);
    const cancel = screen.getByRole('button', { name: 'Cancel import' });
    expect(document.activeElement).toBe(cancel);
    await userEvent.keyboard('{Enter}');
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('names each phase in words', () => {
    expect(progressText({ phase: 'writing', done: 500, total: 12_659 })).toBe('Writing 500 of 12,659 records…');
    expect(progressText({ phase: 'decrypting', done: 0, total: 1 })).toBe('Decrypting (this takes a moment)…');
    expect(progressText({ phase: 'planning', done: 0, total: 1 })).toBe('Comparing with this database…');
  });

  it('shows a burst of reports as the first and then the latest, and a new phase at once', () => {
    vi.useFakeTimers();
    try {
      let now = 0;
      const feed = new ProgressFeed({ phase: 'planning', done: 0, total: 1 }, () => now);
      const seen: string[] = [];
      feed.subscribe(() => seen.push(progressText(feed.current())));
      feed.tell({ phase: 'writing', done: 0, total: 900 });
      for (let done = 100; done <= 900; done += 100) {
        now += 5;
        feed.tell({ phase: 'writing', done, total: 900 });
      }
      expect(seen).toEqual(['Writing 0 of 900 records…']);
      expect(progressText(feed.current())).toBe('Writing 0 of 900 records…');
      now += SHOW_EVERY_MS;
      vi.advanceTimersByTime(SHOW_EVERY_MS);
      expect(seen).toEqual(['Writing 0 of 900 records…', 'Writing 900 of 900 records…']);
      // Nothing new: the time passing shows nothing again.
      vi.advanceTimersByTime(SHOW_EVERY_MS * 3);
      expect(seen).toHaveLength(2);
      now += 1;
      feed.tell({ phase: 'checking', done: 1, total: 2 });
      expect(seen.at(-1)).toBe('Checking 1 of 2 records…');
    } finally {
      vi.useRealTimers();
    }
  });
});
