// The transports a connected-mode test runs against a real nats-server, made
// one way: user `id` signs in with the password `pw-<id>` the tests' server
// configs give it (unless credentials are given), the user "chair" is the
// chair, and reconnecting backs off briefly. `stopAll` ends every one.
import { connect as nodeConnect } from '@nats-io/transport-node';
import { ConnectedTransport, type ConnectFn, type Credentials, type StreamSpec, type SyncStore } from '../../renderer/connected/transport';

export interface TestTransportOptions {
  servers: string;
  cycleId: string;
  userId: string;
  store: SyncStore;
  credentials?: Credentials;
  /** Default: chair for the user "chair", else member. */
  role?: 'chair' | 'member';
  /** Default: the cycle's stream. */
  stream?: StreamSpec;
  /** Default: Node's TCP client (servers: nats://); wsconnect for ws:// servers. */
  connect?: ConnectFn;
  backoff?: { initialMs: number; maxMs: number };
}

export class TestTransports {
  readonly all: ConnectedTransport[] = [];

  /** A transport, not started. */
  make(o: TestTransportOptions): ConnectedTransport {
    const t = new ConnectedTransport({
      connect: o.connect ?? nodeConnect,
      servers: o.servers,
      credentials: o.credentials ?? { kind: 'password', user: o.userId, password: `pw-${o.userId}` },
      userId: o.userId,
      role: o.role ?? (o.userId === 'chair' ? 'chair' : 'member'),
      cycleId: o.cycleId,
      ...(o.stream ? { stream: o.stream } : {}),
      store: o.store,
      backoff: o.backoff ?? { initialMs: 100, maxMs: 1000 },
    });
    this.all.push(t);
    return t;
  }

  /** A transport, started. */
  start(o: TestTransportOptions): ConnectedTransport {
    const t = this.make(o);
    t.start();
    return t;
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.all.splice(0).map((t) => t.stop()));
  }
}

export const isConnected = (t: ConnectedTransport) => t.status.getSnapshot().state === 'connected';
