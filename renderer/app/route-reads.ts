/**
 * Each route's first read, started the moment the route is entered (at boot,
 * right after the profile's read, and on every hash change), beside its
 * page's chunk and before the page mounts; the page's loader takes it
 * (renderer/db/early-read.ts). Each section's read lives with its loader in
 * renderer/db; the startup chunk carries these few small modules, since a chunk
 * of their own would load behind the page's. A section without an entry reads
 * when its page mounts, as before.
 */
import { startBookRead } from '../db/book-rows';
import { startListRead, type ListName } from '../db/list-reads';
import { startSessionRead } from '../db/session-rows';
import { pageKey, parseHash, type Route, type SectionId } from './routes';

/**
 * The Candidates or Packets list (not a candidate's page or form): the active cycle's rows (db/list-reads.ts).
 * Carried by the startup chunk (under 1 KB, no dependency it does not already have): at boot a chunk of
 * its own would queue behind the page's chunks and start the read hundreds of milliseconds later under load.
 */
const listRead = (list: ListName) => (params: string[]) => (params.length === 0 ? startListRead(list) : Promise.resolve());

const READS: Partial<Record<SectionId, (params: string[]) => Promise<unknown>>> = {
  // A session's pages (not the list or the new-session form): its row, live part and base (renderer/db/session-reads.ts).
  // Imported statically, like the lists': a few KB, and waiting for a chunk of its own put this read behind the first
  // render and the profile gate's schemas (some 600 ms of a cold navigation on a busy machine).
  calibration: ([session]) => (session && session !== 'new' ? startSessionRead(session) : Promise.resolve()),
  candidates: listRead('candidates'),
  // A session's decision book, or one decision of it (not a packet's print): its rows (renderer/db/book-rows.ts), read
  // while the print view's chunks download; they waited for the view to mount, with the main thread idle meanwhile.
  print: ([kind, session]) => ((kind === 'session' || kind === 'decision') && session ? startBookRead(session) : Promise.resolve()),
  packets: listRead('packets'),
};

/** Starts the route's first read; a failure is left to the page, whose own read reports it. Settles when the read does. */
export function startRouteRead(route: Route): Promise<void> {
  return (READS[route.section]?.(route.params) ?? Promise.resolve()).then(() => undefined, () => undefined);
}

/**
 * The current route's read now, and each new route's as the hash changes (before the shell re-renders for it).
 * Returns the first read, settled (never rejected), for the start-up work that waits on it (main.tsx).
 */
let installed: Promise<void> | null = null;
export function installRouteReads(): Promise<void> {
  if (installed) return installed;
  let page = pageKey(parseHash(window.location.hash));
  installed = startRouteRead(parseHash(window.location.hash));
  window.addEventListener('hashchange', () => {
    const route = parseHash(window.location.hash);
    // A route of the page on screen (a session's tabs are one page) reads nothing new: the page keeps what it read.
    if (pageKey(route) === page) return;
    page = pageKey(route);
    void startRouteRead(route);
  });
  return installed;
}
