// Votes and packets are confidential: the app sends them only over TLS. A plain
// address is accepted only for a server on this machine (tests, a local trial).
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** null if the address is acceptable, else a sentence saying what to change. */
export function serverUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a server address. Enter one like wss://nats.example.org:8443.`;
  }
  const scheme = parsed.protocol.replace(/:$/, '');
  if (scheme === 'wss' || scheme === 'tls') return null;
  if ((scheme === 'ws' || scheme === 'nats') && LOOPBACK.has(parsed.hostname)) return null;
  if (scheme === 'ws' || scheme === 'nats') {
    return `Use a wss:// address for ${parsed.host}: Levelset sends votes and packets only over TLS (plain addresses only for a server on this machine).`;
  }
  return `"${url}" is not a NATS server address. Enter one like wss://nats.example.org:8443.`;
}
