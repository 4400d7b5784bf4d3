/**
 * Each route's first read, started the moment the route is entered (at boot
 * once the app's frame is drawn, and on every hash change), beside its
 * page's chunk and before the page mounts; the page's loader takes it
 * (renderer/db/early-read.ts). Each section's read lives with its loader in
 * renderer/db and is imported on demand, so the startup chunk carries none.
 * A section without an entry reads when its page mounts, as before.
 */
import { parseHash, type Route, type SectionId } from './routes';

const READS: Partial<Record<SectionId, (params: string[]) => Promise<unknown>>> = {};

/** Starts the route's first read; a failure is left to the page, whose own read reports it. */
export function startRouteRead(route: Route): void {
  READS[route.section]?.(route.params).catch(() => undefined);
}

/** The current route's read now, and each new route's as the hash changes (before the shell re-renders for it). */
let installed = false;
export function installRouteReads(): void {
  if (installed) return;
  installed = true;
  startRouteRead(parseHash(window.location.hash));
  window.addEventListener('hashchange', () => startRouteRead(parseHash(window.location.hash)));
}
