// sync.ts adapts the domain's stored settings to the transport: these check
// the two shapes that differ (a creds file rebuilt from JWT + seed, and
// `user-password` vs `password`) and that the stream is the domain's.
import { nkeys } from '@nats-io/nats-core';
import { describe, expect, it } from 'vitest';
import { streamName } from '../../../../shared/connected/events';
import type { ConnectionSettings } from '../../../../shared/connected/state';
import { natsUserOf, sessionTransport, transportCredentials } from '../../../../renderer/connected/sync';
import { authenticatorFor } from '../../../../renderer/connected/transport';

const base: Omit<ConnectionSettings, 'auth'> = {
  cycleId: 'c1',
  serverUrl: 'ws://127.0.0.1:4222',
  identity: { memberId: 'alice', role: 'member', name: 'Alice' },
  updatedAt: '2026-11-20T10:00:00.000Z',
};

describe('adapting connection settings for the transport', () => {
  it('rebuilds a creds file the NATS client reads back to the same JWT and signs with the same seed', () => {
    const user = nkeys.createUser();
    const seed = new TextDecoder().decode(user.getSeed());
    const jwt = 'eyJhbGciOiJlZDI1NTE5In0.eyJzdWIiOiJVIn0.c2ln';
    const auth = authenticatorFor(transportCredentials({ kind: 'creds', jwt, seed }))('nonce-1') as { jwt: string; nkey: string; sig: string };
    expect(auth.jwt).toBe(jwt);
    expect(auth.nkey).toBe(user.getPublicKey());
    const sig = Uint8Array.from(atob(auth.sig.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    expect(nkeys.fromPublic(user.getPublicKey()).verify(new TextEncoder().encode('nonce-1'), sig)).toBe(true);
  });

  it('maps user-password to the transport’s password kind and uses the login name for the reply prefix', () => {
    const settings: ConnectionSettings = { ...base, auth: { kind: 'user-password', user: 'alice-login', password: 'pw' } };
    expect(transportCredentials(settings.auth)).toEqual({ kind: 'password', user: 'alice-login', password: 'pw' });
    expect(natsUserOf(settings)).toBe('alice-login');
    expect(natsUserOf({ ...base, auth: { kind: 'token', token: 't' } })).toBe('alice');
  });

  it('runs the session on the domain’s stream, and gives a manager no session transport', () => {
    const settings: ConnectionSettings = { ...base, auth: { kind: 'token', token: 't' } };
    const connect = () => Promise.reject(new Error('not used'));
    expect(sessionTransport(settings, connect)!.stream).toEqual({ name: streamName('c1'), subjects: ['levelset.cycle.c1.>'] });
    expect(sessionTransport({ ...settings, identity: { ...settings.identity, role: 'manager' } }, connect)).toBeNull();
  });
});
