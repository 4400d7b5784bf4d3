/**
 * Runs `onLeave` when the page may be going away: on `pagehide` (reload,
 * close, navigation) and when it is hidden (`visibilitychange`, the last
 * event a browser reliably delivers before discarding a tab). Fields that
 * save after a pause use it to save at once, so a reload right after typing
 * keeps the last words.
 */
import { useEffect, useRef } from 'react';

export function usePageLeave(onLeave: () => void): void {
  const latest = useRef(onLeave);
  useEffect(() => {
    latest.current = onLeave;
  });
  useEffect(() => {
    const leave = () => latest.current();
    const hidden = () => {
      if (document.visibilityState === 'hidden') latest.current();
    };
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, []);
}
