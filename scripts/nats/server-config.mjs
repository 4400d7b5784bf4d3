// @ts-check
// Renders a nats-server (2.9+) configuration for Levelset's connected mode:
// JetStream, WebSocket for the app, and one user per committee role whose
// permissions the server enforces. The sample in docs/nats and the test
// harness (test/support/nats-server.ts) both render through this one function,
// so what the tests prove about permissions is what an organisation deploys.
//
// CLI: node scripts/nats/server-config.mjs --chair carol --members alice,bob --managers mia,max
//      [--tls-cert path --tls-key path] [--store-dir dir] [--ws-port n] > levelset-server.conf
//      node scripts/nats/server-config.mjs --sample > docs/nats/levelset-server.conf
// Passwords are left to the environment ($LEVELSET_PASSWORD_<ID>), so the file holds no secret.

/** Subjects and stream names; the app's transport (renderer/connected/transport-subjects.ts) uses the same scheme. */
export const SUBJECT_ROOT = 'levelset';
/** Every cycle's packets go to one stream, so the permissions can name it (stream names cannot be wildcarded). */
export const INBOX_STREAM = 'LEVELSET_INBOX';
export const INBOX_SUBJECTS = `${SUBJECT_ROOT}.inbox.>`;

/**
 * The cycles' committee copies (the cycle bundle, encrypted with the cycle passphrase) live in one
 * JetStream object store, so the permissions can name its stream: only the chair writes it, members read it.
 */
export const COPY_BUCKET = 'LEVELSET_COMMITTEE';
export const COPY_STREAM = `OBJ_${COPY_BUCKET}`;

/** What reading the committee copy needs beyond READ_API: the object's entry (last message by subject) and flow control of its chunks. */
const COPY_READ_API = [`$JS.API.STREAM.MSG.GET.${COPY_STREAM}`, `$JS.FC.${COPY_STREAM}.>`];

/** A user id becomes a subject token and a login name: letters, digits, '_' and '-' only. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** @param {string} id */
export function userInboxPrefix(id) {
  return `_INBOX_${id}`;
}

/**
 * JetStream API subjects for reading a stream with an ordered consumer (nats.js creates it
 * with CONSUMER.CREATE.<stream>[.<name>.<filter>], pulls with MSG.NEXT, deletes it on close).
 */
const READ_API = [
  '$JS.API.INFO',
  '$JS.API.STREAM.INFO.*',
  '$JS.API.CONSUMER.CREATE.*',
  '$JS.API.CONSUMER.CREATE.*.>',
  '$JS.API.CONSUMER.INFO.*.*',
  '$JS.API.CONSUMER.DELETE.*.*',
  '$JS.API.CONSUMER.MSG.NEXT.*.*',
];

/** The inbox stream's name in any position an API subject carries a stream name. */
const INBOX_API_DENY = [
  `$JS.API.*.*.${INBOX_STREAM}`,
  `$JS.API.*.*.${INBOX_STREAM}.>`,
  `$JS.API.*.*.*.${INBOX_STREAM}`,
  `$JS.API.*.*.*.${INBOX_STREAM}.>`,
];

/**
 * @typedef {'chair' | 'member' | 'manager'} Role
 * @typedef {{ id: string, role: Role, password?: string, nkey?: string }} ConfigUser
 * @typedef {{ allow: string[], deny?: string[] }} Rule
 * @typedef {{ publish: Rule, subscribe: Rule }} Permissions
 */

/**
 * What each role may publish and subscribe to.
 * @param {Role} role
 * @param {string} id
 * @returns {Permissions}
 */
