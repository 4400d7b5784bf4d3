/**
 * An import's audit entry, prepared in the import worker while the page
 * writes the rows (issue 13). The entry recording a 1,000-candidate import
 * carries about 12,000 rows (~23 MB of canonical JSON): writing that text,
 * hashing it with pure-JS SHA-256 and parsing it back took the page 1.5–2.5 s
 * of a ~12 s import. None of it depends on where the entry goes in the chain:
 * canonical JSON sorts keys, so an entry's hashed text is
 *
 *   {"action":…,"actor":…,"after":…,"at":…,"before":…,"changes":{"reset":…,"rows":[ ROWS ]},"deviceId":…,…,"prevHash":…,"seq":…}
 *
 * and everything before ROWS is known before the write (who, when, what);
 * the chain link (device, sequence, previous hash) comes after. So the worker
 * feeds SHA-256 the text up to and including the rows and hands over the
 * hash's state; the page, inside the write's transaction, checks that the
 * text before the rows is still exactly what the worker hashed, feeds the
 * few hundred characters after them, and has the same hash as
 * appendChangeEntries would compute (the tests compare the two). Anything
 * that differs (the clock went back and the entry is dated later, another
 * actor, other rows) and the page computes the entry itself as before.
 *
 * The stored rows are the written rows themselves, not their canonical text
 * parsed back: `prepareChange` accepts only rows that are plain JSON data
 * (which parse back equal), and refuses otherwise.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { AuditEntry, RowChange } from '../domain/audit';
import { canonicalJson, toHex } from '../exchange/canonical-json';
import { asJsonData, hashedContent, partBounds, unsignedEntry, type AuditEntryInput, type ChainLink } from './hash-chain';

/** SHA-256 part-way through a message: what the worker hands the page. */
export interface HashState {
  words: number[];
  length: number;
  pos: number;
  buffer: Uint8Array;
}

export interface PreparedPart {
  id: string;
  /** The rows of the change this part holds: [from, to). */
  from: number;
  to: number;
  /** The hashed text before the rows, which the page checks. */
  prefix: string;
  /** SHA-256 after the prefix and the rows' text. */
  state: HashState;
}

export interface PreparedChange {
  id: string;
  /** `table\u0000id` of each row in order, so the page checks it records the same rows. */
  keys: string[];
  parts: PreparedPart[];
}

/** What the worker knows of the entry: all but the chain link (device, sequence, previous hash). */
export type PrepareInput = Omit<AuditEntryInput, 'deviceId' | 'part' | 'changes'> & { changes: { reset: boolean; rows: RowChange[] } };

type Sha = ReturnType<typeof sha256.create> & { get(): number[]; set(...words: number[]): void; length: number; pos: number; buffer: Uint8Array };

function saveState(hasher: Sha): HashState {
  return { words: [...hasher.get()], length: hasher.length, pos: hasher.pos, buffer: hasher.buffer.slice() };
}

function restoreState(state: HashState): Sha {
  const hasher = sha256.create() as Sha;
  hasher.set(...state.words);
  hasher.length = state.length;
  hasher.pos = state.pos;
  hasher.buffer.set(state.buffer);
  return hasher;
}

