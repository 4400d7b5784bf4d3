import { useEffect } from 'react';
import { useUiStore } from '../state/ui-store';
import { BackupNotice } from './backup-notice';

/** A quiet status line announced to screen readers; errors stay until dismissed; a failed automatic backup stays until one succeeds. */
export function StatusLine() {
  return (
    <div className="status-stack">
      <BackupNotice />
      <Status />
    </div>
  );
}

function Status() {
  const status = useUiStore((s) => s.status);
  const clear = useUiStore((s) => s.clearStatus);
  useEffect(() => {
    if (!status || status.tone === 'error') return;
    const timer = setTimeout(clear, 6_000);
    return () => clearTimeout(timer);
  }, [status, clear]);
  return (
    <div className={`status-line ${status ? `status-line-${status.tone}` : ''}`} role={status?.tone === 'error' ? 'alert' : 'status'}>
      {status ? (
        <>
          <span>{status.text}</span>
          {status.tone === 'error' ? (
            <button type="button" className="button button-link" onClick={clear}>
              Dismiss
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
