/**
 * A cycle's connection without its secret, live: in a module of its own so
 * the Packets list (the committee inbox and "Send to committee") reads it
 * without carrying the rest of connected mode in its chunk (issue 13).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { connectionSummary, type ConnectionSummary } from './connected/connection';
import { db } from './database';

/** The cycle's connection without its secret; null when the cycle is not connected, undefined while loading. */
export function useConnection(cycleId: string | null | undefined): ConnectionSummary | null | undefined {
  return useLiveQuery(async () => {
    if (!cycleId) return null;
    const row = await db.connections.get(cycleId);
    return row ? connectionSummary(row) : null;
  }, [cycleId]);
}
