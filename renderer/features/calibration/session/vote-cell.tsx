/**
 * One member's vote in one phase: the outcome choices (a level for Promote
 * to another level), saved the moment they are chosen. A hidden pre-vote
 * shows only "recorded"; a locked pre-vote (revealed, or the member's final
 * vote cast) cannot be changed here and says why, with "Correct pre-vote…"
 * once it is revealed. Promote to another level is recorded once its level
 * is chosen (the vote names it), from the levels that are a promotion.
 */
import { useRef, useState } from 'react';
import type { Candidate, CommitteeMember, Framework, Outcome, Vote } from '../../../../shared/domain';
import { LevelOptions } from '../../../components/level-options';
import { commands } from '../../../db/app-commands';
import { useUiStore } from '../../../state/ui-store';
import { promoteOtherChoices } from '../../../../shared/rules/promotion-levels';
import { votedOnNote, type PreVoteLock } from '../../../../shared/calibration/votes';
import { OUTCOME_CHOICES } from './labels';
import { correctedText } from './vote-text';
import { couldNot } from '../../../../shared/util/error-message';
import { recordedChoiceKeys, useRecordedSelect } from '../../../components/recorded-choice';
import { PRE_VOTE_HIDDEN } from '../../../../shared/calibration/session-audit';

export type Phase = Vote['phase'];
export const PHASE_LABEL: Record<Phase, string> = { pre: 'Pre-vote', post: 'Final vote' };

export function voteGroupId(candidateId: string, memberId: string, phase: Phase): string {
  return `vote-${phase}-${candidateId}-${memberId}`;
}

/** Why a pre-vote is locked (shared/calibration/votes.ts preVoteLock), or null. */
export type LockReason = PreVoteLock;
const LOCK_TEXT: Record<Exclude<LockReason, null>, string> = {
  revealed: 'Locked: the pre-votes are revealed.',
  'final-vote': 'Locked: the final vote is cast.',
  decided: 'Locked: the decision is recorded.',
};

/** The levels a vote for Promote to another level may name (the shared promotion rule, without the target). */
export function otherLevelChoices(framework: Framework, candidate: Candidate) {
  return promoteOtherChoices(framework, candidate);
}

/**
 * The vote to show: the one read with the session, or the one this cell's
 * write returned when that is newer (the read has not caught up yet). The
 * written row's corrections are not shown: they are the read row's, which
 * a blind session has redacted (a vote write never changes them).
 */
export function newerVote(read: Vote | undefined, written: Vote | undefined): Vote | undefined {
  if (!written || (read && read.updatedAt >= written.updatedAt)) return read;
  const { corrections: _corrections, ...rest } = written;
  return read?.corrections ? { ...rest, corrections: read.corrections } : rest;
}

