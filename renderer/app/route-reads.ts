/**
 * Each route's first read, started the moment the route is entered (at boot
 * once the database is unlocked, and on every hash change), beside its
 * page's chunk and before the page mounts; the page's loader takes it
 * (renderer/db/early-read.ts). Each section's read lives with its loader in
 * renderer/db and is imported on demand, so the startup chunk carries none.
 * A section without an entry reads when its page mounts, as before.
 */
import { startListRead, type ListName } from '../db/list-reads';
import { parseHash, type Route, type SectionId } from './routes';

/**
 * The Candidates or Packets list (not a candidate's page or form): the active cycle's rows (db/list-reads.ts).
 * Carried by the startup chunk (under 1 KB, no dependency it does not already have): at boot a chunk of
 * its own would queue behind the page's chunks and start the read hundreds of milliseconds later under load.
 */
const listRead = (list: ListName) => (params: string[]) => (params.length === 0 ? startListRead(list) : Promise.resolve());

const READS: Partial<Record<SectionId, (params: string[]) => Promise<unknown>>> = {
  candidates: listRead('candidates'),
  packets: listRead('packets'),
};

/** Starts the route's first read; a failure is left to the page, whose own read reports it. */
export function startRouteRead(route: Route): void {
  READS[route.section]?.(route.params).catch(() => undefined);
}

/** The current route's read now, and each new route's as the hash changes (before the shell re-renders for it). */
export function installRouteReads(): void {
  startRouteRead(parseHash(window.location.hash));
  window.addEventListener('hashchange', () => startRouteRead(parseHash(window.location.hash)));
}
