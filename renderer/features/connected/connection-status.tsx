/**
 * The connected cycle's status, always in view (the sidebar, or beside the
 * status line in the full-screen presenter): Connected, Syncing or Offline
 * with a glyph as well as a colour, how many changes wait to be sent, and
 * the last problem in plain words. Nothing shows for a cycle that is not
 * connected: connected mode is opt-in.
 */
import { hrefFor } from '../../app/routes';
import { useConnectionStatus } from '../../connected/status';
import { useConnection, useOutboxCount } from '../../db/connection-hook';
import { useActiveCycle } from '../../db/hooks';
import './connected.css';

type Shown = 'connected' | 'syncing' | 'offline' | 'packets-only';
const LABEL: Record<Shown, string> = { connected: 'Connected', syncing: 'Syncing', offline: 'Offline', 'packets-only': 'Connected mode: packets only' };
const GLYPH: Record<Shown, string> = { connected: '●', syncing: '↻', offline: '○', 'packets-only': '→' };

export function waitingText(count: number): string {
  if (count === 0) return 'All changes sent';
  return count === 1 ? '1 change waiting to be sent' : `${count} changes waiting to be sent`;
}

export function ConnectionStatus() {
  const cycle = useActiveCycle();
  const connection = useConnection(cycle?.id);
  const status = useConnectionStatus(cycle?.id);
  const waiting = useOutboxCount(cycle?.id);
  if (!cycle || !connection) return null;
  let shown: Shown;
  if (connection.identity.role === 'manager') shown = 'packets-only';
  else if (status?.state === 'connected') shown = 'connected';
  else if (status?.state === 'syncing' || status?.state === 'connecting') shown = 'syncing';
  else shown = 'offline';
  // The committee copy's failure too (a chair or member whose browser forgot the cycle passphrase): it showed only on
  // the Cycles page, below the fold, while this said "Connected · All changes sent" (a trial).
  const problem = status?.lastError?.message ?? (status?.copy?.state === 'failed' ? status.copy.message : undefined);
  return (
    <div className={`connection-status connection-status-${shown}`} role="status" aria-label={`Connected mode for ${cycle.name}`} data-state={shown}>
      <p className="connection-status-state">
        <span aria-hidden="true" className="connection-status-glyph">
          {GLYPH[shown]}
        </span>{' '}
        <strong>{LABEL[shown]}</strong>
      </p>
      {shown === 'packets-only' ? null : <p className="connection-status-waiting">{waiting === undefined ? '' : waitingText(waiting)}</p>}
      {problem && (shown !== 'connected' || status?.copy?.state === 'failed') ? <p className="connection-status-problem">{problem}</p> : null}
      <a className="connection-status-link" href={hrefFor('cycles')}>
        Connection settings
      </a>
    </div>
  );
}
