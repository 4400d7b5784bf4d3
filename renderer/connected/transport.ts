// Connected mode's transport (issue 14): one connection to the organisation's
// NATS server per open cycle. It publishes the local outbox with message ids
// (the server drops a retried duplicate), reads the cycle's stream from the
// last applied sequence with an ordered consumer, and reconnects with backoff,
// catching up from the stream each time. No React: views read `status`.
import {
  credsAuthenticator,
  nkeyAuthenticator,
  tokenAuthenticator,
  usernamePasswordAuthenticator,
  type Authenticator,
  type NatsConnection,
} from '@nats-io/nats-core';
import { DeliverPolicy, jetstream, jetstreamManager, JetStreamApiCodes, JetStreamApiError, type JetStreamClient } from '@nats-io/jetstream';
import { describeProblem, isRefusal, StatusStore, type TransportProblem } from './transport-status';
import { cycleStream, inboxPrefixFor, inboxStream, streamConfig } from './transport-streams';
import { serverUrlProblem } from '../../shared/connected/state';
import type { ConnectFn, Credentials, StreamSpec, SyncStore } from './transport-types';
import { errorMessage } from '../../shared/util/error-message';
import { WaitingRetryFailed } from '../../shared/connected/contract';

export type { ConnectFn, Credentials, OutEvent, StreamEvent, ApplyMeta, SyncStore, StreamSpec } from './transport-types';
export type { TransportStatus, TransportProblem, ConnectionState } from './transport-status';

export interface TransportOptions {
  connect: ConnectFn;
  /** nats:// or wss:// URL(s). */
  servers: string | string[];
  credentials: Credentials;
  /** The user's id in the server config: it names the reply prefix only this user may read. */
  userId: string;
  /** The chair opens the cycle's stream (and the packet inbox) on the server; members only read and publish. */
  role: 'chair' | 'member';
  cycleId: string;
  store: SyncStore;
  /** Defaults to cycleStream(cycleId). */
  stream?: StreamSpec;
  backoff?: { initialMs: number; maxMs: number };
  /** How long a publish waits for the server's acknowledgement. */
  ackTimeoutMs?: number;
  /**
   * Run on each new connection once the streams are open and before the
   * outbox is sent or the stream read: the committee copy (sync.ts), so the
   * chair's copy is on the server before the session events that need it and
   * a member imports it before applying them. A failure is shown and the
   * connection goes on; events that need the data wait for it.
   */
  onConnected?: (nc: NatsConnection) => Promise<void>;
}

export function authenticatorFor(c: Credentials): Authenticator {
  const bytes = (s: string) => new TextEncoder().encode(s.trim());
  switch (c.kind) {
    case 'password':
      return usernamePasswordAuthenticator(c.user, c.password);
    case 'token':
      return tokenAuthenticator(c.token);
    case 'nkey':
      return nkeyAuthenticator(bytes(c.seed));
    case 'creds':
      return credsAuthenticator(bytes(c.creds));
  }
}

export class ConnectedTransport {
  readonly status = new StatusStore();
  readonly stream: StreamSpec;
  private readonly opts: TransportOptions;
  private running = false;
  private loop: Promise<void> | null = null;
  private nc: NatsConnection | null = null;
  private js: JetStreamClient | null = null;
  private wake: (() => void) | null = null;
  private drainAgain = false;
  private draining: Promise<void> | null = null;
  /** Events the server refused on this connection: not retried until the next one. */
  private refused = new Set<string>();
  private caughtUp = false;
  private appliedSeq = 0;

  constructor(options: TransportOptions) {
    for (const url of ([] as string[]).concat(options.servers)) {
      const problem = serverUrlProblem(url, { nodeSchemes: true });
      if (problem) throw new Error(`${url}: ${problem}`);
    }
    this.opts = options;
    this.stream = options.stream ?? cycleStream(options.cycleId);
  }

  /** Starts connecting (and keeps reconnecting) until stop(). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.nc?.close().catch(() => undefined);
    await this.loop;
    this.loop = null;
    this.status.update({ state: 'offline' });
  }

  /** The connection while it is open (for the committee copy's later sends), else null. */
  liveConnection(): NatsConnection | null {
    return this.nc && !this.nc.isClosed() ? this.nc : null;
  }

  /** Tell the transport the outbox changed: it sends now if connected, and updates the pending count either way. */
  notify(): void {
    const { nc, js } = this;
    if (nc && js && !nc.isClosed()) void this.drain(nc, js);
    else void this.countPending().catch(() => undefined);
  }

  private get serversText(): string {
    return Array.isArray(this.opts.servers) ? this.opts.servers.join(', ') : this.opts.servers;
  }

  private fail(err: unknown): void {
    this.status.update({ lastError: describeProblem(err, { servers: this.serversText }) });
  }

  private failApply(err: unknown): void {
    const detail = errorMessage(err);
    const message =
      err instanceof WaitingRetryFailed
        ? `An event from the server was applied, but the events that waited for it could not be applied here (${detail}). Levelset tries them again after reconnecting.`
        : `An event from the server could not be applied here (${detail}). Levelset tries it again after reconnecting.`;
    const problem: TransportProblem = { kind: 'apply', message, detail };
    this.status.update({ lastError: problem });
  }

  private async countPending(): Promise<void> {
    const list = await this.opts.store.pending();
    this.status.update({ pending: list.length });
  }

