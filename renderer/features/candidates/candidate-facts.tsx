/**
 * The candidate page's facts: where the candidate is and where they are
 * going (current → target level, a track switch), their time in level, the
 * cycle's evidence window (what counts) and their packet's status, with
 * what the committee reviews while a reopened packet is a draft.
 */
import type { Candidate } from '../../../shared/domain/candidate';
import type { Cycle, Framework } from '../../../shared/domain';
import type { Packet } from '../../../shared/domain/packet';
import { timeInLevelText } from '../../../shared/packets/evidence-words';
import { levelLabel } from '../../db/use-cycle-context';
import { formatDate } from '../../components/dates';
import { sessionsReviewNote } from '../packets/sessions-review-note';

const PACKET_STATUS = { draft: 'Draft packet', submitted: 'Submitted packet', superseded: 'Superseded packet' } as const;

interface Props {
  candidate: Candidate;
  cycle: Cycle | null;
  framework: Framework | null;
  packet: Packet | null;
}

export function CandidateFacts({ candidate, cycle, framework, packet }: Props) {
  const levelById = new Map((framework?.levels ?? []).map((l) => [l.id, l]));
  const current = levelById.get(candidate.currentLevelId);
  const target = candidate.targetLevelId ? levelById.get(candidate.targetLevelId) : undefined;
  const trackName = (trackId: string | undefined) => framework?.tracks.find((t) => t.id === trackId)?.name;
  const trackSwitch = current && target && current.trackId !== target.trackId;
  // A draft that follows a submission is not what the committee reads meanwhile: say so, as the packet's status bar does.
  const reviewNote = sessionsReviewNote(packet);
  return (
    <dl className="candidate-levels">
      <div>
        <dt>Current level</dt>
        <dd>{levelLabel(levelById, candidate.currentLevelId)}</dd>
      </div>
      <div className="candidate-levels-target">
        <dt>Target level</dt>
        <dd className="candidate-target">
          {levelLabel(levelById, candidate.targetLevelId)}
          {trackSwitch ? <span className="tag">Track switch to {trackName(target.trackId)}</span> : null}
        </dd>
      </div>
      <div className="candidate-levels-time">
        <dt>Time in level</dt>
        <dd>{timeInLevelText(candidate.timeInLevelMonths)}</dd>
      </div>
      {cycle ? (
        <div className="candidate-levels-window">
          <dt>Evidence window</dt>
          <dd>
            {formatDate(cycle.evidenceFrom)} to {formatDate(cycle.evidenceTo)}
            {/* A line of its own (candidates.css), so no separator before it. */}
            <span className="muted">Only evidence dated inside it counts towards readiness.</span>
          </dd>
        </div>
      ) : null}
      <div>
        <dt>Packet</dt>
        <dd>
          {packet ? (
            <>
              <span className={`status status-${packet.status}`}>{PACKET_STATUS[packet.status]}</span>
              <span className="muted"> · revision {packet.revision}</span>
              {reviewNote ? <span className="candidate-packet-note"> {reviewNote}</span> : null}
            </>
          ) : (
            <span className="muted">None yet</span>
          )}
        </dd>
      </div>
    </dl>
  );
}
