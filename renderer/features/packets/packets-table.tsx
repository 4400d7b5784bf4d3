/**
 * The table of the packets list: one row per candidate's current packet,
 * with a checkbox to choose what goes into a bundle.
 */
import type { Candidate } from '../../../shared/domain/candidate';
import type { Packet } from '../../../shared/domain/packet';
import type { PacketListRow } from '../../../shared/packets/packet-list';
import { readinessText } from '../../../shared/rules/readiness';
import { hrefFor } from '../../app/routes';
import { STATUS_LABEL } from './packet-list-controls';

interface Props {
  caption: string;
  rows: readonly PacketListRow<Packet, Candidate>[];
  selected: ReadonlySet<string>;
  levelName: (levelId: string | null) => string;
  onToggle: (packetId: string, on: boolean) => void;
  onToggleAll: (on: boolean) => void;
}

export function PacketsTable({ caption, rows, selected, levelName, onToggle, onToggleAll }: Props) {
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.packet.id));
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">
            <input type="checkbox" aria-label="Select all packets shown" checked={allSelected} onChange={(e) => onToggleAll(e.target.checked)} />
          </th>
          <th scope="col">Candidate</th>
          <th scope="col">Manager</th>
          <th scope="col">Target level</th>
          <th scope="col" className="num">
            Readiness
          </th>
          <th scope="col" className="num">
            Revision
          </th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ packet, candidate, readiness: r }) => {
          const name = candidate?.name ?? 'Unknown candidate';
          return (
            <tr key={packet.id} className={candidate?.archived ? 'candidate-row-archived' : undefined}>
              <td>
                <input type="checkbox" aria-label={`Select ${name}`} checked={selected.has(packet.id)} onChange={(e) => onToggle(packet.id, e.target.checked)} />
              </td>
              <td>
                <a href={hrefFor('packets', packet.candidateId)}>{name}</a>
                {candidate?.archived ? <span className="tag">Archived</span> : null}
              </td>
              <td>{candidate?.manager ?? '—'}</td>
              <td>{levelName(packet.targetLevelId)}</td>
              <td className="num" title={r.rule}>
                {readinessText(r)}
              </td>
              <td className="num">{packet.revision}</td>
              <td>
                <span className={`status status-${packet.status}`}>{STATUS_LABEL[packet.status]}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