  private async run(): Promise<void> {
    const { initialMs, maxMs } = this.opts.backoff ?? { initialMs: 500, maxMs: 30_000 };
    let attempt = 0;
    await this.countPending().catch(() => undefined);
    while (this.running) {
      this.status.update({ state: 'connecting' });
      let connected = false;
      try {
        this.nc = await this.opts.connect({
          servers: this.opts.servers,
          authenticator: authenticatorFor(this.opts.credentials),
          inboxPrefix: inboxPrefixFor(this.opts.userId),
          name: `levelset ${this.opts.role} ${this.opts.userId}`,
          // The loop here reconnects, so every new connection resumes from the store's last sequence.
          reconnect: false,
          timeout: 10_000,
          // A silently dropped network shows as offline within about a minute.
          pingInterval: 20_000,
          maxPingOut: 3,
        });
        connected = true;
        attempt = 0;
        if (this.running) await this.session(this.nc);
      } catch (err) {
        this.fail(err);
      } finally {
        await this.nc?.close().catch(() => undefined);
        this.nc = null;
        this.js = null;
      }
      if (!this.running) break;
      this.status.update({ state: 'offline' });
      // Jittered exponential backoff, so a committee does not reconnect in lockstep after an outage.
      const delay = Math.min(maxMs, initialMs * 2 ** attempt) * (0.5 + Math.random() * 0.5);
      attempt = connected ? 1 : attempt + 1;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  /** One connection's life: open the streams (chair), then publish and consume until it closes. */
  private async session(nc: NatsConnection): Promise<void> {
    this.refused.clear();
    this.caughtUp = false;
    this.status.update({ state: 'syncing' });
    const jsm = await jetstreamManager(nc, { checkAPI: false });
    if (this.opts.role === 'chair') {
      for (const spec of [this.stream, inboxStream()]) {
        const want = streamConfig(spec);
        const info = await jsm.streams.info(spec.name).catch((err: unknown) => {
          if (err instanceof JetStreamApiError && err.code === JetStreamApiCodes.StreamNotFound) return null;
          throw err;
        });
        if (!info) await jsm.streams.add(want);
        // Only what Levelset relies on is corrected; an administrator's other settings (replicas, limits) stay.
        else if (info.config.duplicate_window < (want.duplicate_window ?? 0) || !spec.subjects.every((x) => info.config.subjects?.includes(x))) {
          await jsm.streams.update(spec.name, { subjects: [...new Set([...(info.config.subjects ?? []), ...spec.subjects])], duplicate_window: want.duplicate_window });
        }
      }
    }
    if (this.opts.onConnected) await this.opts.onConnected(nc).catch((err: unknown) => this.fail(err));
    const js = jetstream(nc, { timeout: this.opts.ackTimeoutMs ?? 10_000 });
    this.js = js;
    const target = (await jsm.streams.info(this.stream.name)).state.last_seq;
    this.appliedSeq = await this.opts.store.lastSeq(this.stream.name);
    this.status.update({ appliedSeq: this.appliedSeq, lastError: null });
    if (this.appliedSeq >= target) this.caughtUp = true;
    const closed = nc.closed();
    const consuming = this.consume(nc, js);
    void this.drain(nc, js);
    const why = await Promise.race([closed, consuming.then(() => undefined)]);
    if (why instanceof Error) throw why;
    await consuming;
  }

  private async consume(nc: NatsConnection, js: JetStreamClient): Promise<void> {
    const consumer = await js.consumers.get(this.stream.name, {
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: this.appliedSeq + 1,
    });
    const messages = await consumer.consume();
    void nc.closed().then(() => messages.stop());
    for await (const m of messages) {
      // An ordered consumer delivers in order; the check also keeps a recreated consumer from applying twice.
      if (m.seq <= this.appliedSeq) continue;
      try {
        await this.opts.store.apply(
          { subject: m.subject, data: m.data, msgId: m.headers?.get('Nats-Msg-Id') || null },
          { stream: this.stream.name, streamSeq: m.seq, receivedAt: new Date().toISOString(), storedAt: m.time.toISOString() },
        );
      } catch (err) {
        this.failApply(err);
        // Reconnecting resumes from the last sequence the store applied, so this event is tried again.
        messages.stop();
        await nc.close().catch(() => undefined);
        return;
      }
      this.appliedSeq = m.seq;
      if (m.info.pending === 0) this.caughtUp = true;
      this.status.update({ appliedSeq: m.seq });
      this.settle();
    }
  }

  /**
   * Publishes the outbox in order. An event the server answers with a refusal (permissions, a subject
   * outside the cycle's stream) stays in the outbox and is skipped for this connection; any other
   * failure (a lost ack, the store failing to mark it sent) drops the connection, and the reconnect
   * publishes again under the same message id, which the server recognises.
   */
  private drain(nc: NatsConnection, js: JetStreamClient): Promise<void> {
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = (async () => {
      try {
        do {
          this.drainAgain = false;
          const list = await this.opts.store.pending();
          this.status.update({ pending: list.length });
          for (const ev of list) {
            if (this.refused.has(ev.id) || nc.isClosed()) continue;
            try {
              await js.publish(ev.subject, ev.data, { msgID: ev.id, expect: { streamName: this.stream.name } });
            } catch (err) {
              if (!isRefusal(err)) throw err;
              this.refused.add(ev.id);
              this.fail(err);
              continue;
            }
            await this.opts.store.markSent(ev.id);
          }
          await this.countPending();
        } while (this.drainAgain && this.running && !nc.isClosed());
      } catch (err) {
        if (!nc.isClosed()) {
          this.fail(err);
          await nc.close().catch(() => undefined);
        }
      } finally {
        this.draining = null;
        this.settle();
      }
    })();
    return this.draining;
  }

  private settle(): void {
    if (this.nc && !this.nc.isClosed() && this.caughtUp && !this.draining) this.status.update({ state: 'connected' });
  }
}
