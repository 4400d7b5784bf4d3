/**
 * A read kept current by a cheap live query instead of being one. Dexie's
 * live query observes what its querier read, and for an index range read
 * with its rows it records the primary key of every row returned (an
 * interval tree insert each): for a 1,000-candidate session's 42,000 rows
 * some 180 ms of CPU on a quiet machine, on every load. Here the live query
 * only watches (`watch` reads a row or so of each range, which observes the
 * whole range), and each time it runs (at first and after any write to what
 * it watches) the rows are read with `load`, outside the live query.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';

/**
 * The result of `load`, re-read whenever what `watch` observes changes;
 * undefined until the first read arrives. `key` names what is read (null:
 * nothing); a new key keeps the last result until its own read arrives.
 * A failed read is thrown while rendering, as useLiveQuery's are.
 */
export function useWatchedRead<T>(key: string | null, watch: () => Promise<unknown>, load: () => Promise<T>): T | undefined {
  // A fresh object each time the watcher runs: the read below follows it.
  const run = useLiveQuery(async () => (key === null ? undefined : (await watch(), {})), [key]);
  // The latest loader (it closes over the latest row), set before the read below runs.
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const [state, setState] = useState<{ value: T } | { error: unknown } | undefined>(undefined);
  useEffect(() => {
    if (run === undefined) return;
    let stale = false;
    loadRef.current().then(
      (value) => !stale && setState({ value }),
      (error: unknown) => !stale && setState({ error }),
    );
    return () => {
      stale = true;
    };
  }, [run]);
  if (state && 'error' in state) throw state.error;
  return state?.value;
}
