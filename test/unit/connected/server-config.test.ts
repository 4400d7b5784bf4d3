// The sample production config is the generator's output (one source for the
// tests and the sample), and nats-server itself accepts it, TLS included.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SAMPLE_DEPLOYMENT,
  passwordEnvName,
  renderDeploymentConfig,
  renderServerConfig,
  rolePermissions,
} from '../../../scripts/nats/server-config.mjs';
import { natsServerBinary } from '../../support/nats-server';

describe('nats-server config generator', () => {
  it('renders exactly the committed sample (regenerate with: node scripts/nats/server-config.mjs --sample > docs/nats/levelset-server.conf)', () => {
    const committed = readFileSync(path.join(process.cwd(), 'docs/nats/levelset-server.conf'), 'utf8');
    expect(committed).toBe(renderDeploymentConfig(SAMPLE_DEPLOYMENT));
  });

  it('renders a config nats-server accepts, with WebSocket TLS and passwords from the environment', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'levelset-natsconf-'));
    try {
      const cert = path.join(dir, 'server.crt');
      const key = path.join(dir, 'server.key');
      // nats-server -t loads the key pair, so a throwaway self-signed one is made here.
      const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'], { encoding: 'utf8' });
      if (made.error || made.status !== 0) throw new Error(`This test needs openssl to make a throwaway certificate: ${made.error?.message ?? made.stderr}`);
      const conf = path.join(dir, 'server.conf');
      writeFileSync(conf, renderDeploymentConfig({ ...SAMPLE_DEPLOYMENT, tlsCert: cert, tlsKey: key, storeDir: path.join(dir, 'js') }));
      const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
      for (const id of [SAMPLE_DEPLOYMENT.chair, ...SAMPLE_DEPLOYMENT.members, ...SAMPLE_DEPLOYMENT.managers]) env[passwordEnvName(id)] = `pw-${id}`;
      const checked = spawnSync(natsServerBinary(), ['-t', '-c', conf], { env, encoding: 'utf8' });
      expect(checked.stderr + checked.stdout).toMatch(/is valid/);
      expect(checked.status).toBe(0);
      // Without the passwords in the environment the server refuses to start rather than run open.
      const missing = spawnSync(natsServerBinary(), ['-t', '-c', conf], { env: { PATH: env.PATH ?? '' }, encoding: 'utf8' });
      expect(missing.status).not.toBe(0);
      expect(missing.stderr + missing.stdout).toMatch(/LEVELSET_PASSWORD_/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses user ids that would widen a subject permission', () => {
    for (const bad of ['*', '>', 'a.b', 'a b', '']) expect(() => rolePermissions('member', bad)).toThrow(/letters, digits/);
    expect(() =>
      renderServerConfig({ storeDir: '/x', websocket: { port: 1, tls: 'none' }, users: [{ id: 'a', role: 'member', password: 'p"x' }] }),
    ).toThrow(/quotes/);
  });

  it('gives a member only their own vote subjects and a manager no JetStream API', () => {
    expect(rolePermissions('member', 'alice').publish.allow.filter((s) => s.startsWith('levelset.'))).toEqual(['levelset.cycle.*.session.*.member.alice.>']);
    expect(rolePermissions('manager', 'mia').publish.allow).toEqual(['levelset.inbox.*.mia.>']);
  });
});
