/**
 * Whose packets a bundle export carries, named in the export panel before
 * the file is written: the panel said only "Export 12 packets as a bundle",
 * so a manager could not see that a filter or a stray tick had changed the
 * selection before a confidential file left the machine.
 */
import { useId } from 'react';
import type { PacketStatus } from '../../../shared/domain/packet';
import { STATUS_LABEL } from './packet-history';
import './export-chosen-list.css';

/** A packet chosen for export, as the panel names it. */
export interface ChosenPacket {
  id: string;
  candidateName: string;
  status: PacketStatus;
  revision: number;
}

/** Listed in full up to this many; the rest behind "and N more". */
const SHOWN = 8;

/** The name, and what sets the packet apart from a first submitted revision (the usual case). */
function Item({ packet }: { packet: ChosenPacket }) {
  const marks = [...(packet.status === 'submitted' ? [] : [STATUS_LABEL[packet.status].toLowerCase()]), ...(packet.revision > 1 ? [`revision ${packet.revision}`] : [])];
  return (
    <li>
      {packet.candidateName}
      {marks.length > 0 ? <span className="muted"> ({marks.join(', ')})</span> : null}
    </li>
  );
}

export function ExportChosenList({ chosen }: { chosen: readonly ChosenPacket[] }) {
  const rest = chosen.slice(SHOWN);
  const heading = useId();
  return (
    <div className="export-chosen">
      <span id={heading}>{chosen.length === 1 ? 'The packet of:' : 'The packets of:'}</span>{' '}
      <ul aria-labelledby={heading}>
        {chosen.slice(0, SHOWN).map((p) => (
          <Item key={p.id} packet={p} />
        ))}
      </ul>
      {rest.length > 0 ? (
        <details>
          <summary>and {rest.length} more</summary>
          <ul aria-label={`${rest.length} more`}>
            {rest.map((p) => (
              <Item key={p.id} packet={p} />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
