/**
 * What the shell and the session page show of connected mode: a
 * connection's summary (never its secret) and the outbox's size. Apart from
 * connection.ts and outbox.ts, whose writes bring the write path: the
 * connection status and the session page load these on every cold navigation.
 */
import type { ConnectionSettings } from '../../../shared/connected/state';
import type { LevelsetDatabase } from '../database';

/** What may be shown about a connection: never the secret. */
export interface ConnectionSummary {
  cycleId: string;
  serverUrl: string;
  authKind: ConnectionSettings['auth']['kind'];
  /** The NATS user name for user+password (not a secret); null otherwise. */
  user: string | null;
  identity: ConnectionSettings['identity'];
}

export function connectionSummary(settings: ConnectionSettings): ConnectionSummary {
  return { cycleId: settings.cycleId, serverUrl: settings.serverUrl, authKind: settings.auth.kind, user: settings.auth.kind === 'user-password' ? settings.auth.user : null, identity: settings.identity };
}

/** How many events wait to be sent (for the connection status). */
export async function outboxCount(db: LevelsetDatabase, cycleId?: string): Promise<number> {
  return cycleId === undefined ? db.outbox.count() : db.outbox.where('cycleId').equals(cycleId).count();
}
