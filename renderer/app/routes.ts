/**
 * Hash routes. The app is one page loaded from disk in Electron, so routes
 * live in the hash: changing it never triggers a navigation that the shell
 * would block.
 */
import { useSyncExternalStore } from 'react';

export const SECTIONS = [
  { id: 'frameworks', label: 'Frameworks', shortcut: '1' },
  { id: 'candidates', label: 'Candidates', shortcut: '2' },
  { id: 'packets', label: 'Packets', shortcut: '3' },
  { id: 'calibration', label: 'Calibration', shortcut: '4' },
  { id: 'decisions', label: 'Decisions', shortcut: '5' },
  { id: 'about', label: 'About', shortcut: '6' },
] as const;

/** Pages reached from within the app rather than the sidebar. */
export const PAGES = [
  { id: 'cycles', label: 'Cycles' },
  { id: 'print', label: 'Print' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'] | (typeof PAGES)[number]['id'];

export interface Route {
  section: SectionId;
  /** Path segments after the section, e.g. a framework id. */
  params: string[];
}

export function parseHash(hash: string): Route {
  const [head, ...rest] = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const section = [...SECTIONS, ...PAGES].find((s) => s.id === head)?.id ?? 'frameworks';
  return { section, params: rest.map((p) => decodeURIComponent(p)) };
}

/** Routes shown without the sidebar: the full-screen presenter of a session. */
export function isFullScreenRoute(route: Route): boolean {
  return route.section === 'calibration' && route.params[1] === 'present';
}

/**
 * What makes a route a new page (the shell keys the page's boundary by it, so
 * a new page mounts afresh): the route itself, except that a calibration
 * session's tabs are one page. Switching tabs keeps the session page mounted,
 * and with it the session it read once for every tab (issue 13: a tab switch
 * re-read the whole session).
 */
export function pageKey(route: Route): string {
  const [session, tab] = route.params;
  // The candidate on screen (a third segment) is the same page too: the presenter follows it.
  if (route.section === 'calibration' && session && session !== 'new') return tab === 'present' ? `calibration/${session}/present` : `calibration/${session}`;
  return [route.section, ...route.params].join('/');
}

export function hrefFor(section: SectionId, ...params: string[]): string {
  return `#/${[section, ...params.map(encodeURIComponent)].join('/')}`;
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash, () => '');
  return parseHash(hash);
}

/**
 * Shows another view of the same place without a new history entry (the
 * review and its full screen): Back then leaves the place, not the view.
 * For a link's onClick; a modified click (a new window) is left to the browser.
 */
export function replaceRouteOnClick(event: { preventDefault: () => void; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; button: number }, href: string): void {
  if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  window.location.replace(href);
}

/** Moves to another hash route; a plain function so components can call it after an async write. */
export function navigateTo(href: string): void {
  window.location.hash = href;
}