export function rolePermissions(role, id) {
  if (!ID_PATTERN.test(id)) throw new Error(`User id "${id}" may hold only letters, digits, '_' and '-'.`);
  const ownVotes = `${SUBJECT_ROOT}.cycle.*.session.*.member.${id}.>`;
  const replies = { allow: [`${userInboxPrefix(id)}.>`] };
  switch (role) {
    case 'member':
      return { publish: { allow: [ownVotes, ...READ_API, ...COPY_READ_API], deny: INBOX_API_DENY }, subscribe: replies };
    case 'chair':
      return {
        publish: {
          allow: [
            `${SUBJECT_ROOT}.cycle.*.session.*.chair.>`,
            ownVotes,
            ...READ_API,
            // The committee copy: its chunks and entries, and purging a replaced copy's chunks.
            `$O.${COPY_BUCKET}.>`,
            `$JS.API.STREAM.PURGE.${COPY_STREAM}`,
            `$JS.FC.${COPY_STREAM}.>`,
            // Opening a cycle creates (or updates) its stream; deleting or purging one is left to an administrator.
            '$JS.API.STREAM.CREATE.*',
            '$JS.API.STREAM.UPDATE.*',
            '$JS.API.CONSUMER.DURABLE.CREATE.*.*',
            '$JS.API.STREAM.MSG.GET.*',
            '$JS.API.DIRECT.GET.*',
            `$JS.ACK.${INBOX_STREAM}.>`,
          ],
        },
        subscribe: replies,
      };
    case 'manager':
      // Publish only: a manager's packets go in under their own id, and with no JetStream API
      // subjects at all a manager can create no consumer, so cannot read the inbox.
      return { publish: { allow: [`${SUBJECT_ROOT}.inbox.*.${id}.>`] }, subscribe: replies };
    default:
      throw new Error(`Unknown role "${String(role)}".`);
  }
}

