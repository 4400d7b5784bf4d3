/**
 * "Compare with an earlier export": opens a backup or bundle made earlier
 * and says whether this machine's audit trail still holds every entry the
 * file recorded (its trail head). A trail that was cut or rewritten since
 * shows here even when its own chain verifies.
 */
import { useState } from 'react';
import { MAX_OPEN_FILE_BYTES } from '../../../shared/ipc/contract';
import { recordQueries } from '../../db/record-queries';
import { getPlatform } from '../../platform/bridge';

type State = { state: 'idle' } | { state: 'busy' } | { state: 'done'; ok: boolean; text: string };

export function CompareWithExport() {
  const [result, setResult] = useState<State>({ state: 'idle' });
  async function compare() {
    setResult({ state: 'busy' });
    try {
      const file = await getPlatform().openFile({ filters: [{ name: 'Levelset backup or bundle', extensions: ['json'] }], maxBytes: MAX_OPEN_FILE_BYTES });
      if (file.canceled) return setResult({ state: 'idle' });
      setResult({ state: 'done', ...(await recordQueries.compareWithExport(file.content, file.fileName)) });
    } catch (error) {
      setResult({ state: 'done', ok: false, text: `✗ Could not compare: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return (
    <div className="session-verify">
      <button type="button" className="button button-secondary" onClick={() => void compare()} disabled={result.state === 'busy'} aria-busy={result.state === 'busy'}>
        {result.state === 'busy' ? 'Comparing…' : 'Compare with an earlier export…'}
      </button>
      <p role="status" className={result.state === 'done' ? (result.ok ? 'session-verify-ok' : 'session-verify-broken') : undefined}>
        {result.state === 'done' ? result.text : null}
      </p>
    </div>
  );
}