/** Whether `value` is JSON data that parses back from its canonical JSON equal (plain objects and arrays, no undefined, no -0). */
export function isJsonData(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !isJsonData(value[i], depth + 1)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key of Object.keys(value)) if (!isJsonData((value as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}

/** The inputs of the entries recording one change, as appendChangeEntries cuts them (one entry, or its parts). */
function partInputs(input: AuditEntryInput & { changes: { reset: boolean; rows: RowChange[] } }, bounds: Array<[number, number]>, partIds: readonly string[]): AuditEntryInput[] {
  if (bounds.length === 1) return [{ ...input, changes: { ...input.changes, rows: [] } }];
  return bounds.map((_, index) => {
    const first = index === 0;
    return {
      ...input,
      id: first ? input.id : (partIds[index] as string),
      before: first ? input.before : null,
      after: first ? input.after : null,
      changes: { reset: first && input.changes.reset, rows: [] },
      part: { index: index + 1, count: bounds.length },
    };
  });
}

/** The entry's hashed text before and after its rows, or null when the rows cannot be cut out cleanly. */
function around(prev: ChainLink | null, input: AuditEntryInput): { head: Omit<AuditEntry, 'hash'>; prefix: string; suffix: string } | null {
  const { changes, ...rest } = input;
  const head = unsignedEntry(prev, rest);
  const marker = `\u0000rows-${input.id}\u0000`;
  const text = hashedContent({ ...head, changes: { ...changes, rows: marker } as unknown as AuditEntry['changes'] });
  const quoted = JSON.stringify(marker);
  const at = text.indexOf(quoted);
  if (at < 0 || text.indexOf(quoted, at + 1) >= 0) return null;
  return { head, prefix: `${text.slice(0, at)}[`, suffix: `]${text.slice(at + quoted.length)}` };
}

/**
 * In the worker: the entries' text up to the end of their rows, hashed.
 * Null when there is nothing to gain (one row) or the rows are not plain
 * JSON data. `partId(i)` names part i (1-based, from 2), as appendChangeEntries.
 */
export function prepareChange(input: PrepareInput, partId: (index: number) => string): PreparedChange | null {
  const rows = input.changes.rows;
  if (rows.length <= 1 || !rows.every((row) => isJsonData(row))) return null;
  const texts = rows.map((row) => canonicalJson(row));
  const bounds = partBounds(texts);
  const ids = bounds.map((_, i) => (i === 0 ? input.id : partId(i + 1)));
  // The chain link sorts after the rows, so any stands in for the real one here; the page checks the prefix.
  const inputs = partInputs({ ...input, deviceId: 'prepared' }, bounds, ids);
  const encoder = new TextEncoder();
  const parts: PreparedPart[] = [];
  for (const [index, [from, to]] of bounds.entries()) {
    const cut = around(null, inputs[index]!);
    if (!cut) return null;
    const hasher = sha256.create() as Sha;
    hasher.update(encoder.encode(cut.prefix));
    for (let i = from; i < to; i++) hasher.update(encoder.encode(i > from ? `,${texts[i]}` : (texts[i] as string)));
    parts.push({ id: ids[index]!, from, to, prefix: cut.prefix, state: saveState(hasher) });
  }
  return { id: input.id, keys: rows.map((r) => `${r.table}\u0000${r.id}`), parts };
}

/**
 * On the page, inside the write's transaction: the entries recording the
 * change `input` after `prev`, finished from `prepared` — exactly what
 * appendChangeEntries returns for them — or null when `prepared` is not
 * about this entry (then the caller computes it).
 */
export function finishPreparedChange(prev: ChainLink | null, input: AuditEntryInput, prepared: PreparedChange): AuditEntry[] | null {
  const changes = input.changes;
  if (!changes || input.part || input.id !== prepared.id || changes.rows.length !== prepared.keys.length) return null;
  for (let i = 0; i < changes.rows.length; i++) {
    const row = changes.rows[i]!;
    if (`${row.table}\u0000${row.id}` !== prepared.keys[i]) return null;
  }
  const bounds = prepared.parts.map((p): [number, number] => [p.from, p.to]);
  const inputs = partInputs({ ...input, changes }, bounds, prepared.parts.map((p) => p.id));
  const encoder = new TextEncoder();
  const out: AuditEntry[] = [];
  let last = prev;
  for (const [index, part] of prepared.parts.entries()) {
    const cut = around(last, inputs[index]!);
    if (!cut || cut.prefix !== part.prefix) return null;
    const hasher = restoreState(part.state);
    hasher.update(encoder.encode(cut.suffix));
    const { prevHash, ...fields } = cut.head;
    const stored = { ...(asJsonData({ ...inputs[index]!.changes, rows: [] }) as NonNullable<AuditEntry['changes']>), rows: changes.rows.slice(part.from, part.to) };
    const entry: AuditEntry = { ...fields, changes: stored, prevHash, hash: toHex(hasher.digest()) };
    out.push(entry);
    last = entry;
  }
  return out;
}
