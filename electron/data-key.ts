/**
 * The per-install data key (encryption at rest, renderer/db/encryption.ts).
 *
 * As Signal Desktop does for its database key: a random 256-bit key made at
 * first run, sealed by Electron's `safeStorage` (the OS keychain: Keychain
 * on macOS, DPAPI on Windows, the Secret Service or KWallet on Linux) and
 * stored sealed in the data folder. Only the app window receives it, over
 * the `dataKey` IPC method; it is never logged.
 *
 * Outcomes, each said plainly in About → Data:
 * - `on`: the key, unsealed.
 * - `unavailable`: no usable keychain and no key made before (Linux without
 *   a keyring, where safeStorage either fails or falls back to a fixed
 *   built-in password, `basic_text`, which protects nothing). The data stays
 *   unencrypted rather than pretending: a key stored next to the data it
 *   protects would only look like protection. A key is made on a later start
 *   once a keychain is there, and the data is sealed then.
 * - `locked`: a sealed key exists but the keychain will not open it (another
 *   user or machine, a reset keychain). The sealed file is never replaced:
 *   a new key would make the existing data unreadable for good.
 */
import { promises as nodeFs } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { DataKeyResult } from '../shared/ipc/contract';
import { isSealedText, openText } from '../shared/crypto/text-envelope';

export const DATA_KEY_FILE = 'data-key.sealed';
const KEY_BYTES = 32;
/** safeStorage backends on Linux that are not a real keychain. */
const WEAK_BACKENDS = new Set(['basic_text', 'unknown']);

/** The parts of Electron's safeStorage used here (a fake in tests). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
  getSelectedStorageBackend?: () => string;
}

export type DataKeyFs = Pick<typeof nodeFs, 'readFile' | 'writeFile' | 'rename' | 'rm'>;

export interface DataKeyDeps {
  dir: string;
  safeStorage: SafeStorageLike;
  platform: string;
  fs?: DataKeyFs;
}

function keychainProblem(deps: DataKeyDeps): string | null {
  if (!deps.safeStorage.isEncryptionAvailable()) return 'this system offers no keychain Levelset can use';
  if (deps.platform === 'linux') {
    const backend = deps.safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    if (WEAK_BACKENDS.has(backend)) return 'this system has no keyring (GNOME Keyring or KWallet) for Levelset to use';
  }
  return null;
}

async function readSealed(file: string, fs: DataKeyFs): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw error;
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'error';
}

function isKey(text: string): boolean {
  return /^[A-Za-z0-9+/]{43}=$/.test(text) && Buffer.from(text, 'base64').length === KEY_BYTES;
}

/** Reads (or at first run makes) the data key. Never throws for a keychain problem: it says what it is. */
export async function loadDataKey(deps: DataKeyDeps): Promise<DataKeyResult> {
  const fs = deps.fs ?? nodeFs;
  const file = path.join(deps.dir, DATA_KEY_FILE);
  const sealed = await readSealed(file, fs);
  const problem = keychainProblem(deps);
  if (sealed) {
    if (!deps.safeStorage.isEncryptionAvailable()) return { status: 'locked', reason: `${problem ?? 'the system keychain is not available'}, so the key that opens your data cannot be unsealed.` };
    let key: string;
    try {
      key = deps.safeStorage.decryptString(sealed);
    } catch {
      return { status: 'locked', reason: 'the system keychain would not unseal the key that opens your data (was the keychain reset, or is this another user account?).' };
    }
    if (!isKey(key)) return { status: 'locked', reason: `the key file (${DATA_KEY_FILE} in the data folder) is damaged.` };
    return { status: 'on', key };
  }
  if (problem) return { status: 'unavailable', reason: `${problem}, so your data is not encrypted by the app.` };
  const key = randomBytes(KEY_BYTES).toString('base64');
  const temporary = `${file}.partial`;
  try {
    // Written atomically and readable by this user only: a half-written key file would lock the data.
    await fs.writeFile(temporary, deps.safeStorage.encryptString(key), { mode: 0o600 });
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    return { status: 'unavailable', reason: `the key could not be stored in the data folder (${codeOf(error)}), so your data is not encrypted by the app yet; Levelset tries again at the next start.` };
  }
  return { status: 'on', key };
}

/** Loads the key once per run; later calls (a reload of the window) get the same answer. */
export function createDataKeyProvider(deps: DataKeyDeps): () => Promise<DataKeyResult> {
  let pending: Promise<DataKeyResult> | null = null;
  return () => {
    pending ??= loadDataKey(deps).catch((error: unknown) => {
      pending = null;
      return { status: 'locked', reason: `the key file in the data folder could not be read (${codeOf(error)}).` } as const;
    });
    return pending;
  };
}

/** Opens an automatic backup sealed with this install's key (plain text passes), for main's check before writing. */
export function createBackupUnsealer(dataKey: () => Promise<DataKeyResult>): (content: string) => Promise<string | null> {
  return async (content) => {
    if (!isSealedText(content)) return content;
    const result = await dataKey();
    return result.status === 'on' ? openText(new Uint8Array(Buffer.from(result.key, 'base64')), content) : null;
  };
}
