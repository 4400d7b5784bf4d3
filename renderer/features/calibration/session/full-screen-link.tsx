/**
 * The review's way into the full screen, and back. Leaving the full screen
 * (Esc, or its "Leave full screen" link) returns the keyboard's focus to
 * the "Full screen" link it was opened from, as a dialog returns it to its
 * opener: it went to the session's title, and a keyboard trial had to tab
 * back through the header to the candidate.
 */
import { useEffect, useRef } from 'react';
import { hrefFor, replaceRouteOnClick } from '../../../app/routes';

/** The presenter's place the full screen was left from: only the link of that candidate's review takes the focus. */
let returning: string | null = null;

/** Called as the full screen is left, from the candidate on it (none: nothing to return to). */
export function leavingFullScreen(sessionId: string, candidateId: string | undefined): void {
  returning = candidateId === undefined ? null : `${sessionId}/${candidateId}`;
}

export function FullScreenLink({ sessionId, candidateId }: { sessionId: string; candidateId: string }) {
  const link = useRef<HTMLAnchorElement>(null);
  const href = hrefFor('calibration', sessionId, 'present', candidateId);
  // Runs after the page's heading took the focus that fell with the full screen (page-header.tsx): it takes it back.
  useEffect(() => {
    if (returning !== `${sessionId}/${candidateId}`) return;
    returning = null;
    link.current?.focus();
  }, [sessionId, candidateId]);
  return (
    <a ref={link} className="button button-secondary" href={href} onClick={(e) => replaceRouteOnClick(e, href)}>
      Full screen
    </a>
  );
}
