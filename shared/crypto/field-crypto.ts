/**
 * Field encryption at rest: which fields of which tables hold personal or
 * free text, and how a row's fields are sealed and opened.
 *
 * A sealed row (format v2) keeps its key and indexed fields plain and carries
 * every listed field in ONE envelope field, `ROW_ENVELOPE_FIELD`: the bytes
 * `2 ‖ nonce ‖ ciphertext ‖ tag`, AES-256-GCM over the UTF-8 JSON of an
 * object holding the listed fields, a fresh random 96-bit nonce per row, and
 * associated data naming the format, the table and the row's key
 * (`levelset:v2:<table>:<key>`), so an envelope copied into another row or
 * table fails to open instead of showing the wrong text. The bytes are
 * stored as a Uint8Array (IndexedDB stores typed arrays as they are), so no
 * base64 is spent on them. One cipher call per row rather than one per field:
 * noble's per-call set-up (key expansion, the GHASH table) was most of the
 * cost (docs/PERFORMANCE.md, method). Doing that set-up once per key would
 * save about a quarter more, but only by assembling GCM from noble's
 * internal, explicitly unstable exports — hand-written cryptography we chose
 * not to own.
 *
 * Format v1 (still opened, never written): each listed field on its own, the
 * string `enc:v1:<base64 of nonce ‖ ciphertext ‖ tag>` with associated data
 * `levelset:<table>:<key>:<field>`. The one pass at start
 * (renderer/db/write/seal-existing.ts) rewrites such rows as v2, and any row
 * is rewritten as v2 when it is next written.
 *
 * The cipher is synchronous (built from @noble/ciphers, audited, pure JS) on purpose:
 * the Dexie middleware that calls this runs inside IndexedDB transactions,
 * and awaiting WebCrypto there would let the transaction commit early.
 *
 * Opening accepts plain values, so a database written before encryption was
 * on keeps working; its rows are sealed when they are next written (and by
 * the one pass at start).
 *
 * What stays plain, and why:
 * - Every indexed field (ids, cycleId, candidateId, sessionId, status, date,
 *   criterionIds, audit `at`/`entityId`/`deviceId`/`seq`, and candidates'
 *   `manager` and `team`, coverage's `manager`): an index over random
 *   ciphertext can no longer find equal values. Manager and team names are
 *   therefore readable in the database files; they are the price of the
 *   per-manager views staying indexed.
 * - Frameworks: published career ladders, not personal.
 * - Coverage: derived counts per criterion (its `manager` is indexed).
 * - Dates, ratings, outcomes, level ids, timestamps, counts: structure the
 *   queries and rules read, and not free text.
 * - Audit `action`: fixed wording chosen by the code ("add evidence"), never
 *   user text. The audit rows' `before`, `after` and `changes` copy whole
 *   records, so they are sealed; the hash chain is computed over the plain
 *   entry before it reaches the database, so verification is unchanged.
 */
import { gcm } from '@noble/ciphers/aes.js';
import { base64ToBytes, bytesToBase64, isBase64 } from '../exchange/base64';

export const ENVELOPE_PREFIX = 'enc:v1:';
export const DATA_KEY_BYTES = 32;
export const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** Per table: the primary key's field (bound into each value) and the sealed fields. */
export interface TableEncryption {
  readonly key: string;
  readonly fields: readonly string[];
}

export const ENCRYPTED_FIELDS: Readonly<Record<string, TableEncryption>> = {
  cycles: { key: 'id', fields: ['name'] },
  candidates: { key: 'id', fields: ['name', 'role', 'groups'] },
  evidence: { key: 'id', fields: ['title', 'description', 'links'] },
  packets: { key: 'id', fields: ['assessments', 'summary', 'notYetDoing', 'snapshot'] },
  sessions: { key: 'id', fields: ['name', 'members', 'reopenReason', 'record', 'history'] },
  votes: { key: 'id', fields: ['corrections'] },
  decisions: { key: 'id', fields: ['rationale', 'nextSteps', 'dissent'] },
  audit: { key: 'id', fields: ['actor', 'before', 'after', 'changes'] },
  // Settings and per-user state: the profile (a name), fairness snapshots, undo stacks.
  meta: { key: 'key', fields: ['value'] },
  // Connected mode: the credentials and the cycle passphrase, this member's sealed votes and salts before the reveal, queued events (decision text) and refusal reasons.
  connections: { key: 'cycleId', fields: ['auth', 'cyclePassphrase'] },
  ownVotes: { key: 'id', fields: ['vote', 'salt', 'earlier', 'late'] },
  outbox: { key: 'msgId', fields: ['event'] },
  applied: { key: 'msgId', fields: ['reason'] },
};

