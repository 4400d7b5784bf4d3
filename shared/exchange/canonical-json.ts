/**
 * Canonical JSON and SHA-256 for bundle checksums.
 *
 * A checksum is only useful if two machines serialise the same content to the
 * same bytes. `JSON.stringify` keeps insertion order, which depends on how a
 * row was built (a Dexie read, a zod parse, a spread), so the checksum is
 * taken over this form instead: object keys sorted by UTF-16 code unit,
 * `undefined` properties left out, no whitespace. Strings and numbers are
 * written by `JSON.stringify`, so escaping (lone surrogates included) and
 * number formatting follow the standard exactly.
 *
 * Hashing uses WebCrypto (`globalThis.crypto.subtle`), which browsers,
 * Electron and Node 20 all provide, so this module stays free of Node APIs.
 */

/** Nesting deeper than this is not a Levelset bundle; refusing it keeps a hostile file from exhausting the stack. */
export const MAX_CANONICAL_DEPTH = 64;

/** Thrown for values JSON cannot express (functions, bigints, cycles) or nesting beyond the limit. */
export class CanonicalJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CanonicalJsonError';
  }
}

/** Deterministic JSON text of `value`: sorted keys, no `undefined` properties, no whitespace. */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, 0, out, new Set());
  return out.join('');
}

function write(value: unknown, depth: number, out: string[], open: Set<object>): void {
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'number':
      // Like JSON.stringify: NaN and the infinities become null, -0 becomes 0.
      out.push(Number.isFinite(value) ? JSON.stringify(value) : 'null');
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(`a ${typeof value} cannot be written as JSON`);
  }
  if (depth >= MAX_CANONICAL_DEPTH) throw new CanonicalJsonError(`nested more than ${MAX_CANONICAL_DEPTH} levels deep`);
  const obj = value as object;
  if (open.has(obj)) throw new CanonicalJsonError('the value refers to itself');
  open.add(obj);
  if (Array.isArray(obj)) {
    out.push('[');
    obj.forEach((item: unknown, i) => {
      if (i > 0) out.push(',');
      // Like JSON.stringify, a hole or undefined in an array is written as null.
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') out.push('null');
      else write(item, depth + 1, out, open);
    });
    out.push(']');
  } else {
    const record = obj as Record<string, unknown>;
    out.push('{');
    let first = true;
    for (const key of Object.keys(record).sort()) {
      const item = record[key];
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      if (!first) out.push(',');
      first = false;
      out.push(JSON.stringify(key), ':');
      write(item, depth + 1, out, open);
    }
    out.push('}');
  }
  open.delete(obj);
}

/** Bytes as lower-case hex. */
export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** Lower-case hex SHA-256 of the UTF-8 encoding of `text`. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return toHex(new Uint8Array(digest));
}

/** Compares two hex digests in time independent of where they differ (cheap, and removes a question from reviews). */
export function sameDigest(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
