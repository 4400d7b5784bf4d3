/**
 * Storage errors as messages a user can act on.
 *
 * IndexedDB and Dexie fail with errors named after the DOM spec
 * (QuotaExceededError, VersionError, AbortError...), often wrapped: Dexie
 * puts the browser's error in `inner`, a transaction that aborted because a
 * write hit the quota reports an AbortError around the QuotaExceededError,
 * a bulk write reports a BulkError with one failure per row. So the whole
 * chain is searched, and the most telling cause wins (the quota beats the
 * abort it caused).
 *
 * Every write of several rows runs in one transaction, and an aborted
 * transaction writes nothing, so the messages can say truthfully that what
 * was saved before is still there.
 *
 * `installBlockedUpgradeHandler` covers the other side of an upgrade: this
 * window holding the database open while another window (a newer Levelset)
 * wants to upgrade it, or this window's upgrade waiting for an older one.
 */
import type { Dexie } from 'dexie';

export type StorageErrorKind =
  | 'quota'
  | 'blocked'
  | 'newer-database'
  | 'closed'
  | 'aborted'
  | 'constraint'
  | 'data-clone'
  | 'data'
  | 'read-only'
  | 'timeout'
  | 'unavailable'
  | 'unknown';

const NOTHING_LOST = 'Nothing already saved was lost.';

export const STORAGE_MESSAGES: Readonly<Record<Exclude<StorageErrorKind, 'unknown'>, string>> = {
  quota: 'The disk is full: Levelset could not save this change. Free some disk space, then try again; what you typed is kept, and nothing already saved was lost.',
  blocked: `Levelset is open in another window with an older version, which keeps this one from upgrading your data. Close that window (or reload it), then try again. ${NOTHING_LOST}`,
  'newer-database': `Your data was last opened by a newer version of Levelset than this window runs. Reload this window or update Levelset. ${NOTHING_LOST}`,
  closed: `The database was closed, most likely because Levelset was upgraded in another window. Reload this window to go on. ${NOTHING_LOST}`,
  aborted: `The change was cancelled before it was saved, so none of it was written. ${NOTHING_LOST} Try again.`,
  constraint: `The change was not saved: a record with the same id already exists. ${NOTHING_LOST}`,
  'data-clone': `The change was not saved: it holds data that cannot be stored (a problem in Levelset; please report it). ${NOTHING_LOST}`,
  data: `The change was not saved: a record has a missing or invalid id (a problem in Levelset; please report it). ${NOTHING_LOST}`,
  'read-only': `The change was not saved: it was attempted in a read-only step (a problem in Levelset; please report it). ${NOTHING_LOST}`,
  timeout: `Saving took too long and was stopped, so none of the change was written. ${NOTHING_LOST} Try again.`,
  unavailable: `Levelset cannot reach its local storage (it may be turned off, for example in a private window, or the profile folder is not writable). Nothing could be saved or read.`,
};

/** Error names (DOM and Dexie) mapped to kinds, most telling first. */
const BY_NAME: ReadonlyArray<[StorageErrorKind, readonly string[]]> = [
  // Firefox names a full localStorage NS_ERROR_DOM_QUOTA_REACHED.
  ['quota', ['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']],
  ['newer-database', ['VersionError']],
  ['blocked', ['VersionChangeError', 'BlockedError']],
  ['closed', ['DatabaseClosedError']],
  ['constraint', ['ConstraintError']],
  ['data-clone', ['DataCloneError']],
  ['data', ['DataError']],
  ['read-only', ['ReadOnlyError']],
  ['timeout', ['TimeoutError']],
  ['unavailable', ['MissingAPIError', 'InvalidStateError', 'SecurityError']],
  ['aborted', ['AbortError', 'TransactionInactiveError', 'PrematureCommitError']],
];

/** Messages that mean a full disk even when the name does not say so (Firefox, Chromium's backing store). */
const QUOTA_TEXT = /quota|NS_ERROR_FILE_NO_DEVICE_SPACE|no space left|disk (is )?full|not enough (disk )?space/i;

/** The error and every cause under it: Dexie's `inner`, `cause`, and a BulkError's failures. At most 50, cycles cut. */
function errorChain(error: unknown): unknown[] {
  const out: unknown[] = [];
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && out.length < 50) {
    const e = queue.shift();
    if (e === null || e === undefined || seen.has(e)) continue;
    seen.add(e);
    out.push(e);
    if (typeof e !== 'object') continue;
    const r = e as Record<string, unknown>;
    queue.push(r.inner, r.cause);
    if (Array.isArray(r.failures)) queue.push(...(r.failures as unknown[]));
    else if (r.failuresByPos && typeof r.failuresByPos === 'object') queue.push(...Object.values(r.failuresByPos as object));
  }
  return out;
}

