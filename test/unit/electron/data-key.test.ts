import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDataKeyProvider, DATA_KEY_FILE, loadDataKey, type SafeStorageLike } from '../../../electron/data-key';
import { DataKeyResultSchema } from '../../../shared/ipc/contract';

/** A keychain stand-in: seals by XOR with a secret and a marker, so another "keychain" cannot open it. */
function fakeSafeStorage(options: { available?: boolean; backend?: string; secret?: number } = {}): SafeStorageLike & { sealed: number } {
  const secret = options.secret ?? 0x5a;
  const store = {
    sealed: 0,
    isEncryptionAvailable: () => options.available ?? true,
    encryptString(plain: string) {
      store.sealed++;
      return Buffer.concat([Buffer.from(`sealed:${secret}:`, 'latin1'), Buffer.from(Buffer.from(plain).map((b) => b ^ secret))]);
    },
    decryptString(sealed: Buffer) {
      const text = sealed.toString('latin1');
      const prefix = `sealed:${secret}:`;
      if (!text.startsWith(prefix)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(Buffer.from(text.slice(prefix.length), 'latin1').map((b) => b ^ secret)).toString('utf8');
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
  return store;
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'levelset-key-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the per-install data key', () => {
  it('is made once at first run, stored only sealed, and the same on every later start', async () => {
    const safeStorage = fakeSafeStorage();
    const first = await loadDataKey({ dir, safeStorage, platform: 'linux' });
    expect(first.status).toBe('on');
    if (first.status !== 'on') return;
    expect(Buffer.from(first.key, 'base64')).toHaveLength(32);
    expect(DataKeyResultSchema.safeParse(first).success).toBe(true);
    const onDisk = await readFile(path.join(dir, DATA_KEY_FILE));
    expect(onDisk.toString('latin1')).not.toContain(first.key);
    expect((await stat(path.join(dir, DATA_KEY_FILE))).mode & 0o077).toBe(0);
    expect(await readdir(dir)).toEqual([DATA_KEY_FILE]);
    const again = await loadDataKey({ dir, safeStorage, platform: 'linux' });
    expect(again).toEqual(first);
    expect(safeStorage.sealed).toBe(1);
  });

  it('makes two different keys on two installs', async () => {
    const other = await mkdtemp(path.join(tmpdir(), 'levelset-key-'));
    const a = await loadDataKey({ dir, safeStorage: fakeSafeStorage(), platform: 'darwin' });
    const b = await loadDataKey({ dir: other, safeStorage: fakeSafeStorage(), platform: 'darwin' });
    await rm(other, { recursive: true, force: true });
    expect(a.status === 'on' && b.status === 'on' && a.key !== b.key).toBe(true);
  });

  it('without a keychain makes no key and says the data is not encrypted (Linux without a keyring included)', async () => {
    for (const safeStorage of [fakeSafeStorage({ available: false }), fakeSafeStorage({ backend: 'basic_text' })]) {
      const result = await loadDataKey({ dir, safeStorage, platform: 'linux' });
      expect(result.status).toBe('unavailable');
      expect(result.status !== 'on' && result.reason).toMatch(/not encrypted/);
      expect(await readdir(dir)).toEqual([]);
    }
    // basic_text is only a concern on Linux; elsewhere the backend name does not apply.
    expect((await loadDataKey({ dir, safeStorage: fakeSafeStorage({ backend: 'unknown' }), platform: 'win32' })).status).toBe('on');
  });

  it('when the keychain will not open an existing key, says the data is locked and never replaces the key', async () => {
    await loadDataKey({ dir, safeStorage: fakeSafeStorage({ secret: 1 }), platform: 'darwin' });
    const before = await readFile(path.join(dir, DATA_KEY_FILE));
    const otherKeychain = await loadDataKey({ dir, safeStorage: fakeSafeStorage({ secret: 2 }), platform: 'darwin' });
    expect(otherKeychain.status).toBe('locked');
    const noKeychain = await loadDataKey({ dir, safeStorage: fakeSafeStorage({ available: false }), platform: 'linux' });
    expect(noKeychain.status).toBe('locked');
    expect(await readFile(path.join(dir, DATA_KEY_FILE))).toEqual(before);
    await writeFile(path.join(dir, DATA_KEY_FILE), fakeSafeStorage({ secret: 1 }).encryptString('short'));
    expect(await loadDataKey({ dir, safeStorage: fakeSafeStorage({ secret: 1 }), platform: 'darwin' })).toMatchObject({ status: 'locked', reason: expect.stringMatching(/damaged/) });
  });

  it('answers a reload with the same key without touching the keychain again', async () => {
    const safeStorage = fakeSafeStorage();
    const provider = createDataKeyProvider({ dir, safeStorage, platform: 'darwin' });
    const [a, b] = await Promise.all([provider(), provider()]);
    expect(a).toEqual(b);
    expect(await provider()).toEqual(a);
    expect(safeStorage.sealed).toBe(1);
  });
});
