/**
 * Counts IndexedDB requests (fake-indexeddb): every get, getAll, count and
 * cursor open or step, per object store. The shape of a read, not its time:
 * a bulkGet of n keys or an anyOf cursor over n keys costs n requests, an
 * indexed getAll costs one.
 */
type Counts = Map<string, number>;

const METHODS: [object, string[]][] = [
  [IDBObjectStore.prototype, ['get', 'getKey', 'getAll', 'getAllKeys', 'count', 'openCursor', 'openKeyCursor']],
  [IDBIndex.prototype, ['get', 'getKey', 'getAll', 'getAllKeys', 'count', 'openCursor', 'openKeyCursor']],
  [IDBCursor.prototype, ['continue', 'continuePrimaryKey', 'advance']],
];

function storeOf(target: unknown): string {
  if (target instanceof IDBObjectStore) return target.name;
  if (target instanceof IDBIndex) return target.objectStore.name;
  if (target instanceof IDBCursor) return storeOf(target.source);
  return '?';
}

/** Starts counting; the returned function stops and gives the counts by store (by `method store` with `byMethod`). */
export function countRequests(options: { byMethod?: boolean } = {}): () => Counts {
  const counts: Counts = new Map();
  const restore: (() => void)[] = [];
  for (const [proto, names] of METHODS) {
    for (const name of names) {
      const original = (proto as Record<string, unknown>)[name] as ((...args: unknown[]) => unknown) | undefined;
      if (typeof original !== 'function') continue;
      (proto as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
        const store = options.byMethod ? `${name} ${storeOf(this)}` : storeOf(this);
        counts.set(store, (counts.get(store) ?? 0) + 1);
        return original.apply(this, args);
      };
      restore.push(() => ((proto as Record<string, unknown>)[name] = original));
    }
  }
  return () => {
    for (const r of restore) r();
    return counts;
  };
}

export function total(counts: Counts): number {
  return [...counts.values()].reduce((a, b) => a + b, 0);
}
