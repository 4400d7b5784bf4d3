/**
 * A cycle's connection without its secret and its outbox count, live: in a
 * module of their own so the Packets list (the committee inbox and "Send to
 * committee") and the sidebar's connection status read them without
 * carrying the rest of connected mode (issue 13: the status, loaded as the
 * shell mounts, brought ~15 chunks of connected mode and bundles onto every
 * cold navigation's path).
 */
import { liveQuery } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ConnectionSettings } from '../../shared/connected/state';
import { connectionSummary, outboxCount, type ConnectionSummary } from './connected/connection-reads';
import { db } from './database';

/** The cycle's connection without its secret; null when the cycle is not connected, undefined while loading. */
export function useConnection(cycleId: string | null | undefined): ConnectionSummary | null | undefined {
  return useLiveQuery(async () => {
    if (!cycleId) return null;
    const row = await db.connections.get(cycleId);
    return row ? connectionSummary(row) : null;
  }, [cycleId]);
}

/** How many of this cycle's changes wait to be sent. */
export function useOutboxCount(cycleId: string | null | undefined): number | undefined {
  return useLiveQuery(async () => (cycleId ? outboxCount(db, cycleId) : 0), [cycleId]);
}

/** Who this app acts as in the session's cycle, read now; null when the cycle is not connected (the session's writes ask before each one). */
export async function sessionConnection(sessionId: string): Promise<ConnectionSummary | null> {
  const session = await db.sessions.get(sessionId);
  const row = session ? await db.connections.get(session.cycleId) : undefined;
  return row ? connectionSummary(row) : null;
}

/**
 * Calls back with every connected cycle's settings (credentials included) now and whenever they change: what
 * starts connected mode at launch (renderer/connected/start-connected.ts), here so that watch carries nothing else.
 */
export function watchStoredConnections(next: (rows: ConnectionSettings[]) => void, fail: (error: unknown) => void): () => void {
  const sub = liveQuery(() => db.connections.toArray()).subscribe({ next, error: fail });
  return () => sub.unsubscribe();
}
