/**
 * A button that runs a check and says the outcome beside it in a live
 * region (Verify, Compare with an earlier export): busy while it runs, the
 * result as one sentence, an error in words rather than a blank. Busy, the
 * button is aria-disabled, not disabled: a disabled button drops the focus to
 * the page (a keyboard trial pressed Enter and lost its place).
 */
import { useState } from 'react';
import { errorMessage } from '../../shared/util/error-message';

export interface StatusOutcome {
  ok: boolean;
  text: string;
  /** Neither a pass nor a failure (a file that cannot be compared here): said in the page's own colour, not in red. */
  neutral?: boolean;
}

type State = { state: 'idle' } | { state: 'busy' } | ({ state: 'done' } & StatusOutcome);

export function StatusAction({ label, busyLabel, run, align = 'start' }: { label: string; busyLabel: string; run: () => Promise<StatusOutcome | null>; align?: 'start' | 'end' }) {
  const [result, setResult] = useState<State>({ state: 'idle' });
  async function go() {
    if (result.state === 'busy') return;
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
      <button type="button" className="button button-secondary" onClick={() => void go()} aria-disabled={result.state === 'busy' || undefined} aria-busy={result.state === 'busy'}>
        {result.state === 'busy' ? busyLabel : label}
      </button>
      <p role="status" className={result.state === 'done' ? (result.neutral ? 'status-note' : result.ok ? 'status-ok' : 'status-broken') : undefined}>
        {result.state === 'done' ? result.text : null}
      </p>
    </div>
  );
}
