/**
 * A view's first read, started before the view mounts (issue 13): at boot
 * beside the page's chunk and the profile read, or when a link is followed.
 * A cold navigation otherwise reads in series (the chunk, the profile gate,
 * the view's first render, its live query, then its rows); the floor reads
 * at once. The view's loader takes the started read instead of starting its
 * own (`takeEarly`), so the rows arrive as soon as the database gives them.
 *
 * Never stale: a write anywhere in the database (this window's or another's,
 * which Dexie reports as `storagemutated`) drops every read started before it,
 * so a loader then reads afresh. A read is taken once; one not taken is
 * dropped at the next write or when a newer read of the same key starts.
 */
import Dexie from 'dexie';
import type { LevelsetDatabase } from './database';

interface Started {
  db: LevelsetDatabase;
  promise: Promise<unknown>;
}

const started = new Map<string, Started>();

let listening = false;
function listen(): void {
  if (listening) return;
  listening = true;
  Dexie.on('storagemutated', () => started.clear());
}

/** Starts `load` now, kept under `key` for the view's loader; a failure is left for the loader, which reads again. */
export function startEarly<T>(db: LevelsetDatabase, key: string, load: () => Promise<T>): void {
  listen();
  const promise = load();
  promise.catch(() => undefined);
  started.set(key, { db, promise });
}

/** The read started under `key` for this database, if no write came since; else `load()` now. */
export function takeEarly<T>(db: LevelsetDatabase, key: string, load: () => Promise<T>): Promise<T> {
  const early = started.get(key);
  started.delete(key);
  if (!early || early.db !== db) return load();
  // A failed early read (the database closed and reopened, say) is not the view's error: read again.
  return (early.promise as Promise<T>).catch(() => load());
}

/**
 * The read started under `key` for this database, if no write came since; else undefined (the caller reads now, or
 * waits for its live query). It may have failed: the caller then reads again.
 */
export function takeStarted<T>(db: LevelsetDatabase, key: string): Promise<T> | undefined {
  const early = started.get(key);
  started.delete(key);
  return early && early.db === db ? (early.promise as Promise<T>) : undefined;
}
