/**
 * The packets list's search, filters and sort: search and "Show archived"
 * are the Candidates list's controls; status, manager and target level
 * narrow the list; the sort orders it. Options list only what the rows have.
 */
import type { PacketStatus } from '../../../shared/domain/packet';
import { PACKET_SORTS, type PacketListFilter, type PacketSort } from '../../../shared/packets/packet-list';
import { SearchField, ShowArchivedToggle, ShownCount, SortField } from '../../components/list-controls';
import { FilterSelect } from '../../components/filter-options';

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
  const { filter, onFilter } = props;
  const set = <K extends keyof PacketListFilter>(key: K, value: PacketListFilter[K]) => onFilter({ ...filter, [key]: value });
  return (
    <div className="toolbar packet-list-controls">
      <SearchField label="Search packets" placeholder="Search by name, manager or team" value={filter.query} onChange={(v) => set('query', v)} />
      <FilterSelect className="toolbar-field" label="Status" any="Any status" value={filter.status} options={props.statuses.map((s) => ({ value: s, label: STATUS_LABEL[s] }))} onChange={(v) => set('status', v as PacketListFilter['status'])} />
      <FilterSelect className="toolbar-field" label="Manager" any="Any manager" value={filter.manager} options={props.managers.map((m) => ({ value: m, label: m }))} onChange={(v) => set('manager', v)} />
      <FilterSelect className="toolbar-field" label="Target level" any="Any target level" value={filter.targetLevelId} options={props.levels.map((l) => ({ value: l.id, label: l.label }))} onChange={(v) => set('targetLevelId', v)} />
      <SortField value={props.sort} options={PACKET_SORTS} onChange={props.onSort} />
      <ShowArchivedToggle checked={props.showArchived} count={props.archivedCount} onChange={props.onShowArchived} />
      <ShownCount shown={props.shown} of={props.listed} />
    </div>
  );
}
