/**
 * In the review, under the packet summary: what the revision the committee
 * reviews changed since the one before it, folded until opened. A member who
 * voted on revision 1 before the manager resubmitted (the votes panel says
 * "voted on revision 1") sees here what moved, instead of comparing two
 * packets from memory. Blind while the session is (useEarlierRevision
 * redacts the earlier revision; the reviewed one and its evidence already are).
 */
import { useMemo } from 'react';
import type { Evidence, Framework, Packet } from '../../../../shared/domain';
import { revisionDiff } from '../../../../shared/packets/revision-diff';
import { packetEvidence } from '../../../../shared/packets/snapshot';
import { formatDate } from '../../../components/dates';
import { useEarlierRevision } from '../../../db/session-hooks';
import { countLine, NoSnapshotNote, RevisionChangeList } from '../../packets/revision-changes';
import type { SessionData } from '../use-session-data';
import { levelName } from './labels';

export function PresenterRevisionChanges({
  data,
  reviewed,
  evidence,
}: {
  data: SessionData;
  /** The packet reviewed, read in full; undefined while it is read. */
  reviewed: Packet | null | undefined;
  /** Its evidence as reviewed (its snapshot's, blind while the session is); undefined while read. */
  evidence: readonly Evidence[] | undefined;
}) {
  const earlier = useEarlierRevision(data, reviewed);
  const framework: Framework = data.framework;
  const diff = useMemo(
    () => (reviewed && earlier && evidence ? revisionDiff(framework, earlier, packetEvidence(earlier, evidence), reviewed, evidence, { showDate: formatDate, window: { from: data.cycle.evidenceFrom, to: data.cycle.evidenceTo } }) : null),
    [framework, reviewed, earlier, evidence, data.cycle.evidenceFrom, data.cycle.evidenceTo],
  );
  if (!reviewed || !earlier || !diff) return null;
  return (
    <details className="presenter-panel presenter-revision-changes">
      <summary>
        <h3>What changed since revision {diff.from}</h3>
        <span className="muted"> · {diff.same ? 'nothing a committee reads' : countLine(diff)}</span>
      </summary>
      <RevisionChangeList diff={diff} levelName={(id) => levelName(framework, id)} counted={false} />
      <NoSnapshotNote earlier={earlier} readAs={`as revision ${diff.to} has it`} />
    </details>
  );
}
