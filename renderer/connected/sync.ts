/**
 * The join between the transport (transport.ts: NATS, bytes and sequence
 * numbers) and the domain (renderer/db/connected: events applied through the
 * write path, the outbox). The two were written apart; where their names
 * differ this module adapts, and nowhere else:
 *
 * - stream name: one rule, the domain's streamName(cycleId)
 *   (LEVELSET_CYCLE_<id>), which the transport's cycleStream also uses.
 * - credentials: the domain stores `user-password` and creds as a JWT plus
 *   a seed; the transport takes `password` and the text of a .creds file.
 * - the NATS user: replies come to _INBOX_<user>, the user name of a
 *   user+password login, else the member id (the generator names users by
 *   member id).
 */
import { decodeEvent, encodeEvent } from '../../shared/connected/contract';
import { streamName, streamSubjects } from '../../shared/connected/events';
import type { ConnectionSettings } from '../../shared/connected/state';
import { connectedApp } from '../db/connected-hooks';
import type { CopySync } from './copy-sync';
import { ConnectedTransport, type ConnectFn, type Credentials, type SyncStore } from './transport';

/**
 * The text of a NATS .creds file, as credsAuthenticator reads it. The
 * closing line of asterisks is what nsc writes too, and it matters: the
 * reader needs a line break after each END marker, and the transport trims
 * the text before reading it.
 */
export function credsFileText(jwt: string, seed: string): string {
  return ['-----BEGIN NATS USER JWT-----', jwt, '------END NATS USER JWT------', '', '-----BEGIN USER NKEY SEED-----', seed, '------END USER NKEY SEED------', '', '*************************************************************', ''].join('\n');
}

export function transportCredentials(auth: ConnectionSettings['auth']): Credentials {
  switch (auth.kind) {
    case 'user-password':
      return { kind: 'password', user: auth.user, password: auth.password };
    case 'token':
      return { kind: 'token', token: auth.token };
    case 'nkey':
      return { kind: 'nkey', seed: auth.seed };
    case 'creds':
      return { kind: 'creds', creds: credsFileText(auth.jwt, auth.seed) };
  }
}

export function natsUserOf(settings: ConnectionSettings): string {
  return settings.auth.kind === 'user-password' ? settings.auth.user : settings.identity.memberId;
}

/** The transport's SyncStore over this app's database, for one cycle. */
export function cycleSyncStore(cycleId: string, onApplied?: () => void): SyncStore {
  return {
    async pending() {
      const rows = await connectedApp.pending(cycleId);
      return rows.map((m) => ({ id: m.msgId, subject: m.subject, data: encodeEvent(m.event) }));
    },
    markSent: (id) => connectedApp.markSent(id),
    async apply(event, meta) {
      // Refused and mismatched events are kept with their reason (the `applied` table) and shown beside the votes; only a storage failure throws, and the transport redelivers then.
      await connectedApp.apply(decodeEvent(event.data), { stream: meta.stream, streamSeq: meta.streamSeq, receivedAt: meta.receivedAt, subject: event.subject });
      onApplied?.();
    },
    lastSeq: (stream) => connectedApp.resumeFrom(stream, cycleId),
  };
}

/**
 * The session transport of a connected cycle, or null for a manager (who
 * only sends packets and may not read the cycle's stream).
 */
export function sessionTransport(settings: ConnectionSettings, connect: ConnectFn, copy: CopySync | null = null): ConnectedTransport | null {
  const role = settings.identity.role;
  if (role === 'manager') return null;
  const cycleId = settings.cycleId;
  return new ConnectedTransport({
    onConnected: copy ? (nc) => copy.onConnected(nc) : undefined,
    connect,
    servers: settings.serverUrl,
    credentials: transportCredentials(settings.auth),
    userId: natsUserOf(settings),
    role,
    cycleId,
    store: cycleSyncStore(cycleId),
    stream: { name: streamName(cycleId), subjects: streamSubjects(cycleId) },
  });
}
