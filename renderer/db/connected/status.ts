/**
 * What the connection status shows for a cycle, from this machine's data
 * (the transport adds whether the socket is up): whether the cycle is
 * connected at all, how many changes wait to be sent, how far the stream is
 * applied, and the events refused or flagged, newest first. One indexed read
 * per table; never the credentials.
 */
import { streamName } from '../../../shared/connected/events';
import type { AppliedRow } from '../../../shared/connected/state';
import type { LevelsetDatabase } from '../database';
import { connectionSummary, type ConnectionSummary } from './connection';

export interface ConnectedStatus {
  /** Null: the cycle is not connected (nothing is ever sent). */
  connection: ConnectionSummary | null;
  /** Changes made here that the server has not stored yet. */
  pending: number;
  /** The last stream sequence applied here (0: none). */
  lastSeq: number;
  /** Events not applied (refused) or reveals that did not match their commitment, by stream order, newest first. */
  problems: AppliedRow[];
}

export async function connectedStatus(db: LevelsetDatabase, cycleId: string): Promise<ConnectedStatus> {
  const [connection, pending, stream, applied] = await Promise.all([
    db.connections.get(cycleId),
    db.outbox.where('cycleId').equals(cycleId).count(),
    db.streamState.get(streamName(cycleId)),
    db.applied.where('cycleId').equals(cycleId).toArray(),
  ]);
  return {
    connection: connection ? connectionSummary(connection) : null,
    pending,
    lastSeq: stream?.lastSeq ?? 0,
    problems: applied.filter((a) => a.outcome !== 'applied').sort((a, b) => (b.streamSeq ?? 0) - (a.streamSeq ?? 0)),
  };
}
