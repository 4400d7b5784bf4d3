// The transport's contract with the rest of the app. The event model and the
// Dexie side (shared/connected/events.ts, renderer/db) implement SyncStore; the
// transport only moves bytes and sequence numbers.
import type { ConnectionOptions, NatsConnection } from '@nats-io/nats-core';

/** wsconnect from @nats-io/nats-core in the app; transport-node's connect in Node tests. */
export type ConnectFn = (options: ConnectionOptions) => Promise<NatsConnection>;

export type Credentials =
  | { kind: 'password'; user: string; password: string }
  | { kind: 'token'; token: string }
  /** An nkey seed (SU…), as the server's nkey users are configured. */
  | { kind: 'nkey'; seed: string }
  /** The text of a .creds file (JWT and nkey seed), for operator-mode servers. */
  | { kind: 'creds'; creds: string };

/** A local event waiting in the outbox. `id` is the deterministic message id the server deduplicates on. */
export interface OutEvent {
  id: string;
  subject: string;
  data: Uint8Array;
}

/** An event as read from the cycle's stream. */
export interface StreamEvent {
  subject: string;
  data: Uint8Array;
  /** The Nats-Msg-Id it was published with, if any. */
  msgId: string | null;
}

export interface ApplyMeta {
  stream: string;
  /** The server's sequence in the stream: the order every machine agrees on. */
  streamSeq: number;
  /** When this app received it (ISO 8601). */
  receivedAt: string;
  /** When the server stored it (ISO 8601). */
  storedAt: string;
}

export interface SyncStore {
  /** Outbox events not yet acknowledged, oldest first. */
  pending(): Promise<OutEvent[]>;
  /** Called once the server has acknowledged (stored, or recognised as a duplicate) the event. */
  markSent(id: string): Promise<void>;
  /** Applies one stream event; called in stream order, each sequence at most once per connection. */
  apply(event: StreamEvent, meta: ApplyMeta): Promise<void>;
  /** The last stream sequence applied for this stream (0 if none): consumption resumes after it. Asked once per connection, so the store may first catch up work an earlier connection left (the app's tries its waiting events again). */
  lastSeq(stream: string): Promise<number>;
}

export interface StreamSpec {
  name: string;
  subjects: string[];
}
