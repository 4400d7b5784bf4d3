/**
 * The presenter timer as data: it counts only while its candidate is shown
 * and not paused, so a candidate's time survives looking at another one.
 */
import { describe, expect, it } from 'vitest';
import { elapsedMs, hideTimer, pauseTimer, resetTimer, resumeTimer, showTimer } from '../../../renderer/state/presenter-timer';

describe('presenter timer', () => {
  it('banks the time when the candidate leaves the screen and resumes on return', () => {
    const shown = showTimer(undefined, 10_000);
    expect(elapsedMs(shown, 70_000)).toBe(60_000);
    const away = hideTimer(shown, 70_000);
    // Away for 5 minutes: nothing is added.
    expect(elapsedMs(away, 370_000)).toBe(60_000);
    const back = showTimer(away, 370_000);
    expect(elapsedMs(back, 400_000)).toBe(90_000);
  });

  it('stays paused across a visit elsewhere, and reset keeps a paused timer paused at zero', () => {
    const paused = pauseTimer(showTimer(undefined, 0), 20_000);
    const back = showTimer(hideTimer(paused, 30_000), 90_000);
    expect(back.runningSince).toBeNull();
    expect(elapsedMs(back, 500_000)).toBe(20_000);
    expect(elapsedMs(resumeTimer(back, 500_000), 510_000)).toBe(30_000);
    const reset = resetTimer(back, 600_000);
    expect(reset).toEqual({ bankedMs: 0, runningSince: null, paused: true });
  });

  it('never counts backwards when the clock reads earlier than the start', () => {
    expect(elapsedMs(showTimer(undefined, 5_000), 4_000)).toBe(0);
  });
});
