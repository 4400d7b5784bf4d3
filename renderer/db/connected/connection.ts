/**
 * A cycle's connection settings: the server, the credentials and who this
 * app acts as. Nothing is sent anywhere until a cycle has them (connected
 * mode is opt-in per cycle). The credentials are sealed at rest (the `auth`
 * field, shared/crypto/field-crypto.ts), live in their own table that
 * backups and bundles do not read, and never appear in a message: use
 * `connectionSummary` for anything shown or logged.
 */
import { ConnectionSettingsSchema, type ConnectionSettings } from '../../../shared/connected/state';
import { refusalFrom } from '../../../shared/util/refusal';
import type { LevelsetDatabase } from '../database';
import { runCommand } from '../write/run-command';

export type ConnectionInput = Omit<ConnectionSettings, 'updatedAt'>;

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

/** Saves (or replaces) a cycle's connection; refuses invalid settings with a message that never quotes a credential. */
export async function saveConnection(db: LevelsetDatabase, input: ConnectionInput, at: string): Promise<ConnectionSummary> {
  const parsed = ConnectionSettingsSchema.safeParse({ ...input, serverUrl: typeof input.serverUrl === 'string' ? input.serverUrl.trim() : input.serverUrl, updatedAt: at });
  if (!parsed.success) throw new Error(refusalFrom(parsed.error, 'The connection settings'));
  if (!(await db.cycles.get(parsed.data.cycleId))) throw new Error('That cycle no longer exists.');
  return runCommand(db, { name: 'connected: save connection', at }, async (ctx) => connectionSummary(await ctx.putState('connections', parsed.data)));
}

/** Disconnects a cycle for good on this machine: forgets the settings and credentials (the records stay). */
export async function forgetConnection(db: LevelsetDatabase, cycleId: string): Promise<void> {
  await runCommand(db, { name: 'connected: forget connection' }, async (ctx) => {
    await ctx.deleteState('connections', cycleId);
  });
}

/** The full settings, credentials included, for the transport only. */
export async function connectionFor(db: LevelsetDatabase, cycleId: string): Promise<ConnectionSettings | undefined> {
  return db.connections.get(cycleId);
}