export function VoteCell(props: {
  sessionId: string;
  candidate: Candidate;
  member: CommitteeMember;
  phase: Phase;
  vote: Vote | undefined;
  hidden: boolean;
  locked: LockReason;
  framework: Framework;
  /** The revision the session reviews now, and its level: a vote cast on another says so, hidden or not. */
  reviewed: { id?: string | undefined; levelId: string | null };
  onCorrect?: () => void;
}) {
  const { sessionId, candidate, member, phase, hidden, locked, framework, reviewed, onCorrect } = props;
  const announce = useUiStore((s) => s.announce);
  const [draft, setDraft] = useState<{ picked?: Outcome; levelId?: string }>({});
  // The vote as the write returned it once committed: shown at once, not after the session's votes are read again.
  const [committed, setCommitted] = useState<Vote | undefined>();
  const stateRef = useRef<HTMLParagraphElement>(null);
  const vote = newerVote(props.vote, committed);
  // Once the read has caught up, it alone is shown (a vote removed later, by a restore, then goes too).
  if (committed && props.vote && props.vote.updatedAt >= committed.updatedAt) setCommitted(undefined);
  const groupId = voteGroupId(candidate.id, member.id, phase);
  const shown = hidden ? undefined : vote;
  const outcomeOnScreen = hidden ? draft.picked : (vote?.outcome ?? draft.picked);
  const levelOnScreen = draft.levelId ?? shown?.levelId ?? '';
  const awaitingLevel = draft.picked === 'promote-other' && !levelOnScreen;

  async function record(outcome: Outcome, levelId: string | null) {
    try {
      setCommitted(await commands.recordVote({ sessionId, candidateId: candidate.id, memberId: member.id, phase, outcome, levelId: outcome === 'promote-other' ? levelId : null }, new Date().toISOString()));
      if (hidden) {
        // A hidden pre-vote leaves nothing of its choice on screen: no tick, no level picker still showing the level
        // chosen, no focus ring on the option chosen (a chair's trial saw both on the projector). The focus goes to the
        // cell's "Recorded, hidden…" line, and the confirmation is said, not the outcome.
        setDraft({});
        stateRef.current?.focus();
        announce(`Pre-vote of ${member.name} recorded, hidden until the pre-votes are revealed.`);
      }
    } catch (error) {
      // Back to what is stored: a picked outcome or level the write refused must not stay on screen as if voted.
      setDraft({});
      announce(couldNot(`record the ${PHASE_LABEL[phase].toLowerCase()} of ${member.name}`, error), 'error');
    }
  }

  function pick(outcome: Outcome) {
    setDraft((d) => ({ ...d, picked: outcome }));
    const levelId = draft.levelId ?? shown?.levelId ?? null;
    // The vote names its level: wait for the level picker.
    if (outcome === 'promote-other' && !levelId) return;
    void record(outcome, levelId);
  }

  function pickLevel(levelId: string) {
    setDraft({ picked: 'promote-other', levelId });
    if (levelId) void record('promote-other', levelId);
  }
  // A level reached with the arrow keys waits for Enter (or the focus leaving) before it is recorded.
  const levelKeys = useRecordedSelect((levelId) => setDraft({ picked: 'promote-other', levelId }), pickLevel);

  // A vote cast on an earlier revision (the member's line says which) can be cast again while it is open: a trial's
  // hidden pre-votes on revision 2 showed only "Recorded" after revision 3 arrived, and said which revision once the
  // reveal had locked them.
  const again = vote && !locked && votedOnNote(vote.packet, reviewed, framework) ? ' Choose again to vote on the revision shown.' : '';
  let state;
  if (hidden) state = vote ? <><span aria-hidden="true">✓ </span>{PRE_VOTE_HIDDEN}{again ? '.' : ''}{again}</> : 'No pre-vote yet';
  else state = vote ? <><span aria-hidden="true">✓ </span>{correctedText(framework, vote, vote.corrections)}{again ? '.' : ''}{again}</> : `No ${PHASE_LABEL[phase].toLowerCase()} yet`;
  return (
    <fieldset className="vote-cell" id={groupId} data-phase={phase} aria-describedby={`${groupId}-state`}>
      <legend className="vote-cell-legend">
        {PHASE_LABEL[phase]} <span className="visually-hidden">of {member.name}</span>
      </legend>
      <div className="vote-options" onKeyDown={recordedChoiceKeys}>
        {OUTCOME_CHOICES.map((o) => (
          <label key={o.value} className="vote-option">
            <input type="radio" name={groupId} value={o.value} checked={awaitingLevel ? o.value === 'promote-other' : shown?.outcome === o.value} disabled={!!locked} onChange={() => pick(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      {outcomeOnScreen === 'promote-other' ? (
        <div className="vote-level">
          <label htmlFor={`${groupId}-level`}>
            Level <span className="visually-hidden">for the {PHASE_LABEL[phase].toLowerCase()} of {member.name}</span>
          </label>
          <select
            id={`${groupId}-level`}
            value={levelOnScreen}
            disabled={!!locked}
            onChange={levelKeys.onChange}
            onKeyDown={levelKeys.onKeyDown}
            onBlur={levelKeys.onBlur}
            aria-describedby={awaitingLevel || levelKeys.pending !== null ? `${groupId}-level-hint` : undefined}
          >
            <LevelOptions groups={otherLevelChoices(framework, candidate)} />
          </select>
          {awaitingLevel || levelKeys.pending !== null ? (
            <span className="field-hint" id={`${groupId}-level-hint`}>
              {levelKeys.pending !== null ? 'Press Enter to record this level.' : 'Choose the level to record this vote.'}
            </span>
          ) : null}
        </div>
      ) : null}
      <p className="vote-state" id={`${groupId}-state`} ref={stateRef} tabIndex={-1}>
        {state}
        {locked ? <span className="vote-lock"> · {LOCK_TEXT[locked]}</span> : null}
      </p>
      {locked === 'revealed' && vote && onCorrect ? (
        <p className="vote-correct">
          <button type="button" className="button button-link" onClick={onCorrect} aria-label={`Correct pre-vote… of ${member.name}`}>
            Correct pre-vote…
          </button>
        </p>
      ) : null}
    </fieldset>
  );
}
