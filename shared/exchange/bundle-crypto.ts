/**
 * Passphrase encryption of a bundle's content: AES-GCM with a 256-bit key
 * derived from the passphrase by PBKDF2-SHA256 over a random salt.
 *
 * Why these settings: AES-GCM authenticates as well as encrypts, so a wrong
 * passphrase or a changed byte fails as one clean error instead of yielding
 * garbage; 600,000 PBKDF2 iterations is OWASP's current floor for
 * PBKDF2-HMAC-SHA256, which makes guessing a passphrase from a stolen file
 * slow. A bundle names its own iteration count, so a reader refuses counts
 * outside [600,000, 10,000,000]: below is too weak to trust, above is a file
 * that would freeze the app for minutes. Everything goes through WebCrypto
 * (`globalThis.crypto.subtle`), the same in browsers, Electron and Node 20.
 */
import { bytesToBase64 } from './base64';

export const PBKDF2_MIN_ITERATIONS = 600_000;
export const PBKDF2_MAX_ITERATIONS = 10_000_000;
export const PBKDF2_DEFAULT_ITERATIONS = PBKDF2_MIN_ITERATIONS;
export const SALT_BYTES = 16;
export const IV_BYTES = 12;
/** AES-GCM appends a 16-byte authentication tag to every ciphertext. */
export const GCM_TAG_BYTES = 16;

export function isAllowedIterationCount(n: number): boolean {
  return Number.isInteger(n) && n >= PBKDF2_MIN_ITERATIONS && n <= PBKDF2_MAX_ITERATIONS;
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/**
 * The same passphrase can reach us in different Unicode forms (macOS
 * keyboards tend to produce decomposed accents), so it is normalised to NFC
 * before it is hashed.
 */
function passphraseBytes(passphrase: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(passphrase.normalize('NFC'));
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number, usage: 'encrypt' | 'decrypt') {
  const subtle = globalThis.crypto.subtle;
  const material = await subtle.importKey('raw', passphraseBytes(passphrase), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [usage]);
}

export interface EncryptedText {
  salt: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  iterations: number;
  ciphertext: Uint8Array<ArrayBuffer>;
}

/** Encrypts `plaintext` (as UTF-8) under a fresh random salt and IV. */
/**
 * The sealed text as a file states it — the `encryption` descriptor and the
 * `ciphertext` — in the one shape bundles and protected backups share.
 */
export function sealedFileFields(sealed: EncryptedText) {
  return {
    encryption: {
      algorithm: 'AES-GCM' as const,
      keyDerivation: { algorithm: 'PBKDF2' as const, hash: 'SHA-256' as const, iterations: sealed.iterations, salt: bytesToBase64(sealed.salt) },
      iv: bytesToBase64(sealed.iv),
    },
    ciphertext: bytesToBase64(sealed.ciphertext),
  };
}

export async function encryptText(plaintext: string, passphrase: string, iterations: number = PBKDF2_DEFAULT_ITERATIONS): Promise<EncryptedText> {
  if (!isAllowedIterationCount(iterations)) {
    throw new RangeError(`PBKDF2 iterations must be a whole number from ${PBKDF2_MIN_ITERATIONS} to ${PBKDF2_MAX_ITERATIONS}; got ${iterations}.`);
  }
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const key = await deriveKey(passphrase, salt, iterations, 'encrypt');
  const sealed = await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(plaintext));
  return { salt, iv, iterations, ciphertext: new Uint8Array(sealed) };
}

/**
 * The decrypted bytes, or null when authentication fails. AES-GCM cannot
 * tell a wrong passphrase from an altered ciphertext, so neither can we.
 */
export async function decryptBytes(encrypted: EncryptedText, passphrase: string): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!isAllowedIterationCount(encrypted.iterations)) return null;
  try {
    const key = await deriveKey(passphrase, encrypted.salt, encrypted.iterations, 'decrypt');
    const plain = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv: encrypted.iv }, key, encrypted.ciphertext);
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}
