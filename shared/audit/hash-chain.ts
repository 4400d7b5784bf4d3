/**
 * The audit trail's hash chain: tamper-evident and append-only.
 *
 * Each device keeps its own chain (device id, sequence number from 0,
 * previous hash), so logs from several machines merge and every chain still
 * verifies on its own. An entry's hash is the SHA-256 of the canonical JSON
 * (sorted keys, see exchange/canonical-json.ts) of every field except the
 * hash itself — prevHash included — so:
 * - editing any field of an entry breaks its hash ("hash-mismatch");
 * - deleting an entry leaves a hole in the sequence ("sequence-gap"), or,
 *   if the later entries were renumbered, breaks their hashes;
 * - replacing or re-hashing an entry breaks the next entry's link
 *   ("prev-hash-mismatch");
 * - an entry from another device in the chain is "wrong-device".
 * Tamper-evident, not tamper-proof: someone who rewrites the whole tail
 * consistently is caught only by comparing with another copy (a bundle, a
 * backup), which is why the chain travels with exports.
 *
 * `before` and `after` must be JSON data (ISO strings, not Date objects):
 * `appendEntry` stores them as their canonical JSON parsed back, so what is
 * stored is exactly what was hashed and survives any storage round trip.
 */
import type { AuditEntry, RowChange } from '../domain/audit';
import { sha256 } from '@noble/hashes/sha2.js';
import { canonicalJson, sameDigest, sha256Hex, toHex } from '../exchange/canonical-json';

export type AuditEntryInput = Pick<AuditEntry, 'id' | 'deviceId' | 'actor' | 'entityType' | 'entityId' | 'action' | 'at'> & {
  before?: unknown;
  after?: unknown;
  changes?: AuditEntry['changes'];
  part?: AuditEntry['part'];
};

/**
 * What the next entry of a chain needs of the entry before it: its device,
 * sequence and hash. The write path reads just these from an index's keys,
 * never the entry itself (whose `changes` may hold an import's rows).
 */
export type ChainLink = Pick<AuditEntry, 'deviceId' | 'seq' | 'hash'>;

export type ChainBreakReason = 'hash-mismatch' | 'prev-hash-mismatch' | 'sequence-gap' | 'wrong-device';

export type ChainVerification = { ok: true; count: number } | { ok: false; brokenAt: { seq: number; id: string; reason: ChainBreakReason } };

/** JSON data as stored: the canonical form parsed back (undefined → null). */
export function asJsonData(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(canonicalJson(value)) as unknown);
}

/** What an entry's hash covers: every field but `hash`, in canonical JSON (exported for prepared-change.ts). */
export function hashedContent(entry: Omit<AuditEntry, 'hash'> & { hash?: string }): string {
  // `changes` and `part` are left out when absent, so entries written before
  // the trail recorded rows (or cut large changes into parts) keep the hash
  // they were written with.
  return canonicalJson({
    changes: entry.changes,
    part: entry.part,
    id: entry.id,
    deviceId: entry.deviceId,
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    before: entry.before ?? null,
    after: entry.after ?? null,
    prevHash: entry.prevHash,
  });
}

/** The hash of an entry: SHA-256 over the canonical JSON of every field but `hash`. */
export async function entryHash(entry: Omit<AuditEntry, 'hash'> & { hash?: string }): Promise<string> {
  return sha256Hex(hashedContent(entry));
}

/**
 * The same hash, computed synchronously (pure-JS SHA-256). IndexedDB commits
 * a transaction as soon as it waits on anything that is not a database
 * request, so an entry appended inside the transaction that writes the
 * change it records must be hashed without WebCrypto's promises.
 */
export function entryHashSync(entry: Omit<AuditEntry, 'hash'> & { hash?: string }): string {
  return toHex(sha256(new TextEncoder().encode(hashedContent(entry))));
}

/** Thrown when an entry would be appended to another device's chain. */
export class AuditChainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditChainError';
  }
}

