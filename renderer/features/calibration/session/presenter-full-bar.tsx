/**
 * The full-screen presenter's top bar: previous and next with the position
 * and how many are decided, the session's name, the timer, the keyboard
 * shortcuts and the way back to the review tab.
 */
import type { ReactNode } from 'react';
import { useUiStore } from '../../../state/ui-store';

export function FullScreenBar({
  position,
  go,
  sessionName,
  timer,
  leaveLink,
}: {
  position: { index: number; count: number; decided: number };
  go: (step: number, focus: boolean) => void;
  sessionName: string;
  /** Null in a finalized session. */
  timer: ReactNode;
  leaveLink: ReactNode;
}) {
  const openShortcuts = useUiStore((s) => s.setShortcutsOpen);
  const { index, count, decided } = position;
  return (
    <div className="pf-bar">
      <nav className="presenter-nav" aria-label="Candidates">
        <button type="button" className="button button-secondary" onClick={() => go(-1, false)} disabled={index === 0} aria-label="Previous candidate">
          <span aria-hidden="true">←</span>
        </button>
        <p className="presenter-position" aria-live="polite">
          <strong>{index + 1}</strong> of {count}
          <span className="muted"> · {decided} decided</span>
        </p>
        <button type="button" className="button button-secondary" onClick={() => go(1, false)} disabled={index === count - 1} aria-label="Next candidate">
          <span aria-hidden="true">→</span>
        </button>
      </nav>
      <p className="pf-session muted">{sessionName}</p>
      <div className="presenter-bar-end">
        {timer}
        <button type="button" className="button button-secondary" onClick={() => openShortcuts(true)} aria-label="Keyboard shortcuts">
          <kbd aria-hidden="true">?</kbd>
        </button>
        {leaveLink}
      </div>
    </div>
  );
}
