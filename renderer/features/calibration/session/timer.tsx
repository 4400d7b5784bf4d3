/**
 * The time spent on the candidate on screen, against the session's
 * timebox. Kept per candidate in the UI store: it counts while the candidate
 * is shown, stops while another one is, and resumes on coming back (a
 * paused timer stays paused). It can be paused and reset. Neutral while
 * inside the timebox; once over, a calm warning that says so in words and a
 * glyph.
 */
import { useEffect, useState } from 'react';
import { elapsedMs, hideTimer, pauseTimer, resetTimer, resumeTimer, showTimer, type TimerState } from '../../../state/presenter-timer';
import { useUiStore } from '../../../state/ui-store';
import { formatDuration } from './labels';

export function timerKeyOf(sessionId: string, candidateId: string): string {
  return `${sessionId}:${candidateId}`;
}

export function CandidateTimer({ timerKey, timeboxMinutes }: { timerKey: string; timeboxMinutes: number }) {
  const stored = useUiStore((s) => s.timers[timerKey]);
  const setTimer = useUiStore((s) => s.setTimer);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    setTimer(timerKey, showTimer(useUiStore.getState().timers[timerKey], Date.now()));
    return () => {
      const left = useUiStore.getState().timers[timerKey];
      if (left) setTimer(timerKey, hideTimer(left, Date.now()));
    };
  }, [timerKey, setTimer]);

  // Before the effect above has run, show what it is about to store.
  const timer = stored ?? showTimer(undefined, now);
  const running = timer.runningSince !== null;
  useEffect(() => {
    if (!running) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [running]);

  const elapsed = elapsedMs(timer, now) / 1000;
  const limit = timeboxMinutes * 60;
  const over = elapsed > limit;

  function change(step: (t: TimerState, at: number) => TimerState) {
    const at = Date.now();
    setTimer(timerKey, step(useUiStore.getState().timers[timerKey] ?? timer, at));
    setNow(at);
  }

  return (
    <div className={`presenter-timer${over ? ' presenter-timer-over' : ''}`}>
      <span className="presenter-timer-text" role="timer" aria-label="Time on this candidate">
        {over ? (
          <>
            <span aria-hidden="true">⚠ </span>Over time by {formatDuration(elapsed - limit)}
          </>
        ) : (
          <>
            {formatDuration(elapsed)} <span className="presenter-timer-of">of {formatDuration(limit)}</span>
          </>
        )}
        {running ? null : <span className="presenter-timer-paused"> · paused</span>}
      </span>
      <button type="button" className="button button-small" onClick={() => change(running ? pauseTimer : resumeTimer)}>
        {running ? 'Pause' : 'Resume'}
      </button>
      <button type="button" className="button button-small" onClick={() => change(resetTimer)}>
        Reset
      </button>
    </div>
  );
}
