/**
 * The table of the packets list: one row per candidate's current packet,
 * with a checkbox to choose what goes into a bundle. Virtualised
 * (components/virtual-table.tsx), and each row is memoised on what it
 * shows: after a bundle import re-reads the list, only the rows whose
 * packet, candidate or readiness changed render again (issue 13: every row
 * re-rendered after each of 30 imports, so a chair's imports grew slower).
 */
import { memo, useMemo } from 'react';
import type { Candidate } from '../../../shared/domain/candidate';
import type { PacketStatus } from '../../../shared/domain/packet';
import type { ListedPacket, PacketListRow } from '../../../shared/packets/packet-list';
import { readinessText } from '../../../shared/rules/readiness';
import { hrefFor } from '../../app/routes';
import { VirtualTable } from '../../components/virtual-table';
import { STATUS_LABEL } from './packet-list-controls';
import { sessionsReviewNote } from './sessions-review-note';

/** What one row shows, as plain values, so an unchanged row compares equal after a re-read. */
export interface PacketRowView {
  packetId: string;
  candidateId: string;
  name: string;
  manager: string;
  archived: boolean;
  level: string;
  readiness: string;
  rule: string;
  revision: number;
  status: PacketStatus;
  /** For a draft that follows a submission, that calibration sessions review the submission meanwhile (sessionsReviewNote, short). */
  reviewNote: string | null;
  selected: boolean;
}

interface Shared {
  onToggle: (packetId: string, on: boolean) => void;
}

const PacketRow = memo(
  function PacketRow({ row, extra }: { row: PacketRowView; extra: Shared }) {
    return (
      <>
        <td>
          <input type="checkbox" aria-label={`Select ${row.name}`} checked={row.selected} onChange={(e) => extra.onToggle(row.packetId, e.target.checked)} />
        </td>
        <td>
          <a href={hrefFor('packets', row.candidateId)}>{row.name}</a>
          {row.archived ? <span className="tag">Archived</span> : null}
        </td>
        <td className="words">{row.manager}</td>
        <td className="words">{row.level}</td>
        <td className="num readiness" title={row.rule}>
          {row.readiness}
        </td>
        <td className="num">{row.revision}</td>
        <td>
          <span className={`status status-${row.status}`}>{STATUS_LABEL[row.status]}</span>
          {row.reviewNote ? <span className="status-note"> {row.reviewNote}</span> : null}
        </td>
      </>
    );
  },
  (a, b) => a.extra === b.extra && sameView(a.row, b.row),
);

function sameView(a: PacketRowView, b: PacketRowView): boolean {
  for (const key of Object.keys(a) as Array<keyof PacketRowView>) if (a[key] !== b[key]) return false;
  return true;
}

interface Props {
  caption: string;
  rows: readonly PacketListRow<ListedPacket, Candidate>[];
  selected: ReadonlySet<string>;
  levelName: (levelId: string | null) => string;
  /** Keep it stable between renders (useCallback), or every row renders again. */
  onToggle: (packetId: string, on: boolean) => void;
  onToggleAll: (on: boolean) => void;
}

const keyOf = (r: PacketRowView) => r.packetId;
const classOf = (r: PacketRowView) => (r.archived ? 'candidate-row-archived' : undefined);

export function PacketsTable({ caption, rows, selected, levelName, onToggle, onToggleAll }: Props) {
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.packet.id));
  // Some but not all: said as "mixed" (a keyboard trial heard "not checked" beside "19 selected").
  const someSelected = !allSelected && rows.some((r) => selected.has(r.packet.id));
  const views = useMemo(
    () =>
      rows.map(
        ({ packet, candidate, readiness }): PacketRowView => ({
          packetId: packet.id,
          candidateId: packet.candidateId,
          name: candidate?.name ?? 'Unknown candidate',
          manager: candidate?.manager ?? '—',
          archived: candidate?.archived === true,
          level: levelName(packet.targetLevelId),
          readiness: readinessText(readiness),
          rule: readiness.rule,
          revision: packet.revision,
          status: packet.status,
          reviewNote: sessionsReviewNote(packet, 'short'),
          selected: selected.has(packet.id),
        }),
      ),
    [rows, selected, levelName],
  );
  const extra = useMemo(() => ({ onToggle }), [onToggle]);
  const head = (
    <>
      <th scope="col">
        <input
          type="checkbox"
          aria-label="Select all packets shown"
          checked={allSelected}
          ref={(box) => {
            if (box) box.indeterminate = someSelected;
          }}
          onChange={(e) => onToggleAll(e.target.checked)}
        />
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
    </>
  );
  return <VirtualTable caption={caption} rows={views} rowKey={keyOf} head={head} columnCount={7} Row={PacketRow} extra={extra} rowClassName={classOf} />;
}
