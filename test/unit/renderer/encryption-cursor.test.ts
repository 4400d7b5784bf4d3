/**
 * The middleware's cursor wrapper over a cursor whose getters and methods
 * check their receiver, as the browser's IDBCursor does (fake-indexeddb does
 * not): reading key, primaryKey or value and calling continue must work.
 * With Object.create(cursor) every one threw "Illegal invocation" in
 * Chromium and a blind session's page could not be shown.
 */
import Dexie, { type DBCoreCursor } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openCursor } from '../../../renderer/db/encryption';

class BrandedCursor {
  #row: unknown;
  #steps = 0;
  constructor(row: unknown) {
    this.#row = row;
  }
  get key() {
    return `k${this.#steps}`;
  }
  get primaryKey() {
    return `p${this.#steps}`;
  }
  get value() {
    return this.#row;
  }
  continue() {
    this.#steps++;
  }
}

describe('the encryption middleware over a browser-like cursor', () => {
  it('reads key, primaryKey and value and calls continue on the cursor itself', () => {
    const db = new Dexie('cursor-brand-test');
    const row = { id: 'c1', cycleId: 'y', name: 'Plain Name' };
    const wrapped = openCursor(db, 'candidates', new BrandedCursor(row) as unknown as DBCoreCursor);
    expect(wrapped.value).toEqual(row);
    expect(wrapped.key).toBe('k0');
    wrapped.continue();
    expect(wrapped.primaryKey).toBe('p1');
  });
});
