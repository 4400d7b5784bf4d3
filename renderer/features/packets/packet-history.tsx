/**
 * The revisions of a packet, newest first. Reopening never edits a submitted
 * revision, so every earlier one stays here and can be read as it was sent.
 * Edits a bundle import kept beside a submission can start the next
 * revision, after a confirmation that says the submission is reopened.
 */
import { useState } from 'react';
import { formatInstant } from '../../components/dates';
import type { Packet } from '../../../shared/domain/packet';
import { reviewedPacket } from '../../../shared/rules/current-packet';

export const STATUS_LABEL = { draft: 'Draft', submitted: 'Submitted', superseded: 'Superseded' } as const;

/**
 * The label of a copy a bundle import kept beside a revision (Packet.conflictOf):
 * draft edits the same revision's submission beat, or a bundle's different
 * copy of a revision already submitted or superseded here (keptBecause
 * `bundle-copy`); null for every other revision.
 */
export function keptEditsLabel(packet: Pick<Packet, 'conflictOf' | 'revision' | 'keptBecause'>): string | null {
  if (!packet.conflictOf) return null;
  const carryOn = 'use “Start the next revision from these edits” in the revisions list.';
  return packet.keptBecause === 'bundle-copy'
    ? `A different copy of revision ${packet.revision} arrived in a bundle and was kept beside it. Revision ${packet.revision} stays as it is here; to carry this copy on, ${carryOn}`
    : `Unsent edits to revision ${packet.revision}, kept by a bundle import because that revision was submitted while they were being made. The committee sees the submission; to carry these edits on, ${carryOn}`;
}

export function revisionStatusText(packet: Pick<Packet, 'status' | 'revision' | 'submittedAt'>): string {
  const base = `${STATUS_LABEL[packet.status]} · revision ${packet.revision}`;
  return packet.submittedAt && packet.status !== 'draft' ? `${base} · submitted ${formatInstant(packet.submittedAt)}` : base;
}

/**
 * When the revision's content was last edited. A submitted revision is frozen
 * at its submission, and stays so when a reopen marks it superseded; its
 * updatedAt is then the reopen's time, which read as "changed after it was
 * submitted". A copy never submitted (a draft, kept edits) shows its own time.
 */
export function lastEditedText(packet: Pick<Packet, 'status' | 'submittedAt' | 'updatedAt'>): string {
  return packet.status !== 'draft' && packet.submittedAt ? 'At submission' : formatInstant(packet.updatedAt);
}

interface Props {
  packets: readonly Packet[];
  viewedId: string;
  current: Pick<Packet, 'id' | 'revision' | 'status'> | null;
  busy: boolean;
  onView: (packetId: string) => void;
  /** Starts the next revision from a kept copy's edits (reopens the current, submitted revision). */
  onReopenKept: (keptId: string) => void;
}

export function RevisionHistory({ packets, viewedId, current, busy, onView, onReopenKept }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  // Kept edits carry on only from the submission they were set aside for, while it is the current revision.
  const reviewed = reviewedPacket(packets);
  const canCarryOn = (p: Packet) => !!p.conflictOf && current !== null && current.status === 'submitted' && p.conflictOf === current.id;
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
            <th scope="col">Last edited</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {packets.map((p) => (
            <tr key={p.id} aria-current={p.id === viewedId ? 'true' : undefined}>
              <td className="num">{p.revision}</td>
              <td>
                {/* Reopened while its draft successor is unsubmitted, it is still the submitted case: "Superseded" beside
                    "the case sessions review" read as a contradiction (a manager trial). */}
                <span className={`status status-${p.status}`}>{p.id === reviewed?.id && p.status === 'superseded' ? 'Submitted, reopened' : STATUS_LABEL[p.status]}</span>
                {p.id === current?.id ? <span className="tag">current</span> : null}
                {/* Superseded by a draft, it is still the submitted case sessions review ("Superseded" alone read as replaced, a trial). */}
                {p.id === reviewed?.id && p.id !== current?.id ? <span className="tag">the case sessions review</span> : null}
                {p.conflictOf ? (
                  <span className="tag" title={keptEditsLabel(p) ?? undefined}>
                    {p.keptBecause === 'bundle-copy' ? 'copy from a bundle' : 'unsent edits'}
                  </span>
                ) : null}
              </td>
              <td>{p.submittedAt ? formatInstant(p.submittedAt) : '—'}</td>
              <td>{lastEditedText(p)}</td>
              <td className="packet-history-actions">
                {p.id === viewedId ? (
                  <span className="muted">Shown above</span>
                ) : (
                  <button type="button" className="button button-small" onClick={() => onView(p.id)}>
                    View revision {p.revision}
                  </button>
                )}
                {canCarryOn(p) && current ? (
                  confirming === p.id ? (
                    <KeptConfirm
                      current={current}
                      busy={busy}
                      onConfirm={() => {
                        setConfirming(null);
                        onReopenKept(p.id);
                      }}
                      onCancel={() => {
                        setConfirming(null);
                        // Back to the button that opened the question, once it is drawn again.
                        requestAnimationFrame(() => document.getElementById(`kept-${p.id}`)?.focus());
                      }}
                    />
                  ) : (
                    <button type="button" id={`kept-${p.id}`} className="button button-small" disabled={busy} onClick={() => setConfirming(p.id)}>
                      Start the next revision from these edits
                    </button>
                  )
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function KeptConfirm({ current, busy, onConfirm, onCancel }: { current: Pick<Packet, 'revision'>; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <div className="packet-history-confirm" role="group" aria-label="Confirm starting the next revision from these edits">
      <p>
        This reopens submitted revision {current.revision}: it is kept, read-only, for the record, and revision {current.revision + 1} starts as a draft with
        these edits’ summary, “not yet doing” and assessments. The committee sees revision {current.revision} until you submit the new one.
      </p>
      <button type="button" className="button button-small button-primary" disabled={busy} onClick={onConfirm} autoFocus>
        Start revision {current.revision + 1} from these edits
      </button>
      <button type="button" className="button button-small" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
