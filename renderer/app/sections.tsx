/**
 * Each page is its own chunk, loaded when first shown: the startup chunk
 * carries only the frame (sidebar, routes, status line), so the app paints
 * before any page's code, chart library or database read has arrived
 * (renderer/components/lazy-code.tsx: without suspending).
 * `preloadSection` starts the current page's download while the first-run
 * profile is still being read, so the two overlap.
 */
import { createElement, useEffect, type ReactNode } from 'react';
import { lazyCode, useLazyCode, type LazyCode } from '../components/lazy-code';
import { preloadSessionTab } from '../features/calibration/session/session-tabs';
import type { Route, SectionId } from './routes';

type PageProps = { params: string[] };

/** Each page's code; import() fetches a module once, so asking twice downloads once. */
const PAGES = {
  frameworks: lazyCode(() => import('../features/frameworks/frameworks-view').then((m) => m.FrameworksView)),
  candidates: lazyCode(() => import('../features/candidates/candidates-view').then((m) => m.CandidatesView)),
  packets: lazyCode(() => import('../features/packets/packets-view').then((m) => m.PacketsView)),
  cycles: lazyCode(() => import('../features/cycles/cycles-view').then((m) => m.CyclesView)),
  calibration: lazyCode(() => import('../features/calibration/calibration-view').then((m) => m.CalibrationView)),
  decisions: lazyCode(() => import('../features/decisions/decisions-view').then((m) => m.DecisionsView)),
  about: lazyCode(() => import('../features/about/about-view').then((m) => m.AboutView)),
  // The print view brings the chart library; nothing else on startup needs it.
  print: lazyCode(() => import('../features/export/print-view').then((m) => m.PrintView)),
} satisfies Record<SectionId, LazyCode<PageProps>>;

/** Starts downloading a page's code without showing it; a failure shows later, when the page renders. */
export function preloadSection(section: SectionId): Promise<unknown> {
  return PAGES[section].preload().catch(() => undefined);
}

/**
 * Code a route's page asks for as soon as it mounts, asked for beside the page's own: one round of chunk
 * requests instead of two (a session's analysis tab: the views' chunk was requested only once the session
 * page's chunk had arrived and rendered).
 */
const ROUTE_CODE: Partial<Record<SectionId, (params: string[]) => Promise<unknown> | undefined>> = {
  calibration: ([session, tab]) => (session && session !== 'new' ? preloadSessionTab(tab) : undefined),
};

/** The route's page code and what its page asks for on mount; failures show later, when the page renders. */
export function preloadRoute(route: Route): Promise<unknown> {
  return Promise.all([preloadSection(route.section), ROUTE_CODE[route.section]?.(route.params)?.catch(() => undefined)]);
}

/** A light stand-in for a page whose code or data is on its way: the heading's place and a few bars. */
export function PageSkeleton({ what = 'the page' }: { what?: string }) {
  return (
    <div className="page-skeleton" aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading {what}…
      </p>
      <div className="skeleton-bar skeleton-title" />
      <div className="skeleton-bar" />
      <div className="skeleton-bar" />
      <div className="skeleton-bar skeleton-short" />
    </div>
  );
}

/** Calls back once the page is shown (its code has arrived and it is drawn). */
function Shown({ onShown }: { onShown: () => void }) {
  useEffect(() => onShown(), [onShown]);
  return null;
}

/** A lazily loaded page: `fallback` until its code has arrived, then the page (a failed load reaches the nearest error boundary). */
export function LazyPageView({ page, params, fallback, onShown }: { page: LazyCode<PageProps>; params: string[]; fallback: ReactNode; onShown?: (() => void) | undefined }) {
  const Page = useLazyCode(page);
  if (!Page) return fallback;
  return (
    <>
      {createElement(Page, { params })}
      {onShown && <Shown onShown={onShown} />}
    </>
  );
}

/** The current page, with the skeleton while its chunk downloads (the print view, a bare document, says so in words). */
export function Section({ route, onShown }: { route: Route; onShown?: (() => void) | undefined }) {
  const fallback = route.section === 'print' ? <p className="print-loading">Preparing the document…</p> : <PageSkeleton />;
  return <LazyPageView page={PAGES[route.section]} params={route.params} fallback={fallback} onShown={onShown} />;
}
