/**
 * The time spent on the candidate on screen, against the session's
 * timebox. It starts when the candidate is shown (the parent keys it by
 * candidate) and can be paused and reset. Neutral while inside the
 * timebox; once over, a calm warning that says so in words and a glyph.
 */
import { useEffect, useState } from 'react';
import { formatDuration } from './labels';

export function CandidateTimer({ timeboxMinutes }: { timeboxMinutes: number }) {
  const [startedAt, setStartedAt] = useState<number | null>(() => Date.now());
  const [banked, setBanked] = useState(0);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (startedAt === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [startedAt]);

  const elapsed = (banked + (startedAt === null ? 0 : Math.max(0, now - startedAt))) / 1000;
  const limit = timeboxMinutes * 60;
  const over = elapsed > limit;
  const running = startedAt !== null;

  function pause() {
    if (startedAt === null) return;
    const at = Date.now();
    setBanked((b) => b + (at - startedAt));
    setStartedAt(null);
    setNow(at);
  }

  function resume() {
    const at = Date.now();
    setStartedAt(at);
    setNow(at);
  }

  function reset() {
    const at = Date.now();
    setBanked(0);
    setStartedAt(running ? at : null);
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
      <button type="button" className="button button-small" onClick={running ? pause : resume}>
        {running ? 'Pause' : 'Resume'}
      </button>
      <button type="button" className="button button-small" onClick={reset}>
        Reset
      </button>
    </div>
  );
}
