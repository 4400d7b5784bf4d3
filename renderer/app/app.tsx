/**
 * The app shell, behind the first-run profile step: a sidebar with the
 * sections and the active cycle, the current section, a polite status line,
 * and the keyboard shortcuts overlay.
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { AboutView } from '../features/about/about-view';
import { CalibrationView } from '../features/calibration/calibration-view';
import { CandidatesView } from '../features/candidates/candidates-view';
import { CyclesView } from '../features/cycles/cycles-view';
import { DecisionsView } from '../features/decisions/decisions-view';
import { FrameworksView } from '../features/frameworks/frameworks-view';
import { PacketsView } from '../features/packets/packets-view';
import { ProfileGate } from '../features/first-run/profile-step';
import { ErrorBoundary } from '../components/error-boundary';
import { CycleSwitcher } from './cycle-switcher';
import { PAGES, SECTIONS, hrefFor, isFullScreenRoute, useRoute, type Route } from './routes';
import { ShortcutsOverlay, useGlobalShortcuts } from './shortcuts';
import { StatusLine } from './status-line';

// Loaded on demand: it brings the chart library, which the other pages load only with their charts.
const PrintView = lazy(() => import('../features/export/print-view').then((m) => ({ default: m.PrintView })));

function Section({ route }: { route: Route }) {
  switch (route.section) {
    case 'frameworks':
      return <FrameworksView params={route.params} />;
    case 'candidates':
      return <CandidatesView params={route.params} />;
    case 'packets':
      return <PacketsView params={route.params} />;
    case 'cycles':
      return <CyclesView />;
    case 'print':
      return null;
    case 'calibration':
      return <CalibrationView params={route.params} />;
    case 'decisions':
      return <DecisionsView />;
    case 'about':
      return <AboutView />;
  }
}

/** Each page inside its own boundary, keyed by route: a page that fails leaves the sidebar working, and going elsewhere starts afresh. */
function RouteView({ route, routeKey }: { route: Route; routeKey: string }) {
  return (
    <ErrorBoundary key={routeKey} route={routeKey}>
      <Section route={route} />
    </ErrorBoundary>
  );
}

function Shell() {
  const route = useRoute();
  const mainRef = useRef<HTMLElement>(null);
  useGlobalShortcuts();
  const sectionLabel = [...SECTIONS, ...PAGES].find((s) => s.id === route.section)?.label ?? 'Levelset';
  const routeKey = [route.section, ...route.params].join('/');

  useEffect(() => {
    // The print view and a session's pages set their own titles (a pseudonym in blind mode).
    if (routeKey.startsWith('print') || /^calibration\/(?!new)[^/]+/.test(routeKey)) return;
    document.title = `${sectionLabel} · Levelset`;
    // Move focus to the new page's heading so keyboard and screen-reader users land in the content.
    const heading = mainRef.current?.querySelector<HTMLElement>('#page-title');
    if (heading && document.activeElement?.closest('nav')) heading.focus();
  }, [routeKey, sectionLabel]);

  // The print view is the whole page: no sidebar, no controls.
  if (route.section === 'print')
    return (
      <ErrorBoundary key={routeKey} route={routeKey} printView>
        <Suspense fallback={<p className="print-loading">Preparing the document…</p>}>
          <PrintView params={route.params} />
        </Suspense>
      </ErrorBoundary>
    );
  // The full-screen presenter keeps the status line and the shortcuts, nothing else around it.
  if (isFullScreenRoute(route))
    return (
      <div className="app app-full-screen">
        <main id="main" ref={mainRef} tabIndex={-1}>
          <RouteView route={route} routeKey={routeKey} />
        </main>
        <StatusLine />
        <ShortcutsOverlay />
      </div>
    );
  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); mainRef.current?.focus(); }}>
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">
          <img className="brand-mark" src="./favicon.svg" alt="" width="22" height="22" /> Levelset
        </div>
        <CycleSwitcher />
        <nav aria-label="Sections">
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={hrefFor(s.id)} aria-current={route.section === s.id ? 'page' : undefined}>
                  <span>{s.label}</span>
                  <kbd aria-hidden="true">{s.shortcut}</kbd>
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p className="sidebar-foot">
          Press <kbd>?</kbd> for shortcuts
        </p>
      </aside>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <RouteView route={route} routeKey={routeKey} />
      </main>
      <StatusLine />
      <ShortcutsOverlay />
    </div>
  );
}

/** The app asks who is using it before anything else: that name goes on every audit entry. */
export function App() {
  return (
    <ProfileGate>
      <Shell />
    </ProfileGate>
  );
}
