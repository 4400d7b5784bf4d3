/**
 * Packets to the committee over NATS (issue 14): a manager's app publishes
 * an encrypted bundle (the same text a bundle file holds) to the cycle's
 * inbox in chunks; the chair's app reads the inbox and puts the bundles back
 * together for the same preview and merge as a file. Each call opens its own
 * short connection: a manager has no session stream to follow, and the
 * server lets managers publish but not read (scripts/nats/server-config.mjs).
 */
import { headers, wsconnect, type NatsConnection } from '@nats-io/nats-core';
import { jetstream } from '@nats-io/jetstream';
import type { ConnectionSettings } from '../../shared/connected/state';
import { connectedApp } from '../db/connected-hooks';
import { assembleBundles, chunkBytes, HEADER_CHUNKS, HEADER_PACKETS, HEADER_SENDER, inboxFilter, inboxSubject, type IncomingBundle, type InboxPiece } from './inbox-chunks';
import { natsUserOf, transportCredentials } from './sync';
import { authenticatorFor, type ConnectFn } from './transport';
import { describeProblem } from './transport-status';
import { inboxPrefixFor, INBOX_STREAM } from './transport-streams';

async function settingsOf(cycleId: string): Promise<ConnectionSettings> {
  const settings = await connectedApp.connection(cycleId);
  if (!settings) throw new Error('This cycle is not connected: set up Connected mode on the Cycles page first.');
  return settings;
}

async function withConnection<T>(settings: ConnectionSettings, connect: ConnectFn, body: (nc: NatsConnection) => Promise<T>): Promise<T> {
  let nc: NatsConnection;
  try {
    nc = await connect({ servers: settings.serverUrl, authenticator: authenticatorFor(transportCredentials(settings.auth)), inboxPrefix: inboxPrefixFor(natsUserOf(settings)), reconnect: false, timeout: 10_000 });
  } catch (error) {
    throw new Error(describeProblem(error, { servers: settings.serverUrl }).message);
  }
  try {
    return await body(nc);
  } catch (error) {
    throw new Error(describeProblem(error, { servers: settings.serverUrl }).message);
  } finally {
    await nc.close().catch(() => undefined);
  }
}

/** Publishes a bundle's text to the cycle's inbox as this app's manager; resolves once the server has stored every piece. */
export async function sendToCommittee(cycleId: string, bundleText: string, packets: number, connect: ConnectFn = wsconnect): Promise<void> {
  const settings = await settingsOf(cycleId);
  const bundleId = `b${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const pieces = chunkBytes(new TextEncoder().encode(bundleText));
  await withConnection(settings, connect, async (nc) => {
    const js = jetstream(nc, { timeout: 30_000 });
    for (const [i, data] of pieces.entries()) {
      const h = headers();
      h.set(HEADER_CHUNKS, String(pieces.length));
      h.set(HEADER_SENDER, encodeURIComponent(settings.identity.name));
      h.set(HEADER_PACKETS, String(packets));
      // The message id makes a retried piece a duplicate the server drops.
      await js.publish(inboxSubject(cycleId, settings.identity.memberId, bundleId, i), data, { msgID: `${bundleId}-${i}`, headers: h, expect: { streamName: INBOX_STREAM } });
    }
  });
}

/** Every complete bundle sent to this cycle's committee, newest first (the chair's app). */
export async function readCommitteeInbox(cycleId: string, connect: ConnectFn = wsconnect): Promise<IncomingBundle[]> {
  const settings = await settingsOf(cycleId);
  return withConnection(settings, connect, async (nc) => {
    const js = jetstream(nc);
    // One subject as a string: an array needs nats-server 2.10, and Debian ships 2.9.
    const consumer = await js.consumers.get(INBOX_STREAM, { filter_subjects: inboxFilter(cycleId) });
    const pieces: InboxPiece[] = [];
    for (;;) {
      const m = await consumer.next({ expires: 3_000 });
      if (!m) break;
      pieces.push({
        subject: m.subject,
        data: m.data,
        total: Number(m.headers?.get(HEADER_CHUNKS) ?? '1'),
        sender: decodeURIComponent(m.headers?.get(HEADER_SENDER) ?? ''),
        packets: Number(m.headers?.get(HEADER_PACKETS) ?? '0'),
        storedAt: m.time.toISOString(),
      });
      if (m.info.pending === 0) break;
    }
    return assembleBundles(pieces);
  });
}
