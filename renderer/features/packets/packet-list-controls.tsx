/**
 * The packets list's search, filters and sort: search and "Show archived"
 * are the Candidates list's controls; status, manager and target level
 * narrow the list; the sort orders it. Options list only what the rows have.
 */
import { useId } from 'react';
import type { PacketStatus } from '../../../shared/domain/packet';
import { PACKET_SORTS, type PacketListFilter, type PacketSort } from '../../../shared/packets/packet-list';
import { SearchField, ShowArchivedToggle, ShownCount } from '../../components/list-controls';

export const STATUS_LABEL: Record<PacketStatus, string> = { draft: 'Draft', submitted: 'Submitted', superseded: 'Superseded' };

interface Props {
  filter: PacketListFilter;
  onFilter: (filter: PacketListFilter) => void;
  sort: PacketSort;
  onSort: (sort: PacketSort) => void;
  showArchived: boolean;
  archivedCount: number;
  onShowArchived: (show: boolean) => void;
  statuses: readonly PacketStatus[];
  managers: readonly string[];
  levels: ReadonlyArray<{ id: string; label: string }>;
  shown: number;
  listed: number;
}

export function PacketListControls(props: Props) {
  const id = useId();
  const { filter, onFilter } = props;
  const set = <K extends keyof PacketListFilter>(key: K, value: PacketListFilter[K]) => onFilter({ ...filter, [key]: value });
  return (
    <div className="toolbar packet-list-controls">
      <SearchField label="Search packets" placeholder="Search by name, manager or team" value={filter.query} onChange={(v) => set('query', v)} />
      <span className="toolbar-field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} value={filter.status} onChange={(e) => set('status', e.target.value as PacketListFilter['status'])}>
          <option value="">Any status</option>
          {props.statuses.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </span>
      <span className="toolbar-field">
        <label htmlFor={`${id}-manager`}>Manager</label>
        <select id={`${id}-manager`} value={filter.manager} onChange={(e) => set('manager', e.target.value)}>
          <option value="">Any manager</option>
          {props.managers.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </span>
      <span className="toolbar-field">
        <label htmlFor={`${id}-level`}>Target level</label>
        <select id={`${id}-level`} value={filter.targetLevelId} onChange={(e) => set('targetLevelId', e.target.value)}>
          <option value="">Any target level</option>
          {props.levels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label}
            </option>
          ))}
        </select>
      </span>
      <span className="toolbar-field">
        <label htmlFor={`${id}-sort`}>Sort by</label>
        <select id={`${id}-sort`} value={props.sort} onChange={(e) => props.onSort(e.target.value as PacketSort)}>
          {PACKET_SORTS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </span>
      <ShowArchivedToggle checked={props.showArchived} count={props.archivedCount} onChange={props.onShowArchived} />
      <ShownCount shown={props.shown} of={props.listed} />
    </div>
  );
}
