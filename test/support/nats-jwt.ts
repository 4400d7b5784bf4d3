// Operator-mode sign-in for tests: an operator, one account and one user as
// NATS JWTs signed with fresh nkeys, and the server configuration that
// trusts them (a memory resolver preloaded with the account). Written here
// because the JWT library is not a dependency; the format is NATS' v2 JWT:
// base64url(header).base64url(claims).base64url(ed25519 signature by the issuer).
import { createAccount, createOperator, createUser, type KeyPair } from '@nats-io/nkeys';

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const text = (value: unknown) => b64url(new TextEncoder().encode(JSON.stringify(value)));

function sign(issuer: KeyPair, subject: string, name: string, nats: Record<string, unknown>): string {
  const header = text({ typ: 'JWT', alg: 'ed25519-nkey' });
  const claims = text({ jti: `${name}-${Date.now()}`, iat: Math.floor(Date.now() / 1000), iss: issuer.getPublicKey(), name, sub: subject, nats: { ...nats, version: 2 } });
  const signature = b64url(issuer.sign(new TextEncoder().encode(`${header}.${claims}`)));
  return `${header}.${claims}.${signature}`;
}

const UNLIMITED = { subs: -1, data: -1, payload: -1 };

export interface OperatorSetup {
  /** The user's JWT and nkey seed, as Levelset's creds fields take them. */
  jwt: string;
  seed: string;
  /** A configuration for startNatsServer's `config` option. */
  config: (where: { port: number; wsPort: number; storeDir: string }) => string;
}

export function operatorSetup(): OperatorSetup {
  const operator = createOperator();
  const account = createAccount();
  // JetStream needs a system account in operator mode.
  const system = createAccount();
  const user = createUser();
  const operatorJwt = sign(operator, operator.getPublicKey(), 'levelset-test', { type: 'operator' });
  const accountJwt = sign(operator, account.getPublicKey(), 'committee', {
    type: 'account',
    limits: { ...UNLIMITED, imports: -1, exports: -1, wildcards: true, conn: -1, leaf: -1, mem_storage: -1, disk_storage: -1, streams: -1, consumer: -1 },
  });
  const systemJwt = sign(operator, system.getPublicKey(), 'SYS', { type: 'account', limits: { ...UNLIMITED, imports: -1, exports: -1, wildcards: true, conn: -1, leaf: -1 } });
  const jwt = sign(account, user.getPublicKey(), 'chair', { type: 'user', pub: {}, sub: {}, ...UNLIMITED });
  return {
    jwt,
    seed: new TextDecoder().decode(user.getSeed()),
    config: ({ port, wsPort, storeDir }) =>
      [
        `host: "127.0.0.1"`,
        `port: ${port}`,
        `jetstream { store_dir: "${storeDir}" }`,
        `websocket { host: "127.0.0.1", port: ${wsPort}, no_tls: true }`,
        `operator: "${operatorJwt}"`,
        `resolver: MEMORY`,
        `system_account: "${system.getPublicKey()}"`,
        `resolver_preload: { ${account.getPublicKey()}: "${accountJwt}", ${system.getPublicKey()}: "${systemJwt}" }`,
        '',
      ].join('\n'),
  };
}

/** A server every client signs in to with one token (no per-user permissions: nats-server's token mode has none). */
export function tokenConfig(token: string) {
  return ({ port, wsPort, storeDir }: { port: number; wsPort: number; storeDir: string }) =>
    [`host: "127.0.0.1"`, `port: ${port}`, `jetstream { store_dir: "${storeDir}" }`, `websocket { host: "127.0.0.1", port: ${wsPort}, no_tls: true }`, `authorization { token: "${token}" }`, ''].join('\n');
}
