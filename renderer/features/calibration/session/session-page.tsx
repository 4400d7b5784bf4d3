/**
 * One calibration session: the header (name, status in words, the chair's
 * blind toggle, Finalize, Reopen…), the tabs as links, and the tab on
 * screen. Revealing names, finalizing and reopening ask first; every one of
 * them is audited by the storage layer.
 */
import { Suspense, lazy, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { hrefFor } from '../../../app/routes';
import { EmptyState } from '../../../components/empty-state';
import { Loading } from '../../../components/loading';
import { PageHeader } from '../../../components/page-header';
import { db } from '../../../db/database';
import { finalizeSession, reopenSession, setBlind } from '../../../db/sessions';
import { useUiStore } from '../../../state/ui-store';
import { useDisplayNames, useSessionData, type SessionData } from '../use-session-data';
import { AuditView } from './audit-view';
import { useRedactor } from './blind';
import { SessionDialog } from './dialog';
import { ROLE_LABEL, STATUS_LABEL, plural } from './labels';
import { Presenter } from './presenter';
import { RecordingAs } from './recording-as';
import './session.css';

export const SESSION_TABS = [
  { id: 'review', label: 'Review' },
  { id: 'heatmap', label: 'Heatmap' },
  { id: 'compare', label: 'Side by side' },
  { id: 'managers', label: 'Managers' },
  { id: 'levels', label: 'Levels' },
  { id: 'fairness', label: 'Fairness' },
  { id: 'audit', label: 'Audit' },
] as const;

export type SessionTab = (typeof SESSION_TABS)[number]['id'];

export function isSessionTab(value: string | undefined): value is SessionTab {
  return SESSION_TABS.some((t) => t.id === value);
}

type Pending = 'reveal' | 'finalize' | 'reopen' | null;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The analysis views (heatmap, side by side, managers, levels, fairness) load on demand: they carry the charts. */
function lazyView(name: 'HeatmapView' | 'SideBySideView' | 'ManagersView' | 'LevelsView' | 'FairnessView') {
  return lazy(async () => ({ default: (await import('../views'))[name] as ComponentType<{ sessionId: string }> }));
}

const ANALYSIS_VIEWS: Record<Exclude<SessionTab, 'review' | 'audit'>, ComponentType<{ sessionId: string }>> = {
  heatmap: lazyView('HeatmapView'),
  compare: lazyView('SideBySideView'),
  managers: lazyView('ManagersView'),
  levels: lazyView('LevelsView'),
  fairness: lazyView('FairnessView'),
};

function SessionHeader({ data, onAsk }: { data: SessionData; onAsk: (what: Exclude<Pending, null>) => void }) {
  const { session } = data;
  const announce = useUiStore((s) => s.announce);
  const finalized = session.status === 'finalized';
  const decided = session.candidateIds.filter((id) => data.decisions.some((d) => d.candidateId === id)).length;
  const total = session.candidateIds.length;
  const chair = session.members.find((m) => m.role === 'chair');

  async function hideNames() {
    try {
      await setBlind(db, session.id, true, new Date().toISOString());
      announce('Names hidden: the session is blind again.');
    } catch (error) {
      announce(`Could not hide names: ${errorText(error)}`, 'error');
    }
  }

  const actions = finalized ? (
    <button type="button" className="button button-secondary" onClick={() => onAsk('reopen')}>
      Reopen…
    </button>
  ) : (
    <>
      {session.blind ? (
        <button type="button" className="button button-secondary" onClick={() => onAsk('reveal')}>
          Reveal names
        </button>
      ) : (
        <button type="button" className="button button-secondary" onClick={() => void hideNames()}>
          Hide names
        </button>
      )}
      <button type="button" className="button button-primary" onClick={() => onAsk('finalize')} disabled={decided < total || total === 0} aria-describedby="session-finalize-hint">
        Finalize
      </button>
    </>
  );

  return (
    <>
      <p className="breadcrumb">
        <a href={hrefFor('calibration')}>← All sessions</a>
      </p>
      <PageHeader
        title={session.name}
        subtitle={
          <>
            <span className={`status status-${session.status}`}>{STATUS_LABEL[session.status]}</span> · {data.cycle.name} · {plural(total, 'candidate')} · {decided} decided ·{' '}
            {session.blind ? 'Blind: pseudonyms shown' : 'Names shown'}
          </>
        }
        actions={actions}
      />
      <p className="session-committee">
        Committee: {session.members.map((m) => `${m.name} (${ROLE_LABEL[m.role].toLowerCase()})`).join(', ')}
        {!finalized && chair ? <span className="muted"> · the chair, {chair.name}, reveals names and finalizes.</span> : null}
      </p>
      <RecordingAs />
      {finalized ? (
        <p className="session-notice" role="note">
          <strong>Finalized</strong>
          {session.finalizedAt ? ` on ${new Date(session.finalizedAt).toLocaleString()}` : ''}. Votes and decisions are read-only; reopen the session with a reason to change them.
        </p>
      ) : (
        <p className="field-hint" id="session-finalize-hint">
          {decided < total ? `Finalize is available once every candidate has a decision: ${decided} of ${total} decided.` : 'Every candidate has a decision; the session can be finalized.'}
        </p>
      )}
      {!finalized && session.reopenReason ? (
        <p className="session-notice" role="note">
          <strong>Reopened:</strong> {session.reopenReason}
        </p>
      ) : null}
    </>
  );
}

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
  const data = useSessionData(sessionId);
  const names = useDisplayNames(data);
  const redact = useRedactor(data, names);
  const announce = useUiStore((s) => s.announce);
  const [pending, setPending] = useState<Pending>(null);
  const [reason, setReason] = useState('');
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonField = useRef<HTMLTextAreaElement>(null);

  if (data === undefined) return <Loading what="the session" />;
  if (data === null) {
    return (
      <EmptyState title="Session not found" action={<a className="button button-primary" href={hrefFor('calibration')}>All sessions</a>}>
        <p>This session does not exist on this device, or its cycle or framework is missing.</p>
      </EmptyState>
    );
  }
  const { session } = data;

  function ask(what: Exclude<Pending, null>) {
    setDialogError(null);
    setReason('');
    setPending(what);
  }

  async function run(action: () => Promise<void>, done: string) {
    setBusy(true);
    try {
      await action();
      announce(done);
      setPending(null);
    } catch (error) {
      setDialogError(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  let body: ReactNode;
  switch (tab) {
    case 'review':
      body = <Presenter data={data} names={names} redact={redact} />;
      break;
    case 'audit':
      body = <AuditView data={data} names={names} redact={redact} />;
      break;
    default: {
      const View = ANALYSIS_VIEWS[tab];
      body = (
        <Suspense fallback={<Loading what={`the ${SESSION_TABS.find((t) => t.id === tab)?.label.toLowerCase() ?? 'view'}`} />}>
          <View sessionId={session.id} />
        </Suspense>
      );
    }
  }

  const at = () => new Date().toISOString();
  let dialog: ReactNode = null;
  if (pending === 'reveal') {
    dialog = (
      <SessionDialog title="Reveal names?" confirmLabel="Reveal names" busy={busy} onCancel={() => setPending(null)} onConfirm={() => void run(() => setBlind(db, session.id, false, at()), 'Names revealed. The reveal is in the audit trail.')}>
        <p>Everyone who can see this screen will see the candidates’ and managers’ real names, in every view of this session.</p>
        <p>The reveal is recorded in the audit trail. “Hide names” makes the session blind again.</p>
        {dialogError ? <p className="field-error">{dialogError}</p> : null}
      </SessionDialog>
    );
  } else if (pending === 'finalize') {
    dialog = (
      <SessionDialog title={`Finalize ${session.name}?`} confirmLabel="Finalize" busy={busy} onCancel={() => setPending(null)} onConfirm={() => void run(() => finalizeSession(db, session.id, at()), `${session.name} is finalized.`)}>
        <p>
          All {plural(session.candidateIds.length, 'decision')} are locked and the session becomes read-only. It can be reopened later with a reason, which is kept in the audit trail.
        </p>
        {dialogError ? <p className="field-error">{dialogError}</p> : null}
      </SessionDialog>
    );
  } else if (pending === 'reopen') {
    dialog = (
      <SessionDialog
        title={`Reopen ${session.name}?`}
        confirmLabel="Reopen"
        busy={busy}
        initialFocus={reasonField}
        onCancel={() => setPending(null)}
        onConfirm={() => void run(() => reopenSession(db, session.id, reason, at()), `${session.name} is reopened.`)}
      >
        <p>Decisions are unlocked and can be changed. The reason is kept in the audit trail.</p>
        <label htmlFor="session-reopen-reason" className="session-dialog-label">
          Reason (required)
        </label>
        <textarea
          id="session-reopen-reason"
          ref={reasonField}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={dialogError ? true : undefined}
          aria-describedby={dialogError ? 'session-reopen-error' : undefined}
        />
        {dialogError ? (
          <span className="field-error" id="session-reopen-error">
            {dialogError}
          </span>
        ) : null}
      </SessionDialog>
    );
  }

  return (
    <div className="session-page">
      <SessionHeader data={data} onAsk={ask} />
      <SessionTabs sessionId={session.id} tab={tab} />
      <div className="session-tab-body">{body}</div>
      {dialog}
    </div>
  );
}
