/**
 * One calibration session: the header (session-header.tsx), the tabs as
 * links, and the tab on screen. Revealing names, finalizing and reopening
 * ask first (session-dialogs.tsx); the command layer audits each one with
 * who did it.
 */
import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { hrefFor } from '../../../app/routes';
import { EmptyState } from '../../../components/empty-state';
import { Lazy, lazyCode, type LazyCode } from '../../../components/lazy-code';
import { Loading } from '../../../components/loading';
import { whenIdle } from '../../../app/first-view';
import { loadCommands } from '../../../db/app-commands';
import { useSessionData } from '../../../db/session-hooks';
import { SessionDataProvider, useDisplayNames } from '../use-session-data';
import { AuditView } from './audit-view';
import { Presenter } from './presenter';
import { SessionDialogs } from './session-dialogs';
import { SessionHeader, type Pending } from './session-header';
import { SESSION_TABS, isAnalysisTab, loadSessionViews, type AnalysisTab, type SessionTab } from './session-tabs';
import { WindowTitle } from './window-title';
import './session.css';

type ViewProps = { sessionId: string };

/** A view of the views' chunk, which the shell asked for at route entry (its arrival renders the view: lazy-code.tsx). */
function lazyView(name: 'HeatmapView' | 'SideBySideView' | 'ManagersView' | 'LevelsView' | 'FairnessView'): LazyCode<ViewProps> {
  return lazyCode(async () => (await loadSessionViews())[name] as ComponentType<ViewProps>);
}

const ANALYSIS_VIEWS: Record<AnalysisTab, LazyCode<ViewProps>> = {
  heatmap: lazyView('HeatmapView'),
  compare: lazyView('SideBySideView'),
  managers: lazyView('ManagersView'),
  levels: lazyView('LevelsView'),
  fairness: lazyView('FairnessView'),
};

function SessionTabs({ sessionId, tab }: { sessionId: string; tab: SessionTab }) {
  return (
    <nav className="session-tabs" aria-label="Session views">
      <ul>
        {SESSION_TABS.map((t) => (
          <li key={t.id}>
            <a href={hrefFor('calibration', sessionId, t.id)} aria-current={t.id === tab ? 'page' : undefined}>
              {t.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function SessionPage({ sessionId, tab = 'review' }: { sessionId: string; tab?: SessionTab }) {
  // Read once here for every tab (the views take it from SessionDataProvider).
  const data = useSessionData(sessionId);
  const names = useDisplayNames(data);
  const [pending, setPending] = useState<Pending>(null);
  const analysis = isAnalysisTab(tab);
  // The views' chunk is asked for while the session is read, not after (at boot the shell asked already: sections.tsx).
  useEffect(() => {
    if (analysis) void loadSessionViews();
  }, [analysis]);
  // The write path (votes, decisions) in the first idle moment after the session's rows are drawn, so a first click
  // finds it loaded; not while the rows are read and drawn, and ahead of the app's other deferred work (first-view.ts).
  const loaded = data !== undefined;
  useEffect(() => (loaded ? whenIdle(() => void loadCommands().catch(() => undefined)) : undefined), [loaded]);

  if (data === undefined) return <Loading what="the session" />;
  if (data === null) {
    return (
      <EmptyState title="Session not found" action={<a className="button button-primary" href={hrefFor('calibration')}>All sessions</a>}>
        <p>This session does not exist on this device, or its cycle or framework is missing.</p>
      </EmptyState>
    );
  }
  const { session } = data;

  let body: ReactNode;
  switch (tab) {
    case 'review':
      body = <Presenter data={data} names={names} />;
      break;
    case 'audit':
      body = <AuditView data={data} names={names} />;
      break;
    default: {
      const what = `the ${SESSION_TABS.find((t) => t.id === tab)?.label.toLowerCase() ?? 'view'}`;
      body = <Lazy key={tab} code={ANALYSIS_VIEWS[tab]} props={{ sessionId: session.id }} fallback={<Loading what={what} />} />;
    }
  }

  return (
    <SessionDataProvider sessionId={sessionId} data={data}>
      <div className="session-page">
        <SessionHeader data={data} onAsk={setPending} />
        <SessionTabs sessionId={session.id} tab={tab} />
        {/* Review's presenter titles the window by its candidate; the other tabs by the tab (they read "Levelset" or "Calibration · Levelset" whatever the tab, a trial). The name is as the page shows it (blind: names withheld). */}
        {tab === 'review' ? null : <WindowTitle title={`${SESSION_TABS.find((t) => t.id === tab)?.label ?? 'Session'} · ${session.name} · Levelset`} />}
        <div className="session-tab-body">{body}</div>
        {/* Keyed by the question, so each dialog opens with an empty reason. */}
        <SessionDialogs key={pending ?? 'none'} session={session} pending={pending} onClose={() => setPending(null)} connected={!!data.connected && data.connected.connection.identity.role === 'chair'} />
      </div>
    </SessionDataProvider>
  );
}
