import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LevelsetDatabase } from '../../../renderer/db/database';
import { describeStorageError, installBlockedUpgradeHandler, storageErrorKind, STORAGE_MESSAGES, UPGRADE_MESSAGES, type UpgradeNotice } from '../../../renderer/db/storage-errors';

const named = (name: string, message = 'x') => Object.assign(new Error(message), { name });

describe('describeStorageError', () => {
  it.each([
    ['a plain error named QuotaExceededError', named('QuotaExceededError')],
    ['a DOMException', new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
    ['Dexie.QuotaExceededError', new Dexie.QuotaExceededError('quota')],
    ['an AbortError caused by the quota (Dexie inner)', new Dexie.AbortError('Transaction aborted', named('QuotaExceededError'))],
    ['an AbortError caused by the quota (cause)', Object.assign(named('AbortError'), { cause: new DOMException('full', 'QuotaExceededError') })],
    ['a BulkError with one row over the quota', new Dexie.BulkError('1 of 3 failed', { 2: named('QuotaExceededError') })],
    ['an error that says so in its text', new Error('QuotaExceededError: disk full')],
    ["Firefox's disk-space error", named('UnknownError', 'NS_ERROR_FILE_NO_DEVICE_SPACE')],
    ["Firefox's full localStorage", named('NS_ERROR_DOM_QUOTA_REACHED', 'Persistent storage maximum size reached')],
    ['an AbortError around a DOMException that kept only the legacy quota code', new Dexie.AbortError('Transaction aborted', Object.assign(new Error('aborted'), { name: 'Error', code: 22 }))],
    ['a DOMException AbortError caused by the quota', Object.assign(new DOMException('The transaction was aborted', 'AbortError'), { inner: new DOMException('', 'QuotaExceededError') })],
  ])('says the disk or quota is full for %s', (_label, error) => {
    expect(storageErrorKind(error)).toBe('quota');
    const message = describeStorageError(error);
    expect(message).toBe(STORAGE_MESSAGES.quota);
    expect(message).toBe('The disk is full: Levelset could not save this change. Free some disk space, then try again; what you typed is kept, and nothing already saved was lost.');
    expect(message).not.toMatch(/AbortError|cancelled/);
  });

  it.each([
    ['VersionChangeError', new Dexie.VersionChangeError('blocked')],
    ['an OpenFailedError around a VersionChangeError', new Dexie.OpenFailedError('open failed', new Dexie.VersionChangeError('x'))],
  ])('says another window with an older version blocks the upgrade for %s', (_label, error) => {
    expect(storageErrorKind(error)).toBe('blocked');
    expect(describeStorageError(error)).toMatch(/open in another window with an older version.*Close that window/);
  });

  it('says the data is newer than this window for a VersionError', () => {
    expect(storageErrorKind(new Dexie.VersionError('x'))).toBe('newer-database');
    expect(describeStorageError(new DOMException('lower version', 'VersionError'))).toMatch(/newer version of Levelset.*Reload this window/);
  });

  it('says to reload after the database was closed', () => {
    expect(describeStorageError(new Dexie.DatabaseClosedError('closed'))).toMatch(/closed.*Reload this window/);
  });

  it.each([
    ['AbortError', new Dexie.AbortError('aborted'), 'aborted', /cancelled before it was saved/],
    ['TransactionInactiveError', named('TransactionInactiveError'), 'aborted', /cancelled/],
    ['ConstraintError', new Dexie.ConstraintError('Key already exists'), 'constraint', /same id already exists/],
    ['DataCloneError', new DOMException('could not be cloned', 'DataCloneError'), 'data-clone', /cannot be stored/],
    ['DataError', new Dexie.DataError('invalid key'), 'data', /invalid id/],
    ['ReadOnlyError', new Dexie.ReadOnlyError('readonly'), 'read-only', /read-only/],
    ['TimeoutError', new Dexie.TimeoutError('slow'), 'timeout', /too long/],
    ['MissingAPIError', new Dexie.MissingAPIError('no indexedDB'), 'unavailable', /cannot reach its local storage/],
    ['InvalidStateError', new DOMException('mutation not allowed', 'InvalidStateError'), 'unavailable', /cannot reach/],
  ])('names %s specifically', (_label, error, kind, pattern) => {
    expect(storageErrorKind(error)).toBe(kind);
    expect(describeStorageError(error)).toMatch(pattern);
  });

  it('says what happened for anything else, with the error text', () => {
    expect(storageErrorKind(new Error('The disk exploded'))).toBe('unknown');
    expect(describeStorageError(new Error('The disk exploded'))).toMatch(/could not read or save your data \(The disk exploded\)\. Nothing already saved was lost/);
    expect(describeStorageError('a string')).toMatch(/\(a string\)/);
    expect(describeStorageError(undefined)).toMatch(/\(undefined\)/);
    expect(describeStorageError({ name: 'WeirdError' })).toMatch(/\(WeirdError\)/);
  });

  it('survives a cycle of causes', () => {
    const a = named('Mystery') as Error & { inner?: unknown };
    const b = Object.assign(named('Other'), { cause: a });
    a.inner = b;
    expect(storageErrorKind(a)).toBe('unknown');
  });

  it('loses nothing already saved when a later write hits the quota', async () => {
    const db = new LevelsetDatabase('storage-errors-quota');
    await db.open();
    try {
      await db.meta.put({ key: 'saved-before', value: 1 });
      vi.spyOn(db.meta, 'bulkPut').mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      const error: unknown = await db
        .transaction('rw', db.meta, async () => {
          await db.meta.put({ key: 'in-the-failed-transaction', value: 2 });
          await db.meta.bulkPut([{ key: 'over-quota', value: 3 }]);
        })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(describeStorageError(error)).toBe(STORAGE_MESSAGES.quota);
      expect(await db.meta.toArray()).toEqual([{ key: 'saved-before', value: 1 }]);
    } finally {
      vi.restoreAllMocks();
      await db.delete();
    }
  });
});

describe('installBlockedUpgradeHandler', () => {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  /** What a newer Levelset would declare: today's versions plus one more. */
  function newerLevelset(name: string): Dexie {
    const newer = new LevelsetDatabase(name) as Dexie;
    newer.version(newer.verno + 1).stores({ reports: 'id' });
    return newer;
  }

  it('closes this window’s connection when a newer window upgrades, and asks for a reload', async () => {
    const name = 'storage-errors-versionchange';
    const db = new LevelsetDatabase(name);
    await db.open();
    await db.meta.put({ key: 'kept', value: true });
    const notices: UpgradeNotice[] = [];
    cleanup.push(installBlockedUpgradeHandler(db, (n) => notices.push(n)));

    const newer = newerLevelset(name);
    cleanup.push(() => newer.delete());
    await newer.open();

    expect(notices).toEqual([{ kind: 'versionchange', message: UPGRADE_MESSAGES.versionchange }]);
    expect(db.isOpen()).toBe(false);
    const error: unknown = await db.meta.get('kept').then(
      () => null,
      (e: unknown) => e,
    );
    expect(storageErrorKind(error)).toBe('closed');
    expect(db.isOpen()).toBe(false);
    expect(await newer.table('meta').get('kept')).toEqual({ key: 'kept', value: true });
  });

  it('tells the user when an older window blocks this upgrade, and the upgrade goes on once it closes', async () => {
    const name = 'storage-errors-blocked';
    const seed = new LevelsetDatabase(name);
    await seed.open();
    seed.close();
    // An older window that does not let go on versionchange.
    const older = await new Promise<IDBDatabase>((resolve, reject) => {
      // Dexie stores version n as IndexedDB version n × 10.
      const request = indexedDB.open(name, seed.verno * 10);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const newer = newerLevelset(name);
    cleanup.push(() => newer.delete());
    const notices: UpgradeNotice[] = [];
    cleanup.push(installBlockedUpgradeHandler(newer, (n) => notices.push(n)));

    const opening = newer.open();
    await vi.waitFor(() => expect(notices.map((n) => n.kind)).toContain('blocked'));
    expect(notices.find((n) => n.kind === 'blocked')?.message).toMatch(/open in another window with an older version/);
    older.close();
    await opening;
    expect(newer.verno).toBe(new LevelsetDatabase('verno-probe').verno + 1);
  });

  it('stops notifying once removed', async () => {
    const name = 'storage-errors-uninstall';
    const db = new LevelsetDatabase(name);
    await db.open();
    const notify = vi.fn();
    installBlockedUpgradeHandler(db, notify)();
    const newer = newerLevelset(name);
    cleanup.push(() => newer.delete());
    await newer.open();
    expect(notify).not.toHaveBeenCalled();
  });
});
