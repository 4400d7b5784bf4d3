/**
 * A JSON file's UTF-8 bytes as ASCII text that parses to the same value.
 *
 * One non-ASCII character anywhere (a name with an accent, a typographic
 * apostrophe) makes the engine decode the whole file into a two-byte string:
 * for the bench's 23 MB bundle, which has 51 such bytes, decoding took about
 * three times as long as for the same file written in ASCII (issue 13), and
 * the whole text is twice the memory. Here each non-ASCII character is
 * written as its JSON escape (`’` → `\u2019`) instead, so the text is
 * one-byte and decodes on the engine's ASCII path.
 *
 * Why the value is the same: outside a string, JSON allows no non-ASCII
 * character and no backslash, so a file with one there fails to parse before
 * and after. Inside a string, a raw character and its `\u` escape are the
 * same value (a character outside the Basic Multilingual Plane as its two
 * UTF-16 halves, each escaped), unless the character itself follows an
 * escaping backslash (`\’`, not valid JSON): after an odd number of
 * backslashes this gives up rather than turn `\’` into the valid `\\u2019`.
 * It also gives up (null) on bytes that are not UTF-8, so the caller decodes
 * those as it always did. The parsed value is all this keeps: a caller that
 * reports where a file fails to parse uses the text as decoded
 * (bundle-format.ts openBundle does, from `decodedText`).
 */

/** UTF-8, lenient (bytes that are not UTF-8 as U+FFFD), a byte-order mark dropped: the ASCII text below and `decodedText`. */
const utf8 = new TextDecoder('utf-8');

/** The bytes' text as a browser's `Blob.text()` gives it: UTF-8, a byte-order mark dropped, bytes that are not UTF-8 as U+FFFD. */
export function decodedText(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/** The byte-order mark a UTF-8 decoder drops, as `Blob.text()` does. */
const startAfterBom = (bytes: Uint8Array): number => (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);

/** The index of the first byte at or after `from` that is not ASCII, or `bytes.length`. */
function nextNonAscii(bytes: Uint8Array, from: number): number {
  let i = from;
  const end = bytes.length;
  while (i < end && ((bytes.byteOffset + i) & 3) !== 0) {
    if (bytes[i]! >= 0x80) return i;
    i++;
  }
  if (i >= end) return end;
  // Four bytes at a time (a 23 MB file is scanned in a few milliseconds), then the last few.
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, (end - i) >> 2);
  let w = 0;
  while (w < words.length && (words[w]! & 0x80808080) === 0) w++;
  i += w << 2;
  while (i < end && bytes[i]! < 0x80) i++;
  return i;
}

const HEX = '0123456789abcdef';

/**
 * The JSON text of `bytes` (UTF-8, an optional byte-order mark dropped) with
 * every non-ASCII character written as a `\u` escape, so `JSON.parse` of it
 * gives exactly what `JSON.parse` of the decoded text gives, or throws where
 * that throws. Null when the bytes are not UTF-8 or a non-ASCII character
 * follows an escaping backslash; then decode the bytes as usual.
 */
export function asciiJsonText(bytes: Uint8Array): string | null {
  const start = startAfterBom(bytes);
  let at = nextNonAscii(bytes, start);
  if (at >= bytes.length) return utf8.decode(bytes.subarray(start));
  // ignoreBOM: a U+FEFF inside the file (in a string, or stray after a value) is a character like any other; a decoder
  // that drops a byte-order mark would drop it at the start of a stretch, changing a string or hiding bad JSON.
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  // The ASCII stretches as they are and each non-ASCII stretch as its escapes, in order.
  const pieces: Array<Uint8Array | string> = [];
  let length = 0;
  let from = start;
  while (at < bytes.length) {
    let backslashes = 0;
    while (at - backslashes - 1 >= from && bytes[at - backslashes - 1] === 0x5c) backslashes++;
    if (backslashes % 2 === 1) return null;
    let end = at;
    while (end < bytes.length && bytes[end]! >= 0x80) end++;
    let decoded: string;
    try {
      decoded = strict.decode(bytes.subarray(at, end));
    } catch {
      return null;
    }
    let escapes = '';
    for (let k = 0; k < decoded.length; k++) {
      const unit = decoded.charCodeAt(k);
      escapes += `\\u${HEX[unit >> 12]}${HEX[(unit >> 8) & 15]}${HEX[(unit >> 4) & 15]}${HEX[unit & 15]}`;
    }
    pieces.push(bytes.subarray(from, at), escapes);
    length += at - from + escapes.length;
    from = end;
    // Mostly non-ASCII text (a bundle written in another script) grows with escapes rather than shrinks to one byte a character.
    if (length > bytes.length + (bytes.length >> 3)) return null;
    at = nextNonAscii(bytes, end);
  }
  pieces.push(bytes.subarray(from));
  length += bytes.length - from;
  const out = new Uint8Array(length);
  let o = 0;
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      for (let k = 0; k < piece.length; k++) out[o + k] = piece.charCodeAt(k);
      o += piece.length;
    } else {
      out.set(piece, o);
      o += piece.length;
    }
  }
  return utf8.decode(out);
}