/** The entry but its hash (exported for prepared-change.ts). */
export function unsignedEntry(prev: ChainLink | null, input: AuditEntryInput): Omit<AuditEntry, 'hash'> {
  if (prev && prev.deviceId !== input.deviceId) {
    throw new AuditChainError(`cannot append an entry of device ${input.deviceId} to the chain of device ${prev.deviceId}`);
  }
  return {
    id: input.id,
    deviceId: input.deviceId,
    seq: prev ? prev.seq + 1 : 0,
    at: input.at,
    actor: input.actor,
    entityType: input.entityType,
    entityId: input.entityId,
    action: input.action,
    before: asJsonData(input.before),
    after: asJsonData(input.after),
    ...(input.changes ? { changes: asJsonData(input.changes) as AuditEntry['changes'] } : {}),
    ...(input.part ? { part: { index: input.part.index, count: input.part.count } } : {}),
    prevHash: prev ? prev.hash : '',
  };
}

/**
 * The next entry of a device's chain: seq = prev.seq + 1 (0 for the first),
 * prevHash = prev.hash ("" for the first), hash over everything else.
 */
export async function appendEntry(prev: ChainLink | null, input: AuditEntryInput): Promise<AuditEntry> {
  const unsigned = unsignedEntry(prev, input);
  return { ...unsigned, hash: await entryHash(unsigned) };
}

/** `appendEntry` for use inside a database transaction (see entryHashSync). */
export function appendEntrySync(prev: ChainLink | null, input: AuditEntryInput): AuditEntry {
  const unsigned = unsignedEntry(prev, input);
  return { ...unsigned, hash: entryHashSync(unsigned) };
}

/** At most this many rows are canonicalised and hashed between two pauses of `appendEntryInSlices`. */
export const ENTRY_SLICE_ROWS = 400;
/**
 * A slice also ends once its canonical text reaches this many characters:
 * an import's rows are ~1.7 KB each, so 400 of them were ~0.7 MB of
 * canonical JSON and pure-JS SHA-256, a 200+ ms task (issue 13). About
 * 128 K characters is tens of milliseconds.
 */
export const ENTRY_SLICE_CHARS = 128 * 1024;

/** Canonical texts of `rows`, computed in slices with `pause()` awaited between them. */
async function rowTexts(rows: readonly RowChange[], pause: () => Promise<unknown>): Promise<string[]> {
  const texts: string[] = [];
  let count = 0;
  let chars = 0;
  for (const row of rows) {
    const text = canonicalJson(row);
    texts.push(text);
    chars += text.length;
    if (++count >= ENTRY_SLICE_ROWS || chars >= ENTRY_SLICE_CHARS) {
      count = 0;
      chars = 0;
      if (texts.length < rows.length) await pause();
    }
  }
  return texts;
}

/**
 * Signs `input`, whose `changes.rows` have the canonical texts `texts`,
 * hashing and storing the rows slice by slice. The result is exactly
 * `appendEntrySync`'s — same stored `changes`, same hash — because the
 * canonical text of the entry is the text around `changes.rows` followed
 * piece by piece: canonical JSON of an array is its items' canonical texts
 * joined by commas, and SHA-256 is fed the same bytes in order.
 */