function nameOf(e: unknown): string {
  if (typeof e !== 'object' || e === null) return '';
  const name = (e as { name?: unknown }).name;
  return typeof name === 'string' ? name : '';
}

/** DOMException's legacy code for a full quota (QUOTA_EXCEEDED_ERR), kept by errors that lost their name on the way (structured clone, older engines). */
const QUOTA_EXCEEDED_CODE = 22;

function isQuotaCode(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === QUOTA_EXCEEDED_CODE && nameOf(e) !== 'ConstraintError';
}

/**
 * What to say when a save of typed text failed: the storage failure in
 * words when it is one (a full disk, a closed database), else the error's
 * own message (a validation refusal is already a sentence).
 */
export function saveFailureMessage(error: unknown): string {
  if (storageErrorKind(error) !== 'unknown') return describeStorageError(error);
  return textOf(error).trim() || describeStorageError(error);
}

function textOf(e: unknown): string {
  if (typeof e === 'string') return e;
  if (typeof e !== 'object' || e === null) return '';
  const message = (e as { message?: unknown }).message;
  return typeof message === 'string' ? message : '';
}

/** What kind of storage failure an error is, searching its whole chain of causes. */
export function storageErrorKind(error: unknown): StorageErrorKind {
  const chain = errorChain(error);
  const names = new Set(chain.map(nameOf));
  for (const [kind, list] of BY_NAME) {
    if (kind === 'quota' && (list.some((n) => names.has(n)) || chain.some((e) => isQuotaCode(e) || QUOTA_TEXT.test(textOf(e))))) return 'quota';
    if (kind !== 'quota' && list.some((n) => names.has(n))) return kind;
  }
  return 'unknown';
}

/** A message for the user about a failed read or write, naming what to do. */
export function describeStorageError(error: unknown): string {
  const kind = storageErrorKind(error);
  if (kind !== 'unknown') return STORAGE_MESSAGES[kind];
  const detail = textOf(error).trim() || nameOf(error) || (typeof error === 'string' ? error : String(error));
  return `Levelset could not read or save your data (${detail.slice(0, 300)}). ${NOTHING_LOST} Try again; if it keeps happening, export a backup and restart Levelset.`;
}

export interface UpgradeNotice {
  /**
   * `blocked`: this window wants to upgrade the database and another window
   * (an older Levelset) keeps it open. `versionchange`: another window wants
   * to upgrade or delete the database; this window has closed its connection
   * so it can, and must be reloaded.
   */
  kind: 'blocked' | 'versionchange';
  message: string;
}

export const UPGRADE_MESSAGES: Readonly<Record<UpgradeNotice['kind'], string>> = {
  blocked: STORAGE_MESSAGES.blocked,
  versionchange: `Levelset was updated in another window and needs to upgrade your data. This window has let go of the database so the upgrade can go ahead; reload it to go on. ${NOTHING_LOST}`,
};

/**
 * Tells the user when an upgrade is held up, in either direction:
 * - `blocked` fires on this connection while its upgrade waits for another
 *   window still holding an older version open;
 * - `versionchange` fires when another window wants a newer version (or to
 *   delete the database): this connection closes, for good, so the upgrade
 *   can proceed and this window does not go on writing rows in an old shape;
 *   later reads and writes fail with DatabaseClosedError, which
 *   `describeStorageError` turns into "reload this window".
 * Returns a function that removes both handlers.
 */
export function installBlockedUpgradeHandler(db: Dexie, notify: (notice: UpgradeNotice) => void): () => void {
  const onBlocked = () => {
    notify({ kind: 'blocked', message: UPGRADE_MESSAGES.blocked });
  };
  const onVersionChange = () => {
    db.close();
    notify({ kind: 'versionchange', message: UPGRADE_MESSAGES.versionchange });
    // Dexie runs the newest subscriber first; false stops its default one,
    // which would close with auto-reopen and let this window go on writing
    // old-shaped rows into the upgraded database.
    return false;
  };
  db.on('blocked', onBlocked);
  db.on('versionchange', onVersionChange);
  return () => {
    db.on('blocked').unsubscribe(onBlocked);
    db.on('versionchange').unsubscribe(onVersionChange);
  };
}
