/**
 * A read kept current by a cheap live query instead of being one. Dexie's
 * live query observes what its querier read, and for an index range read
 * with its rows it records the primary key of every row returned (an
 * interval tree insert each): for a 1,000-candidate session's 42,000 rows
 * some 180 ms of CPU on a quiet machine, on every load. Here the live query
 * only watches (`watch` reads a row or so of each range, which observes the
 * whole range), and after any write to what it watches the rows are read
 * again with `load`, outside the live query.
 *
 * The first read of a key starts at once, beside its watch, not after it:
 * `load` then mostly takes the rows the route already read (early-read.ts),
 * and waiting for the watch put them behind its counts, which the database
 * answers after the big reads, and behind a render (issue 13: about 130 ms
 * of a 1,000-candidate heatmap's navigation on a quiet machine). Nothing is
 * missed: the watch observes every write from the moment its query starts,
 * and a write between that first read's start and the watch's first answer
 * (writesSoFar) reads again.
 */
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';

let writes = 0;
let counting = false;

/** How many writes to any database this window has seen reported (its own and other windows'), counted from the first call. */
export function writesSoFar(): number {
  if (!counting) {
    counting = true;
    Dexie.on('storagemutated', () => {
      writes += 1;
    });
  }
  return writes;
}

/**
 * The result of `load`, re-read whenever what `watch` observes changes;
 * undefined until the first read arrives. `key` names what is read (null:
 * nothing); a new key keeps the last result until its own read arrives.
 * A failed read is thrown while rendering, as useLiveQuery's are.
 */
export function useWatchedRead<T>(key: string | null, watch: () => Promise<unknown>, load: () => Promise<T>): T | undefined {
  // A fresh object each time the watcher runs, naming its key: the read below follows it.
  const run = useLiveQuery(async () => (key === null ? undefined : (await watch(), { key })), [key]);
  // The latest loader (it closes over the latest row), set before the reads below run.
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const [state, setState] = useState<{ value: T } | { error: unknown } | undefined>(undefined);
  // Only the newest read started lands; the first read of a key and the writes seen when it started.
  const newest = useRef(0);
  const first = useRef<{ key: string; writes: number } | null>(null);
  const start = useRef((reading: () => Promise<T>) => {
    const serial = ++newest.current;
    reading().then(
      (value) => serial === newest.current && setState({ value }),
      (error: unknown) => serial === newest.current && setState({ error }),
    );
  });
  useEffect(() => {
    if (key === null) return;
    first.current = { key, writes: writesSoFar() };
    start.current(() => loadRef.current());
  }, [key]);
  useEffect(() => {
    if (run === undefined || run.key !== key) return;
    const started = first.current;
    first.current = null;
    // The watch's first answer for the read started with it: read again only if a write came since that read began.
    if (started?.key === run.key && started.writes === writesSoFar()) return;
    start.current(() => loadRef.current());
  }, [run, key]);
  // A read still on its way when the view goes lands nowhere.
  useEffect(() => () => void ++newest.current, []);
  if (state && 'error' in state) throw state.error;
  return state?.value;
}
