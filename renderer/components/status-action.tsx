/**
 * A button that runs a check and says the outcome beside it in a live
 * region (Verify, Compare with an earlier export): busy while it runs, the
 * result as one sentence, an error in words rather than a blank.
 */
import { useState } from 'react';
import { errorMessage } from '../../shared/util/error-message';

export interface StatusOutcome {
  ok: boolean;
  text: string;
}

type State = { state: 'idle' } | { state: 'busy' } | ({ state: 'done' } & StatusOutcome);

export function StatusAction({ label, busyLabel, run, align = 'start' }: { label: string; busyLabel: string; run: () => Promise<StatusOutcome | null>; align?: 'start' | 'end' }) {
  const [result, setResult] = useState<State>({ state: 'idle' });
  async function go() {
    setResult({ state: 'busy' });
    try {
      const outcome = await run();
      setResult(outcome ? { state: 'done', ...outcome } : { state: 'idle' });
    } catch (error) {
      setResult({ state: 'done', ok: false, text: `✗ ${label.replace(/…$/, '')} did not finish: ${errorMessage(error)}` });
    }
  }
  return (
    <div className={`status-action status-action-${align}`}>
      <button type="button" className="button button-secondary" onClick={() => void go()} disabled={result.state === 'busy'} aria-busy={result.state === 'busy'}>
        {result.state === 'busy' ? busyLabel : label}
      </button>
      <p role="status" className={result.state === 'done' ? (result.ok ? 'status-ok' : 'status-broken') : undefined}>
        {result.state === 'done' ? result.text : null}
      </p>
    </div>
  );
}
