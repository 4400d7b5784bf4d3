/**
 * Final votes sealed or open, as the chair sets them for a connected session
 * (the `final-votes.mode` event). Sealed: final votes go like pre-votes,
 * commitment first, shown at the chair's reveal. Open: each member's final
 * vote is sent as cast and shows on every screen as it arrives.
 */
import type { Candidate, CommitteeMember, Framework, Outcome, SessionRow, Vote } from '../../../shared/domain';
import { LevelOptions } from '../../components/level-options';
import { commands } from '../../db/app-commands';
import { useUiStore } from '../../state/ui-store';
import { OUTCOME_CHOICES, ROLE_LABEL } from '../calibration/session/labels';
import { otherLevelChoices } from '../calibration/session/vote-cell';
import { voteText } from '../calibration/session/vote-text';
import { couldNot } from '../../../shared/util/error-message';
import { recordedChoiceKeys } from '../../components/recorded-choice';

/** The chair's switch; other members see which way it is set. */
export function FinalVotesMode({ session, mode, isChair }: { session: SessionRow; mode: 'sealed' | 'open'; isChair: boolean }) {
  const announce = useUiStore((s) => s.announce);
  const live = session.status !== 'finalized';
  async function set(next: 'sealed' | 'open') {
    try {
      await commands.chairSetFinalVotes(session.id, next, new Date().toISOString());
      announce(next === 'open' ? 'Final votes are now open: each shows as it is cast.' : 'Final votes are now sealed until you reveal them.');
    } catch (error) {
      announce(couldNot('change how final votes are cast', error), 'error');
    }
  }
  // Finalized, nothing is sealed or waiting any more (it read "sealed until the chair reveals them", a trial found).
  if (!live) return <p className="muted final-votes-mode">Final votes were {mode === 'open' ? 'cast openly' : 'sealed, then revealed by the chair'}; the session is finalized.</p>;
  if (!isChair) return <p className="muted final-votes-mode">Final votes are {mode === 'open' ? 'open: each shows as it is cast' : 'sealed until the chair reveals them'}.</p>;
  return (
    <fieldset className="final-votes-mode" onKeyDown={recordedChoiceKeys}>
      <legend>How final votes are cast</legend>
      <label>
        <input type="radio" name={`final-mode-${session.id}`} checked={mode === 'sealed'} onChange={() => void set('sealed')} /> Sealed until you reveal them
      </label>
      <label>
        <input type="radio" name={`final-mode-${session.id}`} checked={mode === 'open'} onChange={() => void set('open')} /> Open: each shows as it is cast
      </label>
    </fieldset>
  );
}

/** Open final votes: this member casts theirs, and every member's shows as it arrives. */
export function OpenFinalVotes({ session, candidate, framework, votes, me }: { session: SessionRow; candidate: Candidate; framework: Framework; votes: Vote[]; me: CommitteeMember | undefined }) {
  const announce = useUiStore((s) => s.announce);
  const finals = votes.filter((v) => v.phase === 'post');
  const mine = me ? finals.find((v) => v.memberId === me.id) : undefined;
  const live = session.status !== 'finalized';
  async function cast(outcome: Outcome, levelId: string | null) {
    try {
      await commands.castOpenVote({ sessionId: session.id, candidateId: candidate.id, outcome, levelId }, new Date().toISOString());
    } catch (error) {
      announce(couldNot('cast your final vote', error), 'error');
    }
  }
  return (
    <div className="sealed-phase" data-phase="post" role="group" aria-label="Final votes">
      <h4>
        Final votes <span className="muted">· {finals.length} of {session.members.length} voted · open</span>
      </h4>
      {me && live ? (
        <fieldset className="vote-cell">
          <legend className="vote-cell-legend">Your final vote</legend>
          <div className="vote-options" onKeyDown={recordedChoiceKeys}>
            {OUTCOME_CHOICES.filter((o) => o.value !== 'promote-other').map((o) => (
              <label key={o.value} className="vote-option">
                <input type="radio" name={`open-post-${candidate.id}`} value={o.value} checked={mine?.outcome === o.value} onChange={() => void cast(o.value, null)} />
                {o.label}
              </label>
            ))}
          </div>
          <label className="vote-level">
            Or promote to level
            <select value={mine?.outcome === 'promote-other' ? (mine.levelId ?? '') : ''} onChange={(e) => e.target.value && void cast('promote-other', e.target.value)}>
              <LevelOptions groups={otherLevelChoices(framework, candidate)} />
            </select>
          </label>
        </fieldset>
      ) : null}
      <ul className="sealed-members" aria-label="Final votes cast">
        {session.members.map((m) => {
          const vote = finals.find((v) => v.memberId === m.id);
          return (
            <li key={m.id} className="sealed-member" data-member={m.id}>
              <span>
                {m.name} <span className="muted">· {ROLE_LABEL[m.role]}</span>
              </span>
              <span className="sealed-member-state">{vote ? <strong>{voteText(framework, vote)}</strong> : <span className="muted">Not voted yet</span>}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