/** A value that looked sealed but could not be opened: wrong key, or altered bytes. */
export class DecryptionError extends Error {
  constructor(where: string) {
    super(`${where} could not be decrypted: it was sealed with another key or the stored bytes were changed.`);
    this.name = 'DecryptionError';
  }
}

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(ENVELOPE_PREFIX);
}

export function randomDataKey(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(DATA_KEY_BYTES));
}

function checkKey(key: Uint8Array): void {
  if (key.length !== DATA_KEY_BYTES) throw new RangeError(`A data key is ${DATA_KEY_BYTES} bytes; got ${key.length}.`);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Seals raw bytes: the envelope string. `context` is bound as associated data. */
export function sealBytes(key: Uint8Array, plain: Uint8Array, context: string): string {
  checkKey(key);
  const nonce = globalThis.crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const sealed = gcm(key, nonce, encoder.encode(context)).encrypt(plain);
  const out = new Uint8Array(NONCE_BYTES + sealed.length);
  out.set(nonce, 0);
  out.set(sealed, NONCE_BYTES);
  return ENVELOPE_PREFIX + bytesToBase64(out);
}

/** Opens an envelope made by sealBytes with the same key and context; throws DecryptionError otherwise. */
export function openBytes(key: Uint8Array, envelope: string, context: string): Uint8Array {
  checkKey(key);
  const body = envelope.slice(ENVELOPE_PREFIX.length);
  if (!envelope.startsWith(ENVELOPE_PREFIX) || !isBase64(body)) throw new DecryptionError(context);
  const bytes = base64ToBytes(body);
  if (!bytes || bytes.length < NONCE_BYTES + TAG_BYTES) throw new DecryptionError(context);
  try {
    return gcm(key, bytes.subarray(0, NONCE_BYTES), encoder.encode(context)).decrypt(bytes.subarray(NONCE_BYTES));
  } catch {
    throw new DecryptionError(context);
  }
}

/**
 * Seals any JSON value as a format-v1 field (undefined stays undefined). The
 * app writes rows as v2 now; this stays for opening v1 values' counterpart
 * and for tests that build a database as an older version stored it.
 */
export function sealValue(key: Uint8Array, value: unknown, context: string): unknown {
  if (value === undefined) return undefined;
  return sealBytes(key, encoder.encode(JSON.stringify(value)), context);
}

/** Opens a sealed value; a plain value (written before encryption) is returned as it is. */
export function openValue(key: Uint8Array, value: unknown, context: string): unknown {
  if (!isSealed(value)) return value;
  const bytes = openBytes(key, value, context);
  try {
    return JSON.parse(decoder.decode(bytes)) as unknown;
  } catch {
    throw new DecryptionError(context);
  }
}

/** Sealed values of format v1 (one per field): opened on read, never written. Kept exported for tests that build an old database. */
export function fieldContext(table: string, id: unknown, field: string): string {
  return `levelset:${table}:${String(id)}:${field}`;
}

/** The field of a stored row that holds its sealed fields (format v2). No record schema has a field of this name. */
export const ROW_ENVELOPE_FIELD = '$sealed';
const ROW_FORMAT = 2;
const ROW_HEADER_BYTES = 1 + NONCE_BYTES;

function rowContext(table: string, id: unknown): string {
  return `levelset:v2:${table}:${String(id)}`;
}

// Nonces are drawn from the system's random source in batches: one
// getRandomValues per 256 rows instead of one per row. Each nonce is used once.
const NONCE_BATCH = 256;
let noncePool = new Uint8Array(0);
let nonceAt = 0;
function freshNonce(): Uint8Array {
  if (nonceAt + NONCE_BYTES > noncePool.length) {
    noncePool = globalThis.crypto.getRandomValues(new Uint8Array(NONCE_BYTES * NONCE_BATCH));
    nonceAt = 0;
  }
  const nonce = noncePool.subarray(nonceAt, nonceAt + NONCE_BYTES);
  nonceAt += NONCE_BYTES;
  return nonce;
}

/** The row envelope: `2 ‖ nonce ‖ GCM(JSON of fields)`, with the table and key as associated data. */
export function sealRowEnvelope(key: Uint8Array, fields: Readonly<Record<string, unknown>>, table: string, id: unknown): Uint8Array {
  checkKey(key);
  const nonce = freshNonce();
  const sealed = gcm(key, nonce, encoder.encode(rowContext(table, id))).encrypt(encoder.encode(JSON.stringify(fields)));
  const out = new Uint8Array(ROW_HEADER_BYTES + sealed.length);
  out[0] = ROW_FORMAT;
  out.set(nonce, 1);
  out.set(sealed, ROW_HEADER_BYTES);
  return out;
}

/** The fields sealed in a row envelope; DecryptionError for another key, table or row, or changed bytes. */
export function openRowEnvelope(key: Uint8Array, envelope: unknown, table: string, id: unknown): Record<string, unknown> {
  checkKey(key);
  const context = rowContext(table, id);
  // Any byte view (a typed array read back through another realm's structured clone is still one).
  const bytes = ArrayBuffer.isView(envelope) ? new Uint8Array(envelope.buffer, envelope.byteOffset, envelope.byteLength) : null;
  if (!bytes || bytes.length < ROW_HEADER_BYTES + TAG_BYTES || bytes[0] !== ROW_FORMAT) throw new DecryptionError(context);
  let fields: unknown;
  try {
    const plain = gcm(key, bytes.subarray(1, ROW_HEADER_BYTES), encoder.encode(context)).decrypt(bytes.subarray(ROW_HEADER_BYTES));
    fields = JSON.parse(decoder.decode(plain));
  } catch {
    throw new DecryptionError(context);
  }
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) throw new DecryptionError(context);
  return fields as Record<string, unknown>;
}

