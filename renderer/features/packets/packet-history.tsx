/**
 * The revisions of a packet, newest first. Reopening never edits a submitted
 * revision, so every earlier one stays here and can be read as it was sent.
 */
import type { Packet } from '../../../shared/domain/packet';

export const STATUS_LABEL = { draft: 'Draft', submitted: 'Submitted', superseded: 'Superseded' } as const;

/** A timestamp in the user's locale, date and time. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * The label of a copy of draft edits that a bundle import set aside because
 * the same revision was submitted meanwhile (Packet.conflictOf); null for
 * every other revision.
 */
export function keptEditsLabel(packet: Pick<Packet, 'conflictOf' | 'revision'>): string | null {
  return packet.conflictOf
    ? `Unsent edits to revision ${packet.revision}, kept by a bundle import because that revision was submitted while they were being made. The committee sees the submission; to carry these edits on, reopen the packet and bring them into the new revision.`
    : null;
}

export function revisionStatusText(packet: Pick<Packet, 'status' | 'revision' | 'submittedAt'>): string {
  const base = `${STATUS_LABEL[packet.status]} · revision ${packet.revision}`;
  return packet.submittedAt && packet.status !== 'draft' ? `${base} · submitted ${formatTimestamp(packet.submittedAt)}` : base;
}

export function RevisionHistory({ packets, viewedId, currentId, onView }: { packets: readonly Packet[]; viewedId: string; currentId: string | null; onView: (packetId: string) => void }) {
  return (
    <section className="packet-section packet-history" aria-labelledby="packet-history-heading">
      <h2 id="packet-history-heading">Revisions</h2>
      {packets.length === 1 ? <p className="muted">Only one revision so far. Reopening a submitted packet starts a new revision and keeps this one.</p> : null}
      <table className="data-table compact">
        <caption className="visually-hidden">Revisions of this packet, newest first</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Revision
            </th>
            <th scope="col">Status</th>
            <th scope="col">Submitted</th>
            <th scope="col">Last changed</th>
            <th scope="col">
              <span className="visually-hidden">View</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {packets.map((p) => (
            <tr key={p.id} aria-current={p.id === viewedId ? 'true' : undefined}>
              <td className="num">{p.revision}</td>
              <td>
                <span className={`status status-${p.status}`}>{STATUS_LABEL[p.status]}</span>
                {p.id === currentId ? <span className="tag">current</span> : null}
                {p.conflictOf ? <span className="tag" title={keptEditsLabel(p) ?? undefined}>unsent edits</span> : null}
              </td>
              <td>{p.submittedAt ? formatTimestamp(p.submittedAt) : '—'}</td>
              <td>{formatTimestamp(p.updatedAt)}</td>
              <td>
                {p.id === viewedId ? (
                  <span className="muted">Shown above</span>
                ) : (
                  <button type="button" className="button button-small" onClick={() => onView(p.id)}>
                    View revision {p.revision}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
