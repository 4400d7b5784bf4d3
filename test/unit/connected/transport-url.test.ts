import { describe, expect, it } from 'vitest';
import { ConnectedTransport, serverUrlProblem } from '../../../renderer/connected/transport';
import { MemorySyncStore } from '../../support/memory-sync-store';

describe('server addresses', () => {
  it('accepts TLS addresses anywhere and plain ones only on this machine', () => {
    for (const ok of ['wss://nats.example.org:8443', 'tls://nats.example.org:4222', 'ws://127.0.0.1:8080', 'nats://localhost:4222', 'ws://[::1]:8080']) {
      expect(serverUrlProblem(ok)).toBeNull();
    }
    expect(serverUrlProblem('ws://nats.example.org:8080')).toMatch(/wss:\/\//);
    expect(serverUrlProblem('nats://10.0.0.5:4222')).toMatch(/only over TLS/);
    expect(serverUrlProblem('https://nats.example.org')).toMatch(/not a NATS server address/);
    expect(serverUrlProblem('nats example')).toMatch(/not a server address/);
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
