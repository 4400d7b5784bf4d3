/**
 * The app shell, behind the first-run profile step: a sidebar with the
 * sections and the active cycle, the current section, a polite status line,
 * and the keyboard shortcuts overlay. The frame paints at once, before the
 * profile or any page's data is read: while the stored profile is being
 * read it shows with a skeleton in place of the page.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useUiStore } from '../state/ui-store';
import { Lazy, lazyCode } from '../components/lazy-code';
import { ProfileGate } from '../features/first-run/profile-gate';
import { ErrorBoundary } from '../components/error-boundary';
import { noteFirstViewShown } from './first-view';
import { CycleSwitcher } from './cycle-switcher';
import { PAGES, SECTIONS, hrefFor, isFullScreenRoute, pageKey, useRoute, type Route } from './routes';
import { PageSkeleton, Section, preloadSection } from './sections';
import { ShortcutsOverlay, useGlobalShortcuts } from './shortcuts';
import { StatusLine } from './status-line';
import { modKeyLabel } from '../features/evidence/labels';

// Lazy: its hooks read the connected tables through the write path's
// modules (and so zod), which the startup chunk must not carry
// (scripts/bundle-check.mjs); a cycle's connection status can appear a moment
// after the frame.
const CONNECTION_STATUS = lazyCode(() => import('../features/connected/connection-status').then((m) => m.ConnectionStatus));
function ConnectionStatus() {
  return <Lazy code={CONNECTION_STATUS} props={{}} />;
}

// Lazy and only once asked for (Ctrl/Cmd+K): its reads and code are not the frame's.
const PALETTE = lazyCode(() => import('../features/palette/command-palette').then((m) => m.CommandPalette));
function Palette() {
  const open = useUiStore((s) => s.paletteOpen);
  const [asked, setAsked] = useState(false);
  if (open && !asked) setAsked(true);
  return asked ? <Lazy code={PALETTE} props={{}} /> : null;
}

/**
 * Each page inside its own boundary, keyed by page (routes.ts pageKey): a page that fails leaves the sidebar working, and going
 * elsewhere starts afresh; a session's tabs are one page, whose boundary clears a failed tab when another is chosen.
 */
function RouteView({ route, routeKey, onShown }: { route: Route; routeKey: string; onShown?: () => void }) {
  return (
    <ErrorBoundary key={pageKey(route)} route={routeKey} printView={route.section === 'print'}>
      <Section route={route} onShown={onShown} />
    </ErrorBoundary>
  );
}

/** The app frame; `starting` while the profile is read: the page's place shows a skeleton and its code downloads meanwhile. */
function Shell({ starting = false }: { starting?: boolean }) {
  const route = useRoute();
  const mainRef = useRef<HTMLElement>(null);
  useGlobalShortcuts();
  const sectionLabel = [...SECTIONS, ...PAGES].find((s) => s.id === route.section)?.label ?? 'Levelset';
  const routeKey = [route.section, ...route.params].join('/');
  const ownTitle = routeKey.startsWith('print') || /^calibration\/(?!new)[^/]+/.test(routeKey);

  useEffect(() => {
    if (starting) void preloadSection(route.section);
  }, [starting, route.section]);

  useEffect(() => {
    // The print view and a session's pages set their own titles (a pseudonym in blind mode).
    if (!ownTitle) document.title = `${sectionLabel} · Levelset`;
  }, [ownTitle, sectionLabel]);

  // Once the page's code has arrived and it is drawn: move focus to its heading so keyboard and screen-reader users land in the content.
  const printing = route.section === 'print';
  const onShown = useCallback(() => {
    // The print view is a document, not an app page: the deferred start-up work waits for a page (main.tsx).
    if (!printing) noteFirstViewShown();
    if (ownTitle) return;
    const heading = mainRef.current?.querySelector<HTMLElement>('#page-title');
    if (heading && document.activeElement?.closest('nav')) heading.focus();
  }, [ownTitle, printing]);

  const page = starting ? <PageSkeleton /> : <RouteView route={route} routeKey={routeKey} onShown={onShown} />;
  // The print view is the whole page: no sidebar, no controls.
  if (route.section === 'print') return starting ? <p className="print-loading">Preparing the document…</p> : page;
  // The full-screen presenter keeps the status line and the shortcuts, nothing else around it.
  if (isFullScreenRoute(route))
    return (
      <div className={starting ? 'app app-full-screen app-starting' : 'app app-full-screen'}>
        <main id="main" ref={mainRef} tabIndex={-1}>
          {page}
        </main>
        <StatusLine />
        {starting ? null : <ConnectionStatus />}
        <ShortcutsOverlay />
        {starting ? null : <Palette />}
      </div>
    );
  return (
    <div className={starting ? 'app app-starting' : 'app'}>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); mainRef.current?.focus(); }}>
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">
          <img className="brand-mark" src="./favicon.svg" alt="" width="22" height="22" /> Levelset
        </div>
        <CycleSwitcher />
        {starting ? null : <ConnectionStatus />}
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
          Press <kbd>?</kbd> for shortcuts, <kbd>{modKeyLabel()}</kbd>+<kbd>K</kbd> to go anywhere
        </p>
      </aside>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {page}
      </main>
      <StatusLine />
      <ShortcutsOverlay />
      {starting ? null : <Palette />}
    </div>
  );
}

/** The app asks who is using it before anything else (that name goes on every audit entry); the frame shows while it finds out. */
export function App() {
  return (
    <ProfileGate pending={<Shell starting />}>
      <Shell />
    </ProfileGate>
  );
}
