/**
 * The chair's inbox of a connected cycle: packet bundles managers sent to
 * the committee, newest first. Opening one runs it through the same checks,
 * passphrase, preview and merge as a bundle file (bundle-import.tsx);
 * nothing is written until the chair confirms the preview.
 */
import { useEffect, useRef, useState } from 'react';
import { formatInstant } from '../../components/dates';
import { plural } from '../../../shared/util/plural';
import type { IncomingBundle } from '../../connected/inbox-chunks';
import { useConnection } from '../../db/connection-hook';
import { errorMessage } from '../../../shared/util/error-message';

type Inbox = { state: 'idle' | 'reading' } | { state: 'read'; bundles: IncomingBundle[] } | { state: 'error'; message: string };

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

async function fetchInbox(cycleId: string): Promise<Inbox> {
  try {
    const { readCommitteeInbox } = await import('../../connected/inbox');
    return { state: 'read', bundles: await readCommitteeInbox(cycleId) };
  } catch (e) {
    return { state: 'error', message: errorMessage(e) };
  }
}

/** `onOpen`'s `from`: where the focus goes back when that import ends (the bundle's Open…, or Check for new packets if the list was drawn anew). */
export function CommitteeInbox({ cycleId, onOpen }: { cycleId: string; onOpen: (name: string, text: string, from: () => HTMLElement | null) => void }) {
  const connection = useConnection(cycleId);
  const isChair = connection?.identity.role === 'chair';
  const [inbox, setInbox] = useState<Inbox>({ state: 'idle' });
  const check = useRef<HTMLButtonElement>(null);

  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!isChair) return;
    let live = true;
    void fetchInbox(cycleId).then((next) => live && setInbox(next));
    return () => {
      live = false;
    };
  }, [isChair, cycleId, round]);

  function read() {
    setInbox({ state: 'reading' });
    setRound((n) => n + 1);
  }

  if (!isChair) return null;
  return (
    <section className="form-card committee-inbox" aria-labelledby="committee-inbox-title">
      <h2 id="committee-inbox-title">Sent to the committee</h2>
      {inbox.state === 'reading' || inbox.state === 'idle' ? <p role="status">Checking the inbox…</p> : null}
      {inbox.state === 'error' ? (
        <p role="alert" className="field-error">
          {inbox.message}
        </p>
      ) : null}
      {inbox.state === 'read' && inbox.bundles.length === 0 ? <p className="muted">No packets yet. Managers send them with “Send to committee” on their Packets page.</p> : null}
      {inbox.state === 'read' && inbox.bundles.length > 0 ? (
        <ul className="sealed-members" aria-label="Incoming packet bundles">
          {inbox.bundles.map((b) => (
            <li key={b.key} className="sealed-member">
              <span>
                <strong>{b.sender}</strong> · {plural(b.packets, 'packet')} · {sizeText(b.bytes)} · {formatInstant(b.receivedAt)}
              </span>
              <button
                type="button"
                className="button button-small button-secondary"
                onClick={(event) => {
                  const opened = event.currentTarget;
                  onOpen(`The bundle from ${b.sender}`, b.text, () => (opened.isConnected ? opened : check.current?.disabled ? null : check.current));
                }}
                aria-label={`Open the bundle from ${b.sender}`}
              >
                Open…
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <button ref={check} type="button" className="button button-secondary" onClick={read} disabled={inbox.state === 'reading'}>
        Check for new packets
      </button>
    </section>
  );
}
