/**
 * Packets: for a manager tracking which cases are drafted and submitted and
 * handing them to the committee as bundle files, and for the chair
 * importing every manager's bundle and checking what is ready for
 * calibration. Rows and readiness come from packetListRows (shared rules).
 */
import { useState } from 'react';
import { packetListRows } from '../../../shared/packets/packet-list';
import { READINESS_RULE, readinessText } from '../../../shared/rules/readiness';
import { hrefFor } from '../../app/routes';
import { EmptyState } from '../../components/empty-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { usePacketsList } from '../../db/packet-hooks';
import { levelLabel, useCycleContext } from '../../db/use-cycle-context';
import { NoCycle } from '../no-cycle';
import { useBundleExport, useBundleImport } from './bundle-panels';
import { PacketRoute } from './packet-route';

const STATUS_LABEL = { draft: 'Draft', submitted: 'Submitted', superseded: 'Superseded' } as const;

export function PacketsView({ params = [] }: { params?: string[] }) {
  const candidateId = params[0];
  if (candidateId) return <PacketRoute candidateId={candidateId} />;
  return <PacketList />;
}

function PacketList() {
  const context = useCycleContext();
  const cycleId = context?.cycle.id;
  const data = usePacketsList(cycleId);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const exporter = useBundleExport(cycleId ?? '', context?.cycle.name ?? '', [...selected]);
  const importer = useBundleImport();

  if (context === undefined || (context && data === undefined)) return <Loading what="packets" />;
  if (context === null || !data)
    return (
      <>
        <PageHeader title="Packets" actions={importer.button} />
        {importer.panel}
        <NoCycle what="packets" />
      </>
    );
  const rows = packetListRows({ framework: context.framework, packets: data.packets, candidates: data.candidates, coverage: data.coverage });
  const submitted = rows.filter((r) => r.packet.status === 'submitted');
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.packet.id));

  return (
    <>
      <PageHeader
        title="Packets"
        subtitle={`${context.cycle.name} · ${submitted.length} of ${rows.length} submitted`}
        actions={
          <div className="detail-actions">
            {exporter.button}
            {importer.button}
          </div>
        }
      />
      {exporter.panel}
      {importer.panel}
      {rows.length === 0 ? (
        <EmptyState title="No packets yet">
          <p>A packet is a manager's case for one candidate, criterion by criterion against the target level. Add a candidate to start one, or import a bundle from a manager.</p>
          <p>
            <a href={hrefFor('candidates', 'new')}>Add a candidate</a>
          </p>
        </EmptyState>
      ) : (
        <>
          <div className="toolbar">
            <button type="button" className="button button-secondary" onClick={() => setSelected(new Set(submitted.map((r) => r.packet.id)))}>
              Select submitted
            </button>
            <span className="muted">{selected.size} selected</span>
          </div>
          <table className="data-table">
            <caption className="visually-hidden">Packets in {context.cycle.name}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label="Select all packets"
                    checked={allSelected}
                    onChange={(e) => setSelected(e.target.checked ? new Set(rows.map((r) => r.packet.id)) : new Set())}
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
              </tr>
            </thead>
            <tbody>
              {rows.map(({ packet, candidate, readiness: r }) => {
                const name = candidate?.name ?? 'Unknown candidate';
                return (
                  <tr key={packet.id}>
                    <td>
                      <input type="checkbox" aria-label={`Select ${name}`} checked={selected.has(packet.id)} onChange={(e) => toggle(packet.id, e.target.checked)} />
                    </td>
                    <td>
                      <a href={hrefFor('packets', packet.candidateId)}>{name}</a>
                    </td>
                    <td>{candidate?.manager ?? '—'}</td>
                    <td>{levelLabel(context.levelById, packet.targetLevelId)}</td>
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
          <p className="muted table-note">{READINESS_RULE}.</p>
        </>
      )}
    </>
  );
}
