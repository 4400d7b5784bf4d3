import { describe, expect, it } from 'vitest';
import { serverUrlProblem } from '../../../shared/connected/state';
import { ConnectedTransport } from '../../../renderer/connected/transport';
import { MemorySyncStore } from '../../support/memory-sync-store';

describe('server addresses', () => {
  it('the transport (which also runs in Node) takes NATS schemes too: TLS anywhere, plain only on this machine', () => {
    const node = (url: string) => serverUrlProblem(url, { nodeSchemes: true });
    for (const ok of ['wss://nats.example.org:8443', 'tls://nats.example.org:4222', 'ws://127.0.0.1:8080', 'nats://localhost:4222', 'ws://[::1]:8080']) {
      expect(node(ok), ok).toBeNull();
    }
    expect(node('ws://nats.example.org:8080')).toMatch(/wss:\/\//);
    expect(node('nats://10.0.0.5:4222')).toMatch(/Use wss:\/\/ \(encrypted\) for a server on another machine/);
    expect(node('https://nats.example.org')).toMatch(/must start with wss:\/\//);
    expect(node('nats example')).toMatch(/Enter the server address as a URL/);
  });

  it('the app’s forms take WebSocket addresses only: the app connects over WebSocket', () => {
    expect(serverUrlProblem('tls://nats.example.org:4222')).toMatch(/must start with wss:\/\//);
    expect(serverUrlProblem('nats://localhost:4222')).toMatch(/must start with wss:\/\//);
    expect(serverUrlProblem('ws://localhost:4222')).toBeNull();
  });

  it('will not construct a transport that would send in the clear', () => {
    expect(
      () =>
        new ConnectedTransport({
          connect: () => Promise.reject(new Error('never called')),
          servers: ['wss://a.example.org', 'ws://b.example.org'],
          credentials: { kind: 'token', token: 't' },
          userId: 'alice',
          role: 'member',
          cycleId: 'c1',
          store: new MemorySyncStore(),
        }),
    ).toThrow(/b\.example\.org/);
  });
});
