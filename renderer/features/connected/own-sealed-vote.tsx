/**
 * This member's own sealed vote on the candidate on screen: chosen here,
 * kept on this computer, and only its commitment is sent. It can be changed
 * until the chair reveals the round; then the app publishes it with its salt
 * and every app checks it against the commitment.
 */
import { useState } from 'react';
import type { OwnVoteRow } from '../../../shared/connected/state';
import type { Candidate, Framework, Outcome } from '../../../shared/domain';
import { LevelOptions } from '../../components/level-options';
import { commands } from '../../db/app-commands';
import { useUiStore } from '../../state/ui-store';
import { OUTCOME_CHOICES, outcomeLabel } from '../calibration/session/labels';
import { otherLevelChoices, PHASE_LABEL } from '../calibration/session/vote-cell';
import { couldNot } from '../../../shared/util/error-message';
import { recordedChoiceKeys } from '../../components/recorded-choice';

export function OwnSealedVote(props: { sessionId: string; candidate: Candidate; framework: Framework; phase: 'pre' | 'post'; own: OwnVoteRow | undefined; locked: boolean }) {
  const { sessionId, candidate, framework, phase, own, locked } = props;
  const announce = useUiStore((s) => s.announce);
  const [picked, setPicked] = useState<Outcome | null>(null);
  // Once revealed, the vote the committee holds (which a change that came too late is not: ownCastHeld).
  const outcome = (locked ? null : picked) ?? own?.vote.outcome ?? null;
  const name = `sealed-${phase}-${candidate.id}`;
  const label = PHASE_LABEL[phase];

  async function cast(next: Outcome, levelId: string | null) {
    try {
      // `picked` stays: resetting it here would uncheck the choice until the stored vote is read back.
      await commands.castSealedVote({ sessionId, candidateId: candidate.id, phase, outcome: next, levelId }, new Date().toISOString());
    } catch (error) {
      setPicked(null);
      announce(couldNot(`cast your ${label.toLowerCase()}`, error), 'error');
    }
  }

  function pick(next: Outcome) {
    setPicked(next);
    if (next !== 'promote-other') void cast(next, null);
  }

  return (
    <fieldset className="vote-cell sealed-own" data-phase={phase}>
      <legend className="vote-cell-legend">Your {label.toLowerCase()}</legend>
      <div className="vote-options" onKeyDown={recordedChoiceKeys}>
        {OUTCOME_CHOICES.map((o) => (
          <label key={o.value} className="vote-option">
            <input type="radio" name={name} value={o.value} checked={outcome === o.value} disabled={locked} onChange={() => pick(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      {outcome === 'promote-other' ? (
        <label className="vote-level">
          Level
          <select value={own?.vote.levelId ?? ''} disabled={locked} onChange={(e) => e.target.value && void cast('promote-other', e.target.value)}>
            <LevelOptions groups={otherLevelChoices(framework, candidate)} />
          </select>
        </label>
      ) : null}
      <p className="vote-state">
        {own?.late ? (
          <span className="decision-warning">
            {own.late.earlierCounts
              ? `Your change to ${outcomeLabel(own.late.vote.outcome)} reached the committee only after the chair revealed the votes, so it is not counted: your sealed vote before it, ${outcomeLabel(own.vote.outcome)}, is the one that counts.`
              : 'Your vote reached the committee only after the chair revealed the votes (this app was offline), so it is not counted.'}
          </span>
        ) : own ? (
          <>
            <span aria-hidden="true">✓ </span>Sealed: only you can see it until the chair reveals{locked ? '; revealed, so it can no longer change.' : '.'}
          </>
        ) : locked ? (
          'You did not vote before the reveal.'
        ) : (
          'Not cast yet. Others see only that you have voted, not how.'
        )}
      </p>
    </fieldset>
  );
}
