/**
 * The fixed beginning of a version-2 bundle file and the digest its
 * checksum is compared with: the little of the bundle format the import
 * worker's digest worker needs (renderer/workers/digest.worker.ts), kept
 * apart from bundle-format.ts so that worker does not load the schemas.
 */
import { sha256HexOfBytes } from './canonical-json';

export const BUNDLE_FORMAT = 'levelset.bundle';
/** Bump when the layout changes in a way older versions cannot read. Version 1 (checksum over the canonical content) is still read. */
export const BUNDLE_SCHEMA_VERSION = 2;
/**
 * How every version-2 file begins (the writer's own layout, pretty JSON with
 * two spaces): right after it come the checksum's 64 hex digits. A plain
 * bundle's checksum is SHA-256 of the file's bytes after those digits; a file
 * that does not begin with this text is not as it was written.
 */
export const V2_PLAIN_PREFIX = `{\n  "format": "${BUNDLE_FORMAT}",\n  "schemaVersion": 2,\n  "checksum": {\n    "algorithm": "SHA-256",\n    "value": "`;
export const DIGEST_HEX_LENGTH = 64;

/** 3 when the bytes begin with UTF-8's byte-order mark (which a decoder drops), else 0. */
export const bomLength = (file: Uint8Array): number => (file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf ? 3 : 0);

/**
 * What a version-2 plain bundle's checksum is taken over, hashed: SHA-256 of
 * the file's bytes after its fixed beginning and the checksum's 64 digits (a
 * byte-order mark before them skipped). Whether the beginning is as written
 * is checked apart (bundle-format.ts fileChecksumProblem); this is only the
 * digest, so another thread can compute it from the same file meanwhile.
 */
export function plainBodyDigest(file: Uint8Array<ArrayBuffer>): Promise<string> {
  return sha256HexOfBytes(file.subarray(bomLength(file) + V2_PLAIN_PREFIX.length + DIGEST_HEX_LENGTH));
}
