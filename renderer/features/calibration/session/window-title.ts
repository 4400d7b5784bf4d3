/**
 * The window title while the presenter is on screen. The app shell sets the
 * title on every route change (after its children's effects have run), so
 * the presenter watches the <title> element and puts its own title back
 * while it is mounted; on leaving it restores a title without any name.
 */
import { useEffect } from 'react';

export const CALIBRATION_TITLE = 'Calibration · Levelset';

/** The title as a component, for a page that sets it only in some states (a session's tabs other than Review). */
export function WindowTitle({ title }: { title: string }): null {
  useWindowTitle(title);
  return null;
}

export function useWindowTitle(title: string): void {
  useEffect(() => {
    const apply = () => {
      if (document.title !== title) document.title = title;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = CALIBRATION_TITLE;
    };
  }, [title]);
}
