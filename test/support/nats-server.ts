// Starts Debian's nats-server for the connected-mode tests: loopback only, a free
// TCP port and a free WebSocket port, JetStream in a temp dir, and the users and
// permissions rendered by the same generator as the sample production config
// (scripts/nats/server-config.mjs). stop() then start() again reuses the ports
// and the store, which is how the catch-up test cuts every client off.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderServerConfig, type ConfigUser } from '../../scripts/nats/server-config.mjs';

export type { ConfigUser };

const CANDIDATES = ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'];

/** The nats-server binary, or an error that says how to get it (the tests never skip silently). */
export function natsServerBinary(env: NodeJS.ProcessEnv = process.env, candidates: readonly string[] = CANDIDATES): string {
  const fromEnv = env.NATS_SERVER_BIN;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const c of candidates) if (existsSync(c)) return c;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    const c = path.join(dir, 'nats-server');
    if (dir && existsSync(c)) return c;
  }
  throw new Error(
    "nats-server is not installed. The connected-mode tests run against a real server: .ci/run installs Debian's package (apt-get install nats-server), or set NATS_SERVER_BIN.",
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves once the server sends its INFO line on the client port. */
function probe(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('data', (d) => done(d.toString().startsWith('INFO')));
    socket.once('error', () => done(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface NatsServerOptions {
  users: ConfigUser[];
  /**
   * The configuration text instead of the generator's (token or operator
   * sign-in, which the production generator does not render). Must use the
   * ports and store given.
   */
  config?: (where: { port: number; wsPort: number; storeDir: string }) => string;
  /** How long start() waits for the server to accept connections; generous, the machines are shared. */
  startTimeoutMs?: number;
}

export interface NatsTestServer {
  readonly port: number;
  readonly wsPort: number;
  /** nats://127.0.0.1:<port> for @nats-io/transport-node. */
  readonly url: string;
  /** ws://127.0.0.1:<wsPort> for wsconnect. */
  readonly wsUrl: string;
  readonly dir: string;
  readonly configFile: string;
  /** What the server logged (permission violations are logged here too). */
  log(): string;
  running(): boolean;
  /** Stops the process; the store and the ports stay for start(). */
  stop(): Promise<void>;
  /** Starts again on the same ports with the same store. */
  start(): Promise<void>;
  /** Stops the server and removes the temp dir. */
  dispose(): Promise<void>;
}

export async function startNatsServer(options: NatsServerOptions): Promise<NatsTestServer> {
  const bin = natsServerBinary();
  const dir = mkdtempSync(path.join(tmpdir(), 'levelset-nats-'));
  const port = await freePort();
  let wsPort = await freePort();
  while (wsPort === port) wsPort = await freePort();
  const configFile = path.join(dir, 'server.conf');
  const logFile = path.join(dir, 'server.log');
  const storeDir = path.join(dir, 'jetstream');
  writeFileSync(
    configFile,
    options.config?.({ port, wsPort, storeDir }) ??
      renderServerConfig({
        host: '127.0.0.1',
        port,
        storeDir,
        websocket: { host: '127.0.0.1', port: wsPort, tls: 'none' },
        users: options.users,
      }),
  );
  const startTimeout = options.startTimeoutMs ?? 30_000;
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const readLog = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');

  async function start(): Promise<void> {
    if (child) return;
    let early = '';
    const proc = spawn(bin, ['-c', configFile, '-l', logFile], { stdio: ['ignore', 'ignore', 'pipe'] });
    child = proc;
    // A test run that dies without dispose() must not leave a server behind.
    const killOnExit = () => proc.kill('SIGKILL');
    process.once('exit', killOnExit);
    proc.once('exit', () => process.removeListener('exit', killOnExit));
    proc.stderr?.on('data', (d: Buffer) => (early += d.toString()));
    exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    let gone = false;
    void exited.then(() => {
      gone = true;
      if (child === proc) child = null;
    });
    const deadline = Date.now() + startTimeout;
    while (Date.now() < deadline) {
      if (gone) throw new Error(`nats-server exited while starting:\n${early}\n${readLog()}`);
      // The client port answers only once JetStream has recovered its store.
      if ((await probe(port)) && /Server is ready/.test(readLog())) return;
      await sleep(100);
    }
    await stop();
    throw new Error(`nats-server did not accept connections on port ${port} within ${startTimeout} ms:\n${readLog()}`);
  }

  async function stop(): Promise<void> {
    const proc = child;
    if (!proc) return;
    // SIGTERM: a clean shutdown, so JetStream's store is intact for the restart.
    proc.kill('SIGTERM');
    const killed = setTimeout(() => proc.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(killed);
    child = null;
  }

  await start();
  return {
    port,
    wsPort,
    url: `nats://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${wsPort}`,
    dir,
    configFile,
    log: readLog,
    running: () => child !== null,
    stop,
    start,
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
