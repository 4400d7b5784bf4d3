/**
 * The session read once for the whole session page: the page reads it and
 * every tab and view takes the same object from here, so switching tabs
 * reads nothing and a view's chunk can load while the session does. A view
 * shown outside a session page (tests, the full-screen presenter) reads the
 * session itself.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useSessionData as useOwnSessionData, type SessionData } from '../../db/session-hooks';

interface Shared {
  sessionId: string;
  data: SessionData | null | undefined;
}

const SessionDataContext = createContext<Shared | null>(null);

export function SessionDataProvider({ sessionId, data, children }: Shared & { children: ReactNode }) {
  return <SessionDataContext.Provider value={{ sessionId, data }}>{children}</SessionDataContext.Provider>;
}

/** The session's data: the page's when inside its page, else read here; undefined while loading, null when missing. */
export function useSessionData(sessionId: string): SessionData | null | undefined {
  const shared = useContext(SessionDataContext);
  const fromPage = shared?.sessionId === sessionId;
  const own = useOwnSessionData(fromPage ? null : sessionId);
  return fromPage ? shared.data : own;
}