async function signWithTexts(prev: ChainLink | null, input: AuditEntryInput, texts: readonly string[], pause: () => Promise<unknown>): Promise<AuditEntry> {
  const { changes, ...rest } = input;
  if (!changes) return appendEntrySync(prev, input);
  // The entry without its rows; a marker stands where the rows' text goes.
  const head = unsignedEntry(prev, rest);
  const marker = `\u0000rows-${input.id}\u0000`;
  const around = hashedContent({ ...head, changes: { ...changes, rows: marker } as unknown as AuditEntry['changes'] });
  const quoted = JSON.stringify(marker);
  const at = around.indexOf(quoted);
  // The marker cannot be cut out cleanly (some field holds the same text): hash in one go.
  if (at < 0 || around.indexOf(quoted, at + 1) >= 0) return appendEntrySync(prev, input);
  const hasher = sha256.create();
  const encoder = new TextEncoder();
  hasher.update(encoder.encode(`${around.slice(0, at)}[`));
  const stored: RowChange[] = [];
  let start = 0;
  let chars = 0;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] as string;
    // A row change is JSON data: its canonical text parsed back is what the whole `changes` parsed back holds.
    stored.push(JSON.parse(text) as RowChange);
    chars += text.length;
    const end = i + 1;
    if (end - start >= ENTRY_SLICE_ROWS || chars >= ENTRY_SLICE_CHARS || end === texts.length) {
      hasher.update(encoder.encode(`${start > 0 ? ',' : ''}${texts.slice(start, end).join(',')}`));
      start = end;
      chars = 0;
      if (end < texts.length) await pause();
    }
  }
  hasher.update(encoder.encode(`]${around.slice(at + quoted.length)}`));
  const { prevHash, ...fields } = head;
  const storedChanges = { ...(asJsonData({ ...changes, rows: [] }) as NonNullable<AuditEntry['changes']>), rows: stored };
  return { ...fields, changes: storedChanges, prevHash, hash: toHex(hasher.digest()) };
}

/**
 * `appendEntrySync` for an entry carrying many rows (a large import or
 * restore), cut into slices with `pause()` awaited between them, so no
 * single task of the main thread holds all of the canonical JSON and the
 * hashing. A slice ends at ENTRY_SLICE_ROWS rows or once its text reaches
 * ENTRY_SLICE_CHARS (a few large rows are cut as well as many small ones).
 * The caller's pause must keep its IndexedDB transaction alive (a cheap
 * request on the same transaction, not a timer).
 *
 * The result is exactly `appendEntrySync`'s (see signWithTexts), so
 * existing trails verify unchanged.
 */
export async function appendEntryInSlices(prev: ChainLink | null, input: AuditEntryInput, pause: () => Promise<unknown>): Promise<AuditEntry> {
  const rows = input.changes?.rows ?? [];
  // One row cannot be cut; nothing to gain over hashing in one go.
  if (!input.changes || rows.length <= 1) return appendEntrySync(prev, input);
  return signWithTexts(prev, input, await rowTexts(rows, pause), pause);
}

/**
 * A change's rows beyond about this many characters of canonical text go
 * into further entries (parts). Storing an entry is one structured clone
 * (and, on the desktop, one sealing) on the main thread: a 3,000-candidate
 * import's single ~20 MB entry was a 237 ms task (issue 12). About 1 MB is
 * a few milliseconds.
 */
export const ENTRY_PART_CHARS = 1024 * 1024;

/**
 * The entries recording one change: one, or — when its rows' canonical text
 * exceeds ENTRY_PART_CHARS — several consecutive entries of the chain, each
 * with `part: { index, count }` and a slice of the rows in order. Replaying
 * the parts in trail order applies exactly the rows of the whole change:
 * only the first part carries `reset`, `before` and `after`. The caller
 * writes them all in the transaction that made the change, so a change is
 * never recorded in part. `partId(i)` names part i (1-based, from 2).
 */
export async function appendChangeEntries(
  prev: ChainLink | null,
  input: AuditEntryInput,
  pause: () => Promise<unknown>,
  partId: (index: number) => string,
): Promise<AuditEntry[]> {
  const rows = input.changes?.rows ?? [];
  if (!input.changes || rows.length <= 1) return [appendEntrySync(prev, input)];
  const texts = await rowTexts(rows, pause);
  const bounds = partBounds(texts);
  if (bounds.length === 1) return [await signWithTexts(prev, input, texts, pause)];
  const out: AuditEntry[] = [];
  let last: ChainLink | null = prev;
  for (const [index, [from, to]] of bounds.entries()) {
    const first = index === 0;
    const part: AuditEntryInput = {
      ...input,
      id: first ? input.id : partId(index + 1),
      before: first ? input.before : null,
      after: first ? input.after : null,
      changes: { reset: first && input.changes.reset, rows: rows.slice(from, to) },
      part: { index: index + 1, count: bounds.length },
    };
    const entry = await signWithTexts(last, part, texts.slice(from, to), pause);
    out.push(entry);
    last = entry;
    if (index < bounds.length - 1) await pause();
  }
  return out;
}

