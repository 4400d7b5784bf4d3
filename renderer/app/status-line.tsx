import { useEffect, useState } from 'react';
import { useUiStore, type UiState } from '../state/ui-store';
import { BackupNotice } from './backup-notice';
import { pageKey, useRoute } from './routes';

/** A quiet status line announced to screen readers; errors stay until dismissed; a failed automatic backup stays until one succeeds. */
export function StatusLine() {
  return (
    <div className="status-stack">
      <BackupNotice />
      <Status />
    </div>
  );
}

/**
 * A status says what an action on a page did, so it belongs to the page it is
 * first shown on and goes when another page shows (it used to follow the
 * person to the next page for its 6 seconds). An action that moves to another
 * page as it announces ("Added …", then the candidate's page) is first shown
 * there, so its status stays. An error stays until dismissed, on any page.
 */
function Status() {
  const status = useUiStore((s) => s.status);
  const clear = useUiStore((s) => s.clearStatus);
  const page = pageKey(useRoute());
  const [shownOn, setShownOn] = useState<{ status: NonNullable<UiState['status']>; page: string } | null>(null);
  if (status && shownOn?.status !== status) setShownOn({ status, page });
  const left = !!status && status.tone !== 'error' && shownOn?.status === status && shownOn.page !== page;
  const shown = left ? null : status;
  useEffect(() => {
    if (left) clear();
  }, [left, clear]);
  useEffect(() => {
    if (!shown || shown.tone === 'error') return;
    const timer = setTimeout(clear, 6_000);
    return () => clearTimeout(timer);
  }, [shown, clear]);
  return (
    <div className={`status-line ${shown ? `status-line-${shown.tone}` : ''}`} role={shown?.tone === 'error' ? 'alert' : 'status'}>
      {shown ? (
        <>
          <span>{shown.text}</span>
          {shown.tone === 'error' ? (
            <button type="button" className="button button-link" onClick={clear}>
              Dismiss
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
