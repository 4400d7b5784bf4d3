/**
 * Packets: for a manager tracking which cases are drafted and submitted and
 * handing them to the committee as bundle files, and for the chair
 * importing every manager's bundle and checking what is ready for
 * calibration. Rows and readiness come from packetListRows (shared rules);
 * archived candidates are hidden unless "Show archived" is ticked, as on
 * the Candidates list, and only rows shown can be selected and exported.
 */
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { filterPacketRows, isArchivedRow, levelOrderOf, NO_PACKET_FILTER, packetListFacets, packetListRows, sortPacketRows, type PacketListFilter, type PacketSort } from '../../../shared/packets/packet-list';
import type { PacketStatus } from '../../../shared/domain/packet';
import { READINESS_RULE } from '../../../shared/rules/readiness';
import { hrefFor } from '../../app/routes';
import { EmptyState } from '../../components/empty-state';
import { Lazy, lazyCode } from '../../components/lazy-code';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { usePacketsList } from '../../db/list-hooks';
import { levelLabel, useCycleContext } from '../../db/use-cycle-context';
import { NoCycle } from '../no-cycle';
import { CommitteeInbox } from '../connected/committee-inbox';
import { useSendToCommittee } from '../connected/send-to-committee';
import { useBundleExport, useBundleImport } from './bundle-panels';
import { PacketListControls } from './packet-list-controls';
import { PacketsTable } from './packets-table';
import { PACKET_LIST_DEFAULT, useUiStore } from '../../state/ui-store';

// A candidate's packet is a chunk of its own (the builder and every command), loaded when first shown: the list needs none of it (issue 13).
const PACKET_ROUTE = lazyCode(() => import('./packet-route').then((m) => m.PacketRoute));

export function PacketsView({ params = [] }: { params?: string[] }) {
  const candidateId = params[0];
  if (candidateId) return <Lazy code={PACKET_ROUTE} props={{ candidateId }} fallback={<Loading what="the packet" />} />;
  return <PacketList />;
}

const STATUSES: readonly PacketStatus[] = ['draft', 'submitted', 'superseded'];

