import { useEffect } from 'react';
import { useUiStore } from '../state/ui-store';

/** A quiet status line announced to screen readers; errors stay until dismissed. */
export function StatusLine() {
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
