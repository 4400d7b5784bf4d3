/**
 * A cycle's connection settings: the server, the credentials and who this
 * app acts as. Nothing is sent anywhere until a cycle has them (connected
 * mode is opt-in per cycle). The credentials are sealed at rest (the `auth`
 * field, shared/crypto/field-crypto.ts), live in their own table that
 * backups and bundles do not read, and never appear in a message: use
 * `connectionSummary` for anything shown or logged.
 */
import { ConnectionSettingsSchema, type ConnectionAuth, type ConnectionSettings } from '../../../shared/connected/state';
import { refusalFrom } from '../../../shared/util/refusal';
import type { LevelsetDatabase } from '../database';
import { encryptionState } from '../encryption';
import { runCommand } from '../write/run-command';
import { connectionSummary, type ConnectionSummary } from './connection-reads';

export { connectionSummary, type ConnectionSummary } from './connection-reads';

/**
 * Sign in as saved: changing the settings without retyping the secret. Kept only for the same way of signing
 * in (and, with a password, the same user name), since a secret belongs to what it signs in as.
 */
export interface KeptAuth {
  kind: ConnectionAuth['kind'];
  keep: true;
  /** The user name typed, with `user-password`. */
  user?: string;
}

export type ConnectionInput = Omit<ConnectionSettings, 'updatedAt' | 'auth'> & { auth: ConnectionAuth | KeptAuth };

const SECRET_WORDS: Record<ConnectionAuth['kind'], string> = { 'user-password': 'the password', token: 'the token', nkey: 'the nkey seed', creds: 'the user JWT and the nkey seed' };

/** The credentials a save stores: those given, or the stored ones when kept (refused when none fit). */
async function authToStore(db: LevelsetDatabase, cycleId: unknown, auth: ConnectionInput['auth']): Promise<unknown> {
  if (typeof auth !== 'object' || auth === null || !('keep' in auth)) return auth;
  const stored = typeof cycleId === 'string' ? (await db.connections.get(cycleId))?.auth : undefined;
  const fits = stored !== undefined && stored.kind === auth.kind && (stored.kind !== 'user-password' || stored.user === auth.user?.trim());
  if (!fits) throw new Error(`Enter ${SECRET_WORDS[auth.kind] ?? 'the credentials'}: none is saved for ${auth.kind === 'user-password' ? 'this user name' : 'this way of signing in'}.`);
  return stored;
}

/**
 * Cycle passphrases of a database that has no key for encryption at rest (a
 * browser): kept in this window's memory only, never written in plain text.
 * After a reload such a window asks for the passphrase again before it can
 * send or open the committee's copy of the cycle.
 */
const passphrasesInMemory = new WeakMap<LevelsetDatabase, Map<string, string>>();

function memoryOf(db: LevelsetDatabase): Map<string, string> {
  let map = passphrasesInMemory.get(db);
  if (!map) passphrasesInMemory.set(db, (map = new Map()));
  return map;
}

/** The cycle passphrase this app holds for a cycle (sealed in its connection, or in memory), or null. */
export async function cyclePassphrase(db: LevelsetDatabase, cycleId: string): Promise<string | null> {
  return (await db.connections.get(cycleId))?.cyclePassphrase ?? memoryOf(db).get(cycleId) ?? null;
}

/** Where the passphrase goes: into the row only when the row is sealed at rest; otherwise into memory, and out of the row. */
async function placePassphrase(db: LevelsetDatabase, settings: ConnectionSettings): Promise<ConnectionSettings> {
  const { cyclePassphrase: given, ...rest } = settings;
  const passphrase = given ?? (await cyclePassphrase(db, settings.cycleId)) ?? undefined;
  if (passphrase === undefined) return rest;
  if (encryptionState(db).mode === 'on') return { ...rest, cyclePassphrase: passphrase };
  // Set before the row is written: the transport the new row starts reads it at once.
  memoryOf(db).set(settings.cycleId, passphrase);
  return rest;
}


/** Saves (or replaces) a cycle's connection; refuses invalid settings with a message that never quotes a credential. */
export async function saveConnection(db: LevelsetDatabase, input: ConnectionInput, at: string): Promise<ConnectionSummary> {
  const auth = await authToStore(db, input.cycleId, input.auth);
  const parsed = ConnectionSettingsSchema.safeParse({ ...input, auth, serverUrl: typeof input.serverUrl === 'string' ? input.serverUrl.trim() : input.serverUrl, updatedAt: at });
  if (!parsed.success) throw new Error(refusalFrom(parsed.error, 'The connection settings'));
  if (!(await db.cycles.get(parsed.data.cycleId))) throw new Error('That cycle no longer exists.');
  const row = await placePassphrase(db, parsed.data);
  return runCommand(db, { name: 'connected: save connection', at }, async (ctx) => connectionSummary(await ctx.putState('connections', row)));
}

export type JoinInput = Omit<ConnectionInput, 'identity' | 'cyclePassphrase'> & { memberId: string; name?: string; cyclePassphrase: string };

/**
 * A committee member joins a connected cycle from an app that may hold
 * nothing of it yet: the cycle's id (the chair gives it), the member's id on
 * the committee, and the cycle passphrase that opens the chair's copy of
 * the cycle. Once saved, the app connects, fetches and imports that copy,
 * then applies the session's events.
 */
export async function joinCommittee(db: LevelsetDatabase, input: JoinInput, at: string): Promise<ConnectionSummary> {
  if (!input.cyclePassphrase) throw new Error('Enter the cycle passphrase the chair gave you.');
  const memberId = typeof input.memberId === 'string' ? input.memberId.trim() : input.memberId;
  const identity = { memberId, role: 'member' as const, name: input.name?.trim() || memberId };
  const parsed = ConnectionSettingsSchema.safeParse({ cycleId: typeof input.cycleId === 'string' ? input.cycleId.trim() : input.cycleId, serverUrl: typeof input.serverUrl === 'string' ? input.serverUrl.trim() : input.serverUrl, auth: input.auth, identity, cyclePassphrase: input.cyclePassphrase, updatedAt: at });
  if (!parsed.success) throw new Error(refusalFrom(parsed.error, 'The connection settings'));
  const row = await placePassphrase(db, parsed.data);
  return runCommand(db, { name: 'connected: join committee', at }, async (ctx) => connectionSummary(await ctx.putState('connections', row)));
}

/** Disconnects a cycle for good on this machine: forgets the settings and credentials (the records stay). */
export async function forgetConnection(db: LevelsetDatabase, cycleId: string): Promise<void> {
  // An in-memory Map, not a table: the passphrase held for a browser window goes with the connection.
  // eslint-disable-next-line no-restricted-syntax
  memoryOf(db).delete(cycleId);
  await runCommand(db, { name: 'connected: forget connection' }, async (ctx) => {
    await ctx.deleteState('connections', cycleId);
  });
}

/** The full settings, credentials included, for the transport only. */
export async function connectionFor(db: LevelsetDatabase, cycleId: string): Promise<ConnectionSettings | undefined> {
  return db.connections.get(cycleId);
}