function PacketList() {
  const context = useCycleContext();
  const cycleId = context?.cycle.id;
  const data = usePacketsList(cycleId);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // In the UI store, per cycle: opening a packet or a candidate and coming back keeps them (they reset on leaving).
  const view = useUiStore((s) => (cycleId ? s.packetLists[cycleId] : undefined)) ?? PACKET_LIST_DEFAULT;
  const setView = useUiStore((s) => s.setPacketList);
  const { filter, sort, showArchived } = view;
  const setFilter = useCallback((next: PacketListFilter) => cycleId && setView(cycleId, { filter: next }), [cycleId, setView]);
  const setSort = useCallback((next: PacketSort) => cycleId && setView(cycleId, { sort: next }), [cycleId, setView]);
  const setShowArchived = useCallback((next: boolean) => cycleId && setView(cycleId, { showArchived: next }), [cycleId, setView]);
  const deferredFilter = useDeferredValue(filter);
  const all = useMemo(
    () => (context && data ? packetListRows({ framework: context.framework, packets: data.packets, candidates: data.candidates, readiness: data.readiness, includeArchived: true }) : []),
    [context, data],
  );
  const levelOrder = useMemo(() => (context?.framework ? levelOrderOf(context.framework) : new Map<string, number>()), [context]);
  const listed = useMemo(() => (showArchived ? all : all.filter((r) => !isArchivedRow(r))), [all, showArchived]);
  const visible = useMemo(() => sortPacketRows(filterPacketRows(listed, deferredFilter), sort, levelOrder), [listed, deferredFilter, sort, levelOrder]);
  // Computed when the rows change, not at every render (each step of an import renders this page).
  const facets = useMemo(() => packetListFacets(listed, levelOrder, STATUSES), [listed, levelOrder]);
  const archivedCount = useMemo(() => all.filter(isArchivedRow).length, [all]);
  // Stable callbacks, so the memoised rows of the table render again only when what they show changes.
  const levelById = context?.levelById;
  const levelName = useCallback((id: string | null) => (levelById ? levelLabel(levelById, id) : '—'), [levelById]);
  const toggle = useCallback(
    (id: string, on: boolean) =>
      setSelected((s) => {
        const next = new Set(s);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );
  // Only what is shown can be exported: a row hidden by a filter or the archive toggle drops out of the selection.
  const chosenRows = useMemo(() => visible.filter((r) => selected.has(r.packet.id)), [visible, selected]);
  const chosen = useMemo(() => chosenRows.map((r) => r.packet.id), [chosenRows]);
  const toExport = useMemo(
    () => chosenRows.map((r) => ({ id: r.packet.id, candidateName: r.candidate?.name ?? 'Unknown candidate', status: r.packet.status, revision: r.packet.revision })),
    [chosenRows],
  );
  const exporter = useBundleExport(cycleId ?? '', context?.cycle.name ?? '', toExport);
  const importer = useBundleImport();
  const sender = useSendToCommittee(cycleId ?? '', chosen);

  if (context === undefined || (context && data === undefined)) return <Loading what="packets" />;
  if (context === null || !data)
    return (
      <>
        <PageHeader title="Packets" actions={importer.button} />
        {importer.panel}
        <NoCycle what="packets" importHere />
      </>
    );
  const levels = facets.levelIds.map((l) => ({ id: l, label: levelName(l) }));

  return (
    <>
      <PageHeader
        title="Packets"
        subtitle={`${context.cycle.name} · ${facets.submitted} of ${listed.length} submitted`}
        actions={
          <div className="detail-actions">
            {sender.button}
            {exporter.button}
            {importer.button}
          </div>
        }
      />
      {sender.panel}
      {exporter.panel}
      {importer.panel}
      <CommitteeInbox cycleId={context.cycle.id} onOpen={importer.openText} />
      {all.length === 0 ? (
        <EmptyState title="No packets yet">
          <p>A packet is a manager's case for one candidate, criterion by criterion against the target level. Add a candidate to start one, or import a bundle from a manager.</p>
          <p>
            <a href={hrefFor('candidates', 'new')}>Add a candidate</a>
          </p>
        </EmptyState>
      ) : (
        <>
          <PacketListControls
            filter={filter}
            onFilter={setFilter}
            sort={sort}
            onSort={setSort}
            showArchived={showArchived}
            archivedCount={archivedCount}
            onShowArchived={setShowArchived}
            statuses={facets.statuses}
            managers={facets.managers}
            levels={levels}
            shown={visible.length}
            listed={listed.length}
          />
          <div className="toolbar">
            <button type="button" className="button button-secondary" onClick={() => setSelected(new Set(visible.filter((r) => r.packet.status === 'submitted').map((r) => r.packet.id)))}>
              Select submitted
            </button>
            <span className="muted">{chosen.length} selected</span>
          </div>
          {listed.length === 0 ? (
            <p className="muted">Every packet in this cycle belongs to an archived candidate. Tick “Show archived” to see them.</p>
          ) : visible.length === 0 ? (
            <p className="muted">
              No packet matches these filters.{' '}
              <button type="button" className="button-link" onClick={() => setFilter(NO_PACKET_FILTER)}>
                Clear the search and filters
              </button>
            </p>
          ) : (
            <PacketsTable
              caption={`Packets in ${context.cycle.name}`}
              rows={visible}
              selected={selected}
              levelName={levelName}
              onToggle={toggle}
              onToggleAll={(on) => setSelected(on ? new Set(visible.map((r) => r.packet.id)) : new Set())}
            />
          )}
          <p className="muted table-note">{READINESS_RULE}.</p>
        </>
      )}
    </>
  );
}
