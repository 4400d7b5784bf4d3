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
  return sha256HexOfBytes(new TextEncoder().encode(text));
}

/** Lower-case hex SHA-256 of `bytes`. */
export async function sha256HexOfBytes(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return toHex(new Uint8Array(digest));
}

/**
 * The UTF-8 bytes of `JSON.stringify(value)` for a value JSON.parse made
 * (plain objects, arrays and primitives, nothing undefined), written a
 * part at a time: the top-level object's and arrays' items are stringified
 * and encoded one by one, so the text is never one string. Why: a single
 * character beyond Latin-1 anywhere (a dash, a curly quote) makes the whole
 * text a two-byte string, and encoding a 20 MB one took 2-4 times as long as
 * writing it (issue 13, the bundle checksum); each row is encoded on its
 * own, so only the rows with such a character pay for it. JSON.stringify is
 * compositional for such values, so the bytes are exactly the whole text's.
 */
export function jsonUtf8(value: unknown): Uint8Array<ArrayBuffer> {
  const out = new ByteSink();
  writeJsonParts(value, out, 2);
  return out.bytes();
}

function writeJsonParts(value: unknown, out: ByteSink, levels: number): void {
  if (levels === 0 || typeof value !== 'object' || value === null) {
    out.write(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    out.write('[');
    value.forEach((item: unknown, i) => {
      if (i > 0) out.write(',');
      writeJsonParts(item, out, levels - 1);
    });
    out.write(']');
    return;
  }
  out.write('{');
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    out.write(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
    first = false;
    writeJsonParts(item, out, levels - 1);
  }
  out.write('}');
}

/** A growing byte buffer that text is UTF-8 encoded into in place (no encoded copy per part). */
class ByteSink {
  private buffer = new Uint8Array(1 << 16);
  private length = 0;
  private readonly encoder = new TextEncoder();

  write(text: string): void {
    // A UTF-16 unit is at most three UTF-8 bytes.
    if (this.buffer.length - this.length < text.length * 3) this.grow(text.length * 3);
    this.length += this.encoder.encodeInto(text, this.buffer.subarray(this.length)).written;
  }

  /** The bytes written (a view: the digest reads it once, no copy of 20 MB needed). */
  bytes(): Uint8Array<ArrayBuffer> {
    return this.buffer.subarray(0, this.length);
  }

  private grow(needed: number): void {
    const next = new Uint8Array(Math.max(this.buffer.length * 2, this.length + needed));
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }
}

/** Compares two hex digests in time independent of where they differ (cheap, and removes a question from reviews). */
export function sameDigest(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
