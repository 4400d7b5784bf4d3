/**
 * Packets: for a manager tracking which cases are drafted and submitted, and
 * for the chair checking what is ready for calibration.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { EmptyState } from '../../components/empty-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { repos } from '../../db/hooks';
import { levelLabel, useCycleContext } from '../../db/use-cycle-context';
import { NoCycle } from '../no-cycle';

const STATUS_LABEL = { draft: 'Draft', submitted: 'Submitted', superseded: 'Superseded' } as const;

export function PacketsView({ params = [] }: { params?: string[] }) {
  void params;
  const context = useCycleContext();
  const cycleId = context?.cycle.id;
  const data = useLiveQuery(
    async () => (cycleId ? { packets: await repos.packets.byCycle(cycleId), candidates: await repos.candidates.byCycle(cycleId) } : null),
    [cycleId],
  );
  if (context === undefined || (context && data === undefined)) return <Loading what="packets" />;
  if (context === null || !data) return <NoCycle what="packets" />;
  const byId = new Map(data.candidates.map((c) => [c.id, c]));
  const rows = data.packets
    .filter((p) => p.status !== 'superseded')
    .map((p) => ({ packet: p, candidate: byId.get(p.candidateId) }))
    .sort((a, b) => (a.candidate?.name ?? '').localeCompare(b.candidate?.name ?? ''));
  const submitted = rows.filter((r) => r.packet.status === 'submitted').length;
  return (
    <>
      <PageHeader title="Packets" subtitle={`${context.cycle.name} · ${submitted} of ${rows.length} submitted`} />
      {rows.length === 0 ? (
        <EmptyState title="No packets yet">
          <p>A packet is a manager's case for one candidate, criterion by criterion against the target level. Packets appear here as managers start them or as bundles are imported.</p>
        </EmptyState>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">Packets in {context.cycle.name}</caption>
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              <th scope="col">Manager</th>
              <th scope="col">Target level</th>
              <th scope="col" className="num">Assessed consistently</th>
              <th scope="col" className="num">Revision</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ packet, candidate }) => {
              const ratings = Object.values(packet.assessments);
              const consistent = ratings.filter((a) => a.rating === 'consistently').length;
              return (
                <tr key={packet.id}>
                  <td>{candidate?.name ?? 'Unknown candidate'}</td>
                  <td>{candidate?.manager ?? '—'}</td>
                  <td>{levelLabel(context.levelById, packet.targetLevelId)}</td>
                  <td className="num">
                    {consistent} of {ratings.length}
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
      )}
    </>
  );
}