/** Where a change whose rows have the canonical texts `texts` is cut into parts: [from, to) row ranges. */
export function partBounds(texts: readonly string[]): Array<[number, number]> {
  const bounds: Array<[number, number]> = [];
  let start = 0;
  let chars = 0;
  texts.forEach((text, i) => {
    if (i > start && chars + text.length > ENTRY_PART_CHARS) {
      bounds.push([start, i]);
      start = i;
      chars = 0;
    }
    chars += text.length;
  });
  bounds.push([start, texts.length]);
  return bounds;
}

/** Appends several entries in order after `prev`; returns the new entries. */
export async function appendEntries(prev: AuditEntry | null, inputs: readonly AuditEntryInput[]): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  let last = prev;
  for (const input of inputs) {
    last = await appendEntry(last, input);
    out.push(last);
  }
  return out;
}

/**
 * Verifies one device's chain. Entries may come in any order (they are
 * sorted by seq); the chain must start at seq 0 and every entry must belong
 * to `deviceId` (default: the device of the lowest-seq entry). Reports the
 * first break in sequence order; per entry the checks run device, sequence,
 * own hash, link to the previous entry.
 */
export async function verifyChain(entries: readonly AuditEntry[], deviceId?: string): Promise<ChainVerification> {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  const first = sorted[0];
  if (!first) return { ok: true, count: 0 };
  const device = deviceId ?? first.deviceId;
  // Hash everything at once; WebCrypto digests run concurrently.
  const hashes = await Promise.all(sorted.map((e) => entryHash(e)));
  for (let i = 0; i < sorted.length; i++) {
    const entry = sorted[i] as AuditEntry;
    const prev = i === 0 ? null : (sorted[i - 1] as AuditEntry);
    const at = { seq: entry.seq, id: entry.id };
    if (entry.deviceId !== device) return { ok: false, brokenAt: { ...at, reason: 'wrong-device' } };
    if (entry.seq !== (prev ? prev.seq + 1 : 0)) return { ok: false, brokenAt: { ...at, reason: 'sequence-gap' } };
    if (typeof entry.hash !== 'string' || !sameDigest(entry.hash, hashes[i] as string)) return { ok: false, brokenAt: { ...at, reason: 'hash-mismatch' } };
    if (typeof entry.prevHash !== 'string' || !sameDigest(entry.prevHash, prev ? prev.hash : '')) return { ok: false, brokenAt: { ...at, reason: 'prev-hash-mismatch' } };
  }
  return { ok: true, count: sorted.length };
}

export interface AllChainsVerification {
  ok: boolean;
  /** One result per device, sorted by device id. */
  devices: { deviceId: string; result: ChainVerification }[];
}

/** Verifies every device's chain on its own (entries grouped by device id). */
export async function verifyAll(entries: readonly AuditEntry[]): Promise<AllChainsVerification> {
  const byDevice = new Map<string, AuditEntry[]>();
  for (const e of entries) {
    let list = byDevice.get(e.deviceId);
    if (!list) byDevice.set(e.deviceId, (list = []));
    list.push(e);
  }
  const ids = [...byDevice.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const devices = await Promise.all(ids.map(async (deviceId) => ({ deviceId, result: await verifyChain(byDevice.get(deviceId) ?? [], deviceId) })));
  return { ok: devices.every((d) => d.result.ok), devices };
}