type Row = Record<string, unknown>;

const listedSets = new Map<string, ReadonlySet<string>>(Object.entries(ENCRYPTED_FIELDS).map(([table, spec]) => [table, new Set(spec.fields)]));

function isRow(row: unknown): row is Row {
  return row !== null && typeof row === 'object';
}

/**
 * A copy of the row with its listed fields moved into one sealed envelope
 * (rows of unlisted tables, and rows with none of the listed fields, are
 * returned unchanged). Every value is sealed, even text that happens to look
 * sealed: what is written is always plain.
 */
export function encryptRow<T>(key: Uint8Array, table: string, row: T): T {
  const spec = ENCRYPTED_FIELDS[table];
  const listed = listedSets.get(table);
  if (!spec || !listed || !isRow(row)) return row;
  const out: Row = {};
  const fields: Row = {};
  let any = false;
  for (const name of Object.keys(row)) {
    const value = row[name];
    if (!listed.has(name)) out[name] = value;
    else if (value !== undefined) {
      fields[name] = value;
      any = true;
    }
  }
  if (!any) return row;
  out[ROW_ENVELOPE_FIELD] = sealRowEnvelope(key, fields, table, row[spec.key]);
  return out as T;
}

/**
 * A copy of the row with its sealed fields opened: the v2 envelope, and any
 * v1 field sealed on its own (a row written before v2). Plain fields pass
 * through, so a row stored before encryption reads as it is.
 */
export function decryptRow<T>(key: Uint8Array, table: string, row: T): T {
  const spec = ENCRYPTED_FIELDS[table];
  if (!spec || !isRow(row)) return row;
  let out: Row | null = null;
  for (const field of spec.fields) {
    const value = row[field];
    if (!isSealed(value)) continue;
    out ??= { ...row };
    out[field] = openValue(key, value, fieldContext(table, row[spec.key], field));
  }
  if (!(ROW_ENVELOPE_FIELD in row)) return (out ?? row) as T;
  const opened = openRowEnvelope(key, row[ROW_ENVELOPE_FIELD], table, row[spec.key]);
  // Copied key by key rather than spread and `delete`d, which would leave a slower dictionary-mode object for every reader.
  const source: Row = out ?? row;
  const result: Row = {};
  for (const name of Object.keys(source)) if (name !== ROW_ENVELOPE_FIELD) result[name] = source[name];
  // Skipping `__proto__` (JSON.parse makes it an own key; assigning it would set the prototype).
  for (const name of Object.keys(opened)) if (name !== '__proto__') result[name] = opened[name];
  return result as T;
}

/** Whether the row holds none of its listed fields readable: each is inside the envelope, sealed on its own (v1), or absent. */
export function isRowSealed(table: string, row: unknown): boolean {
  const spec = ENCRYPTED_FIELDS[table];
  if (!spec || !isRow(row)) return false;
  return spec.fields.every((field) => row[field] === undefined || isSealed(row[field]));
}

/**
 * Whether a value is a well-formed v1 envelope (prefix, base64, room for
 * nonce and tag): stricter than isSealed, for telling sealed rows from text
 * a user typed when there is no key to try.
 */
export function isWellFormedEnvelope(value: unknown): boolean {
  if (!isSealed(value)) return false;
  const body = value.slice(ENVELOPE_PREFIX.length);
  return isBase64(body) && body.length >= Math.ceil((NONCE_BYTES + TAG_BYTES) / 3) * 4;
}

/** Whether the row is readable without the key: no row envelope and no listed field sealed on its own. */
export function isRowPlain(table: string, row: unknown): boolean {
  const spec = ENCRYPTED_FIELDS[table];
  if (!spec || !isRow(row)) return true;
  return !(ROW_ENVELOPE_FIELD in row) && !spec.fields.some((field) => isWellFormedEnvelope(row[field]));
}
