/**
 * The votes of the candidate on screen. In a cycle this app has connected
 * (as the chair or a committee member), each member votes from their own
 * Levelset with sealed votes (ConnectedVotesPanel); otherwise, the one
 * shared screen records every member's votes (VotesPanel). Whether the
 * cycle is connected, and its sealed votes, come with the session's own
 * read (SessionData.connected), so the panel appears with the session.
 */
import { sealedRoundOf, type SessionConnected } from '../../db/connected/session-state';
import { VotesPanel, type VotesPanelProps } from '../calibration/session/votes-panel';
import { FinalVotesMode, OpenFinalVotes } from './final-votes-mode';
import { SealedPhase } from './sealed-phase';
import './connected.css';

interface Props extends VotesPanelProps {
  /** The session's connected state from its read; undefined only where the read does not carry it. */
  connected: SessionConnected | null | undefined;
}

export function SessionVotes({ connected, ...props }: Props) {
  // Not read: the shared-screen panel would offer votes that must not be cast locally in a connected cycle.
  if (connected === undefined) return null;
  if (!connected || connected.connection.identity.role === 'manager') return <VotesPanel {...props} />;
  return <ConnectedVotesPanel {...props} connected={connected} />;
}

function ConnectedVotesPanel({ session, candidate, votes, framework, connected }: Omit<Props, 'connected' | 'decided'> & { connected: SessionConnected }) {
  const memberId = connected.connection.identity.memberId;
  const round = sealedRoundOf(connected, candidate.id);
  const me = session.members.find((m) => m.id === memberId);
  const isChair = me?.role === 'chair';
  const preRevealed = session.revealedPreVotes.includes(candidate.id);
  const shared = { session, candidate, framework, votes, commitments: round.commitments, me, isChair };
  const own = (phase: 'pre' | 'post') => round.own.find((o) => o.phase === phase);
  return (
    <section className="presenter-panel connected-votes" aria-labelledby="presenter-votes-title">
      <div className="presenter-panel-head">
        <h3 id="presenter-votes-title">Votes</h3>
        <p className="muted">{me ? `You vote as ${me.name}. Each member votes from their own Levelset.` : 'This app is not on this committee: it follows the votes.'}</p>
      </div>
      <SealedPhase {...shared} phase="pre" revealed={preRevealed} own={own('pre')} />
      <FinalVotesMode session={session} mode={round.finalVotes} isChair={isChair} />
      {preRevealed ? round.finalVotes === 'open' ? <OpenFinalVotes session={session} candidate={candidate} framework={framework} votes={votes} me={me} /> : <SealedPhase {...shared} phase="post" revealed={round.finalRevealed} own={own('post')} /> : null}
      {round.refusals.length > 0 ? (
        <details className="sealed-refusals">
          <summary>
            {round.refusals.length === 1 ? '1 action from the server was not applied' : `${round.refusals.length} actions from the server were not applied`}
          </summary>
          <ul>
            {round.refusals.map((r, i) => (
              <li key={i}>
                {session.members.find((m) => m.id === r.memberId)?.name ?? r.memberId}: {r.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
