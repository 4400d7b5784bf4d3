/**
 * Whole-text sealing with the per-install data key, for automatic backups:
 * the same envelope and cipher as a sealed field (field-crypto.ts, AES-256-GCM,
 * `enc:v1:<base64 nonce ‖ ciphertext ‖ tag>`), but through WebCrypto, because a
 * backup is megabytes and is made outside any IndexedDB transaction: native
 * and asynchronous, it does not hold up the window. Main opens it the same
 * way to check a backup before it counts toward rotation.
 */
import { base64ToBytes, bytesToBase64, isBase64 } from '../exchange/base64';
import { DATA_KEY_BYTES, ENVELOPE_PREFIX, NONCE_BYTES } from './field-crypto';

/** Associated data of an automatic backup: a sealed field can never pass for one, nor one for a field. */
export const BACKUP_CONTEXT = 'levelset:automatic-backup';

export function isSealedText(text: string): boolean {
  return text.startsWith(ENVELOPE_PREFIX);
}

function aesKey(key: Uint8Array, usage: 'encrypt' | 'decrypt') {
  if (key.length !== DATA_KEY_BYTES) throw new RangeError(`A data key is ${DATA_KEY_BYTES} bytes; got ${key.length}.`);
  return globalThis.crypto.subtle.importKey('raw', new Uint8Array(key), 'AES-GCM', false, [usage]);
}

export async function sealText(key: Uint8Array, text: string, context: string = BACKUP_CONTEXT): Promise<string> {
  const nonce = globalThis.crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const sealed = new Uint8Array(
    await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: new TextEncoder().encode(context) }, await aesKey(key, 'encrypt'), new TextEncoder().encode(text)),
  );
  const out = new Uint8Array(NONCE_BYTES + sealed.length);
  out.set(nonce, 0);
  out.set(sealed, NONCE_BYTES);
  return ENVELOPE_PREFIX + bytesToBase64(out);
}

/** The text, or null when the envelope is damaged or was sealed with another key. */
export async function openText(key: Uint8Array, envelope: string, context: string = BACKUP_CONTEXT): Promise<string | null> {
  const body = envelope.slice(ENVELOPE_PREFIX.length).trim();
  if (!isSealedText(envelope) || !isBase64(body)) return null;
  const bytes = base64ToBytes(body);
  if (!bytes || bytes.length <= NONCE_BYTES) return null;
  try {
    const plain = await globalThis.crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(0, NONCE_BYTES), additionalData: new TextEncoder().encode(context) },
      await aesKey(key, 'decrypt'),
      bytes.subarray(NONCE_BYTES),
    );
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    return null;
  }
}