/** @param {string} s */
function q(s) {
  if (/["\\\n\r]/.test(s)) throw new Error(`Configuration values may not hold quotes, backslashes or line breaks: ${s}`);
  return `"${s}"`;
}

/** @param {string[]} list */
function list(list) {
  return `[${list.map(q).join(', ')}]`;
}

/**
 * @typedef {{
 *   host?: string, port?: number, serverName?: string, storeDir: string,
 *   websocket: { host?: string, port: number, tls: { cert: string, key: string } | 'none' },
 *   maxPayload?: string, users: ConfigUser[],
 *   passwordsFromEnv?: boolean,
 * }} ServerConfigInput
 */

/** @param {string} id */
export function passwordEnvName(id) {
  return `LEVELSET_PASSWORD_${id.toUpperCase().replace(/-/g, '_')}`;
}

/**
 * @param {ServerConfigInput} input
 * @returns {string}
 */
export function renderServerConfig(input) {
  const ids = new Set();
  const users = input.users.map((u) => {
    if (ids.has(u.id)) throw new Error(`User id "${u.id}" appears twice.`);
    ids.add(u.id);
    const p = rolePermissions(u.role, u.id);
    let login;
    if (u.nkey) {
      // An nkey user signs in with its seed; the id still names its subjects and reply prefix.
      if (!/^U[A-Z2-7]{55}$/.test(u.nkey)) throw new Error(`User "${u.id}" has a malformed nkey (a public user key starts with U).`);
      login = `nkey: ${q(u.nkey)}`;
    } else {
      // A variable reference ($NAME) is resolved by nats-server from the environment at start.
      if (!input.passwordsFromEnv && !u.password) throw new Error(`User "${u.id}" has no password.`);
      login = `user: ${q(u.id)}, password: ${input.passwordsFromEnv ? `$${passwordEnvName(u.id)}` : q(u.password ?? '')}`;
    }
    const deny = p.publish.deny ? `, deny: ${list(p.publish.deny)}` : '';
    return [
      `      # ${u.role} ${u.id}`,
      `      { ${login}, permissions: {`,
      `          publish: { allow: ${list(p.publish.allow)}${deny} }`,
      `          subscribe: { allow: ${list(p.subscribe.allow)} }`,
      `      } }`,
    ].join('\n');
  });
  const ws = input.websocket;
  const wsTls =
    ws.tls === 'none'
      ? '  # Plain WebSocket: only for tests on the loopback interface.\n  no_tls: true'
      : `  tls { cert_file: ${q(ws.tls.cert)}, key_file: ${q(ws.tls.key)} }`;
  const envNote = input.passwordsFromEnv
    ? `\n# Each user's password comes from the environment when the server starts,\n# e.g. ${passwordEnvName(input.users[0]?.id ?? 'chair')}; nats-server refuses to start if one is unset.`
    : '';
  return `# nats-server configuration for Levelset connected mode.
# Rendered by scripts/nats/server-config.mjs; edit the generator, not this file.${envNote}

server_name: ${q(input.serverName ?? 'levelset')}
host: ${q(input.host ?? '127.0.0.1')}
port: ${input.port ?? 4222}
# Packet bundles travel as one message each.
max_payload: ${input.maxPayload ?? '8MB'}

jetstream {
  store_dir: ${q(input.storeDir)}
}

websocket {
  host: ${q(ws.host ?? '127.0.0.1')}
  port: ${ws.port}
${wsTls}
}

accounts {
  LEVELSET {
    jetstream: enabled
    users: [
${users.join('\n')}
    ]
  }
}
`;
}

/**
 * @typedef {{
 *   chair: string, members: string[], managers: string[],
 *   tlsCert?: string, tlsKey?: string, storeDir?: string, wsPort?: number,
 * }} Deployment
 */

/** The committee docs/nats/levelset-server.conf is rendered for (`--sample`). */
/** @type {Deployment} */
export const SAMPLE_DEPLOYMENT = {
  chair: 'chair',
  members: ['member-1', 'member-2', 'member-3', 'member-4', 'member-5'],
  managers: ['manager-1', 'manager-2'],
};

/**
 * A production config: WebSocket with TLS for the app, the plain client port on loopback only, passwords from the environment.
 * @param {Deployment} d
 */
export function renderDeploymentConfig(d) {
  /** @type {ConfigUser[]} */
  const users = [
    { id: d.chair, role: 'chair' },
    ...d.members.map((id) => /** @type {ConfigUser} */ ({ id, role: 'member' })),
    ...d.managers.map((id) => /** @type {ConfigUser} */ ({ id, role: 'manager' })),
  ];
  return renderServerConfig({
    // The plain client port stays on the loopback interface (for an administrator's tools); the app connects over WebSocket with TLS.
    host: '127.0.0.1',
    storeDir: d.storeDir ?? '/var/lib/nats/levelset',
    websocket: {
      host: '0.0.0.0',
      port: d.wsPort ?? 8443,
      tls: { cert: d.tlsCert ?? '/etc/nats/tls/server.crt', key: d.tlsKey ?? '/etc/nats/tls/server.key' },
    },
    users,
    passwordsFromEnv: true,
  });
}

const USAGE =
  'Usage: node scripts/nats/server-config.mjs --chair ID --members ID,ID --managers ID,ID [--tls-cert FILE --tls-key FILE] [--store-dir DIR] [--ws-port N]\n' +
  '       node scripts/nats/server-config.mjs --sample   (the committee of docs/nats/levelset-server.conf)\n';

/** @param {string[]} argv */
function cli(argv) {
  if (argv[0] === '--sample') {
    process.stdout.write(renderDeploymentConfig(SAMPLE_DEPLOYMENT));
    return;
  }
  /** @type {Record<string, string>} */
  const args = {};
  for (let i = 0; i < argv.length; i += 2) args[(argv[i] ?? '').replace(/^--/, '')] = argv[i + 1] ?? '';
  const split = (/** @type {string | undefined} */ s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []);
  if (!args.chair) {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  process.stdout.write(
    renderDeploymentConfig({
      chair: args.chair,
      members: split(args.members),
      managers: split(args.managers),
      tlsCert: args['tls-cert'],
      tlsKey: args['tls-key'],
      storeDir: args['store-dir'],
      wsPort: args['ws-port'] ? Number(args['ws-port']) : undefined,
    }),
  );
}

if (typeof process !== 'undefined' && process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  cli(process.argv.slice(2));
}
