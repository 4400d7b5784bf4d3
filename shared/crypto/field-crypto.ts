/**
 * Field encryption at rest: which fields of which tables hold personal or
 * free text, and how one value is sealed and opened.
 *
 * A sealed value is the string `enc:v1:<base64 of nonce ‖ ciphertext ‖ tag>`:
 * AES-256-GCM over the UTF-8 JSON of the value, a fresh random 96-bit nonce
 * per value, and associated data naming the table, the row's key and the
 * field, so a sealed value copied into another row or field fails to open
 * instead of showing the wrong text. The `v1` leaves room for a later format.
 *
 * The cipher is synchronous (@noble/ciphers, audited, pure JS) on purpose:
 * the Dexie middleware that calls this runs inside IndexedDB transactions,
 * and awaiting WebCrypto there would let the transaction commit early.
 *
 * Opening accepts plain values, so a database written before encryption was
 * on keeps working; its rows are sealed when they are next written (and by
 * the one pass at start, renderer/db/encryption.ts).
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
  // Connected mode: the credentials, this member's sealed votes and salts before the reveal, queued events (decision text) and refusal reasons.
  connections: { key: 'cycleId', fields: ['auth'] },
  ownVotes: { key: 'id', fields: ['vote', 'salt'] },
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

/** Seals any JSON value (undefined stays undefined: an absent optional field stays absent). */
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

function fieldContext(table: string, id: unknown, field: string): string {
  return `levelset:${table}:${String(id)}:${field}`;
}

type Row = Record<string, unknown>;

function mapRow(table: string, row: unknown, map: (value: unknown, context: string) => unknown): unknown {
  const spec = ENCRYPTED_FIELDS[table];
  if (!spec || row === null || typeof row !== 'object') return row;
  const source = row as Row;
  let out: Row | null = null;
  for (const field of spec.fields) {
    if (!(field in source) || source[field] === undefined) continue;
    const next = map(source[field], fieldContext(table, source[spec.key], field));
    if (next === source[field]) continue;
    out ??= { ...source };
    out[field] = next;
  }
  return out ?? row;
}

/**
 * A copy of the row with its listed fields sealed (rows of unlisted tables
 * are returned unchanged). Every value is sealed, even text that happens to
 * start with the envelope prefix: what is written is always plain, so
 * sealing it again is what keeps such text readable.
 */
export function encryptRow<T>(key: Uint8Array, table: string, row: T): T {
  return mapRow(table, row, (value, context) => sealValue(key, value, context)) as T;
}

/** A copy of the row with its sealed fields opened; plain fields pass through. */
export function decryptRow<T>(key: Uint8Array, table: string, row: T): T {
  return mapRow(table, row, (value, context) => openValue(key, value, context)) as T;
}

function listedFields(table: string, row: unknown): unknown[] {
  const spec = ENCRYPTED_FIELDS[table];
  if (!spec || row === null || typeof row !== 'object') return [];
  const source = row as Row;
  return spec.fields.map((field) => source[field]).filter((value) => value !== undefined);
}

/** Whether every listed field of the row that is present is sealed. */
export function isRowSealed(table: string, row: unknown): boolean {
  return listedFields(table, row).every(isSealed);
}

/**
 * Whether a value is a well-formed envelope (prefix, base64, room for nonce
 * and tag): stricter than isSealed, for telling sealed rows from text a user
 * typed when there is no key to try.
 */
export function isWellFormedEnvelope(value: unknown): boolean {
  if (!isSealed(value)) return false;
  const body = value.slice(ENVELOPE_PREFIX.length);
  return isBase64(body) && body.length >= Math.ceil((NONCE_BYTES + TAG_BYTES) / 3) * 4;
}

/** Whether no listed field of the row is a sealed value (a row readable without the key). */
export function isRowPlain(table: string, row: unknown): boolean {
  return !listedFields(table, row).some(isWellFormedEnvelope);
}
