/**
 * Base64 for the binary parts of an encrypted bundle (salt, IV, ciphertext).
 *
 * Uses `btoa`/`atob`, which browsers, Electron and Node 20 all provide, so
 * shared/ needs no Node `Buffer`. Large arrays are converted in chunks because
 * `String.fromCharCode(...bytes)` on megabytes overflows the argument limit.
 * Decoding validates first and never throws: bundle files come from other
 * machines and may be damaged.
 */

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  }
  return btoa(parts.join(''));
}

/** Whether `text` is padded standard base64 (the alphabet `btoa` writes). */
export function isBase64(text: string): boolean {
  return text.length % 4 === 0 && BASE64.test(text);
}

/** Number of bytes a valid base64 text decodes to. */
export function base64ByteLength(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

/** The decoded bytes, or null when `text` is not valid base64. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> | null {
  if (!isBase64(text)) return null;
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
