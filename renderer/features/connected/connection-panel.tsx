/**
 * "Connected mode" for the active cycle, on the Cycles page: off by default
 * (the form, which sends nothing until saved); once on, where it connects,
 * who this app acts as, the live status, and Disconnect, which asks first
 * and keeps every record on this machine.
 */
import { useState } from 'react';
import type { Cycle } from '../../../shared/domain';
import { commands } from '../../db/commands';
import { useConnectionStatus } from '../../connected/status';
import { useConnection, useCycleCommittee } from '../../db/connected-hooks';
import { actingAsName } from '../../../shared/connected/committee';
import { useUiStore } from '../../state/ui-store';
import { useConfirmDialog } from '../../components/use-confirm-dialog';
import { AUTH_KINDS } from './auth-fields';
import { ConnectionForm } from './connection-form';
import './connected.css';
import { couldNot } from '../../../shared/util/error-message';

const ROLE_WORDS = { chair: 'the chair', member: 'a committee member', manager: 'a manager (sends packets only)' } as const;

export function ConnectionPanel({ cycle }: { cycle: Cycle }) {
  const connection = useConnection(cycle.id);
  const committee = useCycleCommittee(cycle.id);
  // Whether the committee has the cycle (chair: sent; member: imported), or why not.
  const copy = useConnectionStatus(cycle.id)?.copy;
  const announce = useUiStore((s) => s.announce);
  const [editing, setEditing] = useState(false);
  const { ask, dialog } = useConfirmDialog({ onError: (error) => announce(couldNot('disconnect', error), 'error') });
  const askDisconnect = () =>
    ask({
      title: `Disconnect ${cycle.name}?`,
      body: (
        <>
          <p>This app stops sending and receiving this cycle’s session actions and forgets the server address and credentials.</p>
          <p>Every record stays on this computer. Changes not yet sent are kept and go out if you connect again.</p>
        </>
      ),
      confirmLabel: 'Disconnect',
      onConfirm: async () => {
        await commands.forgetConnection(cycle.id);
        announce(`${cycle.name} is no longer connected. Its records stay on this computer.`);
      },
    });

  if (connection === undefined) return null;
  return (
    <section className="form-card connection-panel" aria-labelledby="connected-mode-title">
      <h2 id="connected-mode-title">Connected mode</h2>
      {connection === null || editing ? (
        <>
          <p className="muted">
            Off by default. Connect {cycle.name} to your organisation’s NATS server so each committee member votes from their own Levelset and managers send packets to the committee.
          </p>
          <ConnectionForm key={connection?.serverUrl ?? 'new'} cycle={cycle} current={connection ?? undefined} onSaved={() => setEditing(false)} onCancel={editing ? () => setEditing(false) : undefined} />
        </>
      ) : (
        <>
          <dl className="connection-facts">
            <dt>Server</dt>
            <dd>{connection.serverUrl}</dd>
            <dt>Signs in with</dt>
            <dd>
              {AUTH_KINDS.find((k) => k.value === connection.authKind)?.label}
              {connection.user ? ` (${connection.user})` : ''}
            </dd>
            <dt>This app acts as</dt>
            <dd>
              {actingAsName(connection.identity, committee)}, {ROLE_WORDS[connection.identity.role]}
              {connection.identity.role !== 'manager' ? <span className="muted"> (committee id {connection.identity.memberId})</span> : null}
            </dd>
            {connection.identity.role === 'chair' ? (
              <>
                <dt>Members join with</dt>
                <dd>
                  cycle id <code>{cycle.id}</code> and the cycle passphrase
                </dd>
              </>
            ) : null}
            {copy ? (
              <>
                <dt>The cycle’s copy</dt>
                <dd className={copy.state === 'failed' ? 'field-error' : undefined}>{copy.message}</dd>
              </>
            ) : null}
          </dl>
          <div className="row-actions">
            <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
              Change settings
            </button>
            <button type="button" className="button button-quiet-danger" onClick={askDisconnect}>
              Disconnect…
            </button>
          </div>
        </>
      )}
      {dialog}
    </section>
  );
}
