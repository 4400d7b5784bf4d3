/**
 * The packet builder: a manager's case for one candidate against the target
 * level, written criterion by criterion over weeks and later read by the
 * committee. The criteria lead; beside each sit its evidence, whether it is
 * sustained, its gaps and the manager's assessment. The readiness figure is
 * never shown without the rule and the window that produce it. Everything
 * saves as you type; a submitted revision is read-only and reopening starts
 * a new one.
 */
import { useMemo, useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { hrefFor } from '../../app/routes';
import { commands } from '../../db/commands';
import { usePacketWorkspace } from '../../db/packet-hooks';
import type { PacketWorkspace } from '../../db/packets';
import type { Packet } from '../../../shared/domain/packet';
import { levelLabel } from '../../db/use-cycle-context';
import { useUiStore } from '../../state/ui-store';
import { PacketPdfButton } from './packet-pdf-button';
import { RevisionView } from './packet-revision';
import './packet-builder.css';
import { couldNot } from '../../../shared/util/error-message';

export function PacketBuilder({ candidateId }: { candidateId: string }) {
  const data = usePacketWorkspace(candidateId);
  if (data === undefined) return <Loading what="packet" />;
  if (data === null) {
    return (
      <>
        <PageHeader title="Packet" />
        <EmptyState title="Candidate not found" action={<a className="button button-secondary" href={hrefFor('packets')}>Back to packets</a>}>
          <p>
            There is no candidate with the id <code>{candidateId}</code> on this machine. The link may come from another machine whose bundle has not been imported,
            or the candidate was removed.
          </p>
        </EmptyState>
      </>
    );
  }
  return <Workspace data={data} />;
}

function Workspace({ data }: { data: PacketWorkspace }) {
  const { candidate, cycle, framework, current } = data;
  const candidateHref = hrefFor('candidates', candidate.id);
  const levelById = useMemo(() => new Map((framework?.levels ?? []).map((l) => [l.id, l])), [framework]);
  const announce = useUiStore((s) => s.announce);
  const [starting, setStarting] = useState(false);
  const targetId = current ? current.targetLevelId : candidate.targetLevelId;

  // The revision on screen is what "Packet PDF" prints (a superseded one printed the current revision: a trial).
  const header = (viewed: Packet | null) => (
    <PageHeader
      title={candidate.name}
      subtitle={
        <>
          Promotion packet · {levelLabel(levelById, candidate.currentLevelId)} → {targetId ? levelLabel(levelById, targetId) : 'no target level'} · Manager{' '}
          {candidate.manager}
          {candidate.team ? ` · ${candidate.team}` : ''}
        </>
      }
      actions={
        <>
          {viewed && cycle && framework ? <PacketPdfButton candidateId={candidate.id} name={candidate.name} revision={viewed} isCurrent={viewed.id === current?.id} /> : null}
          <a className="button button-secondary" href={candidateHref}>
            Candidate page
          </a>
        </>
      }
    />
  );

  if (!cycle || !framework) {
    return (
      <>
        {header(null)}
        <EmptyState title={cycle ? 'The cycle’s framework is missing' : 'The candidate’s cycle is missing'}>
          <p>
            A packet is judged against the framework version its cycle pins. {cycle ? `The version “${cycle.frameworkVersionId}” is not stored on this machine.` : `The cycle “${candidate.cycleId}” is not stored on this machine.`}{' '}
            Import the bundle or backup that contains it, then come back.
          </p>
        </EmptyState>
      </>
    );
  }

  if (!current) {
    return (
      <>
        {header(null)}
        <EmptyState
          title={`No packet for ${candidate.name} yet`}
          action={
            <button
              type="button"
              className="button button-primary"
              disabled={starting}
              onClick={() => {
                setStarting(true);
                commands.startPacket(candidate.id)
                  .then(() => announce(`Started the packet for ${candidate.name}.`))
                  .catch((error: unknown) => announce(couldNot('start the packet', error), 'error'))
                  .finally(() => setStarting(false));
              }}
            >
              Start the packet
            </button>
          }
        >
          <p>
            The packet is your case for {candidate.name} against the target level, criterion by criterion: the evidence for each, your assessment, what they are not
            yet doing and a summary. It saves as you type, and the committee reads it once you submit it.
          </p>
        </EmptyState>
      </>
    );
  }

  return <RevisionView data={{ ...data, cycle, framework, current }} header={header} candidateHref={candidateHref} levelById={levelById} />;
}
