/**
 * Encryption at rest for the desktop app: one Dexie DBCore middleware seals
 * the fields listed in shared/crypto/field-crypto.ts on every write and opens
 * them on every read, so nothing above it (the write path, hooks, the audit
 * chain, liveQuery's cache) ever sees ciphertext.
 *
 * It sits below every Dexie middleware (level -2; Dexie's own run at -1 to
 * 2), so the observability and cache layers work on plain rows, and it is
 * synchronous: it runs inside IndexedDB transactions, where an awaited
 * WebCrypto call would let the transaction commit half-way.
 *
 * The state is per database object and must be set before the database
 * opens (renderer/db/unlock.ts unlockDatabase): off in a browser (the app
 * says so in About → Data), on with the per-install key on the desktop, or
 * locked when the desktop has a key it cannot unseal, in which case writes
 * are refused rather than mixing plain rows into an encrypted database.
 */
import type Dexie from 'dexie';
import type { DBCore, DBCoreCursor, DBCoreMutateRequest, DBCoreTable } from 'dexie';
import { DecryptionError, decryptRow, encryptRow, isRowPlain } from '../../shared/crypto/field-crypto';

/** Off: not encrypted by the app, with why when it is not simply a browser. */
export type EncryptionState = { mode: 'off'; reason?: string } | { mode: 'on'; key: Uint8Array } | { mode: 'locked'; reason: string };

const states = new WeakMap<Dexie, EncryptionState>();

export class DataLockedError extends Error {
  constructor(reason: string) {
    super(`Your data is encrypted and cannot be opened: ${reason}`);
    this.name = 'DataLockedError';
  }
}

export function encryptionState(db: Dexie): EncryptionState {
  return states.get(db) ?? { mode: 'off' };
}

/** Sets how `db` stores its fields. Only before it opens: a database is never half sealed by a key arriving late. */
export function setEncryption(db: Dexie, state: EncryptionState): void {
  if (db.isOpen()) throw new Error('The encryption key must be set before the database opens.');
  states.set(db, state);
}

const NO_KEY = 'it was sealed by the Levelset desktop app, and this window has no key to open it.';

/** Without the key a sealed row is refused, never shown (or printed) as ciphertext. */
function openRow(db: Dexie, table: string, row: unknown): unknown {
  const state = encryptionState(db);
  if (state.mode === 'on') return decryptRow(state.key, table, row);
  if (!isRowPlain(table, row)) throw new DataLockedError(state.mode === 'locked' ? state.reason : NO_KEY);
  return row;
}

function openRows(db: Dexie, table: string, rows: readonly unknown[]): unknown[] {
  return rows.map((row) => openRow(db, table, row));
}

function sealRequest(db: Dexie, table: string, req: DBCoreMutateRequest): DBCoreMutateRequest {
  if (req.type !== 'add' && req.type !== 'put') return req;
  const state = encryptionState(db);
  if (state.mode === 'off') return req;
  if (state.mode === 'locked') throw new DataLockedError(state.reason);
  const key = state.key;
  return { ...req, values: req.values.map((row: unknown) => encryptRow(key, table, row)) };
}

/** A cursor whose `value` is opened (once per position: IndexedDB hands the same object until the cursor moves). */
export function openCursor(db: Dexie, table: string, cursor: DBCoreCursor): DBCoreCursor {
  let raw: unknown = undefined;
  let opened: unknown = undefined;
  // A Proxy, not Object.create(cursor): at this level the cursor is the browser's own IDBCursor (with
  // Dexie's additions), whose getters and methods throw "Illegal invocation" when called on another
  // object. Everything but `value` is read from, and bound to, the cursor itself. (fake-indexeddb does
  // not check, so only the browser tests saw it.)
  return new Proxy(cursor, {
    get(target, prop) {
      if (prop === 'value') {
        const current: unknown = target.value;
        if (current !== raw) {
          raw = current;
          opened = openRow(db, table, current);
        }
        return opened;
      }
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...args: unknown[]) => unknown).bind(target) : v;
    },
  });
}

function encryptingTable(db: Dexie, down: DBCoreTable): DBCoreTable {
  const name = down.name;
  return {
    ...down,
    mutate: (req) => {
      try {
        return down.mutate(sealRequest(db, name, req));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    get: (req) => down.get(req).then((row: unknown) => (row === undefined ? row : openRow(db, name, row))),
    getMany: (req) => down.getMany(req).then((rows: unknown[]) => rows.map((row) => (row === undefined ? row : openRow(db, name, row)))),
    query: (req) => (req.values === false ? down.query(req) : down.query(req).then((res) => ({ ...res, result: openRows(db, name, res.result) }))),
    openCursor: (req) => down.openCursor(req).then((cursor) => (cursor && req.values !== false ? openCursor(db, name, cursor) : cursor)),
  };
}

/** Registers the middleware on a database object; what it does is set later with setEncryption. */
export function installEncryption(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'LevelsetEncryption',
    level: -2,
    create: (down: DBCore) => ({ ...down, table: (name: string) => encryptingTable(db, down.table(name)) }),
  });
}

/** What the app says about encryption at rest (never the key). */
export function encryptionSummary(db: Dexie): { mode: EncryptionState['mode']; reason?: string } {
  const state = encryptionState(db);
  return state.mode === 'on' ? { mode: 'on' } : state;
}

/** Whether an error is a sealed value that would not open (shown to the user as such, never as raw text). */
export function isDecryptionError(error: unknown): boolean {
  return error instanceof DecryptionError || error instanceof DataLockedError;
}
