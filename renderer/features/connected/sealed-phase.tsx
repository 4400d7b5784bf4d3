/**
 * One round of sealed votes (pre-votes or final votes) on the candidate on
 * screen, in a connected session. Before the reveal every screen, the
 * chair's included, shows who has voted and never how: no app has anyone
 * else's vote to show. The chair reveals; each member's app then publishes
 * its vote and salt, and each vote appears as it arrives, checked against
 * its commitment. A reveal that does not match is shown beside that member.
 */
import type { CommitmentRow, OwnVoteRow } from '../../../shared/connected/state';
import type { Candidate, CommitteeMember, Framework, SessionRow, Vote } from '../../../shared/domain';
import { commands } from '../../db/app-commands';
import { useUiStore } from '../../state/ui-store';
import { ROLE_LABEL } from '../calibration/session/labels';
import { PHASE_LABEL } from '../calibration/session/vote-cell';
import { voteText } from '../calibration/session/vote-text';
import { OwnSealedVote } from './own-sealed-vote';
import { couldNot } from '../../../shared/util/error-message';

function memberState(framework: Framework, revealed: boolean, commitment: CommitmentRow | undefined, vote: Vote | undefined) {
  if (commitment?.state === 'mismatched') return <span className="sealed-mismatch">✗ Does not match the sealed vote; not counted</span>;
  if (revealed && vote) return <strong>{voteText(framework, vote)}</strong>;
  if (!commitment) return <span className="muted">{revealed ? 'No vote before the reveal' : 'Not voted yet'}</span>;
  if (revealed) return <span className="muted">Voted; waiting for their app to reveal it</span>;
  return (
    <span>
      <span aria-hidden="true">✓ </span>Voted
    </span>
  );
}

export function SealedPhase(props: {
  session: SessionRow;
  candidate: Candidate;
  framework: Framework;
  phase: 'pre' | 'post';
  revealed: boolean;
  votes: Vote[];
  commitments: CommitmentRow[];
  own: OwnVoteRow | undefined;
  me: CommitteeMember | undefined;
  isChair: boolean;
}) {
  const { session, candidate, framework, phase, revealed, votes, commitments, own, me, isChair } = props;
  const announce = useUiStore((s) => s.announce);
  const label = PHASE_LABEL[phase];
  const plural = phase === 'pre' ? 'pre-votes' : 'final votes';
  const mine = commitments.filter((c) => c.phase === phase);
  const byMember = new Map(mine.map((c) => [c.memberId, c]));
  const voteOf = (memberId: string) => votes.find((v) => v.memberId === memberId && v.phase === phase);
  const live = session.status !== 'finalized';

  async function reveal() {
    try {
      await commands.chairRevealVotes(session.id, candidate.id, phase, new Date().toISOString());
    } catch (error) {
      announce(couldNot(`reveal the ${plural}`, error), 'error');
    }
  }

  return (
    <div className="sealed-phase" data-phase={phase} aria-label={`${label}s`} role="group">
      <h4>
        {label}s <span className="muted">· {mine.length} of {session.members.length} voted{revealed ? ' · revealed' : ' · sealed'}</span>
      </h4>
      {/* Keyed by candidate: its choice is this candidate's, never the one before it (own-vote-per-candidate.test.tsx). */}
      {me && live ? <OwnSealedVote key={`${candidate.id}:${phase}`} sessionId={session.id} candidate={candidate} framework={framework} phase={phase} own={own} locked={revealed} /> : null}
      <ul className="sealed-members" aria-label={`Who has cast a ${label.toLowerCase()}`}>
        {session.members.map((m) => (
          <li key={m.id} className="sealed-member" data-member={m.id}>
            <span>
              {m.name} <span className="muted">· {ROLE_LABEL[m.role]}</span>
            </span>
            <span className="sealed-member-state">{memberState(framework, revealed, byMember.get(m.id), voteOf(m.id))}</span>
          </li>
        ))}
      </ul>
      {isChair && live && !revealed ? (
        <div className="vote-reveal">
          <p>Votes are sealed: no one, you included, sees how anyone else voted until you reveal. Revealing locks them.</p>
          <button type="button" className="button button-secondary" onClick={() => void reveal()}>
            Reveal {plural}
          </button>
        </div>
      ) : null}
    </div>
  );
}
