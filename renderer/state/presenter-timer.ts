/**
 * The presenter's timer for one candidate, as plain data so the store can
 * keep it while another candidate is on screen. Time counts only while the
 * candidate is shown and not paused: leaving banks the time so far, coming
 * back resumes from it (unless the chair had paused it).
 */
export interface TimerState {
  /** Milliseconds counted before `runningSince`. */
  bankedMs: number;
  /** When counting last (re)started, or null while not counting. */
  runningSince: number | null;
  /** Paused by the chair: stays stopped when the candidate is shown again. */
  paused: boolean;
}

export function elapsedMs(t: TimerState, now: number): number {
  return t.bankedMs + (t.runningSince === null ? 0 : Math.max(0, now - t.runningSince));
}

function bank(t: TimerState, at: number): TimerState {
  return { ...t, bankedMs: elapsedMs(t, at), runningSince: null };
}

/** The candidate comes on screen: a first visit starts at zero, a later one resumes. */
export function showTimer(t: TimerState | undefined, at: number): TimerState {
  const base = t ?? { bankedMs: 0, runningSince: null, paused: false };
  return base.paused || base.runningSince !== null ? base : { ...base, runningSince: at };
}

/** Another candidate comes on screen: stop counting, keep the time. */
export function hideTimer(t: TimerState, at: number): TimerState {
  return bank(t, at);
}

export function pauseTimer(t: TimerState, at: number): TimerState {
  return { ...bank(t, at), paused: true };
}

export function resumeTimer(t: TimerState, at: number): TimerState {
  return { ...bank(t, at), paused: false, runningSince: at };
}

export function resetTimer(t: TimerState, at: number): TimerState {
  return { bankedMs: 0, paused: t.paused, runningSince: t.paused ? null : at };
}
