/**
 * Each page is its own chunk, loaded when first shown: the startup chunk
 * carries only the frame (sidebar, routes, status line), so the app paints
 * before any page's code, chart library or database read has arrived.
 * `preloadSection` starts the current page's download while the first-run
 * profile is still being read, so the two overlap.
 */
import { createElement, lazy, Suspense, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { preloadSessionTab } from '../features/calibration/session/session-tabs';
import type { Route, SectionId } from './routes';

type PageProps = { params: string[] };

/** The loader of each page module; import() caches the module, so calling one twice downloads once. */
const LOADERS = {
  frameworks: () => import('../features/frameworks/frameworks-view').then((m) => ({ default: m.FrameworksView })),
  candidates: () => import('../features/candidates/candidates-view').then((m) => ({ default: m.CandidatesView })),
  packets: () => import('../features/packets/packets-view').then((m) => ({ default: m.PacketsView })),
  cycles: () => import('../features/cycles/cycles-view').then((m) => ({ default: m.CyclesView })),
  calibration: () => import('../features/calibration/calibration-view').then((m) => ({ default: m.CalibrationView })),
  decisions: () => import('../features/decisions/decisions-view').then((m) => ({ default: m.DecisionsView })),
  about: () => import('../features/about/about-view').then((m) => ({ default: m.AboutView })),
  // The print view brings the chart library; nothing else on startup needs it.
  print: () => import('../features/export/print-view').then((m) => ({ default: m.PrintView })),
} satisfies Record<SectionId, () => Promise<{ default: ComponentType<PageProps> }>>;

/**
 * A lazily loaded page that renders at once when its code has already
 * arrived (preloaded while the profile was read): React.lazy alone would
 * suspend on its first render anyway.
 */
export function lazyPage(load: () => Promise<{ default: ComponentType<PageProps> }>) {
  let loaded: ComponentType<PageProps> | undefined;
  const tracked = () =>
    load().then((module) => {
      loaded = module.default;
      return module;
    });
  const Lazy = lazy(tracked);
  return {
    preload: tracked,
    loaded: () => loaded,
    Page: (props: PageProps) => (loaded ? createElement(loaded, props) : createElement(Lazy, props)),
  };
}
export type LazyPage = ReturnType<typeof lazyPage>;

const PAGES = Object.fromEntries(Object.entries(LOADERS).map(([id, load]) => [id, lazyPage(load)])) as unknown as Record<SectionId, LazyPage>;

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

/** Calls back once its Suspense boundary shows the page (its code has arrived and it is drawn). */
function Shown({ onShown }: { onShown: () => void }) {
  useEffect(() => onShown(), [onShown]);
  return null;
}

/**
 * Whether the page's code has arrived (or failed to: its lazy form then hands the failure to the error
 * boundary). Awaited here rather than by suspending: React holds back the content of a Suspense boundary
 * that shows its fallback until 300 ms after the last fallback appeared anywhere (its "throttle"), and the
 * sidebar's connection status mounts with one as the profile gate opens; in traces of the print view and
 * the Packets list at 1,000 candidates the page, its code arrived, waited 100–270 ms on that timer. A
 * page shown by a state update is not held back.
 */
function usePageCode(page: LazyPage): boolean {
  const [settled, setSettled] = useState<LazyPage | null>(null);
  const arrived = page.loaded() !== undefined || settled === page;
  useEffect(() => {
    if (arrived) return;
    // Not `page.loaded()` here: the code may have arrived between the render that showed the fallback and
    // this effect, and nothing would then render the page. The module's promise settles either way.
    let current = true;
    const settle = () => current && setSettled(page);
    page.preload().then(settle, settle);
    return () => {
      current = false;
    };
  }, [page, arrived]);
  return arrived;
}

/** A lazily loaded page: `fallback` until its code has arrived, then the page (a failed load reaches the nearest error boundary). */
export function LazyPageView({ page, params, fallback, onShown }: { page: LazyPage; params: string[]; fallback: ReactNode; onShown?: (() => void) | undefined }) {
  const { Page } = page;
  const arrived = usePageCode(page);
  if (!arrived) return fallback;
  return (
    <Suspense fallback={fallback}>
      <Page params={params} />
      {onShown && <Shown onShown={onShown} />}
    </Suspense>
  );
}

/** The current page, with the skeleton while its chunk downloads (the print view, a bare document, says so in words). */
export function Section({ route, onShown }: { route: Route; onShown?: (() => void) | undefined }) {
  const fallback = route.section === 'print' ? <p className="print-loading">Preparing the document…</p> : <PageSkeleton />;
  return <LazyPageView page={PAGES[route.section]} params={route.params} fallback={fallback} onShown={onShown} />;
}
