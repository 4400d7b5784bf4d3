/**
 * Correcting a locked pre-vote: the outcome it should have been (a level for
 * Promote to another level) and the reason, both required. Saved with
 * correctPreVote, which keeps the vote as cast beside the correction.
 */
import { useRef, useState } from 'react';
import type { Candidate, CommitteeMember, Framework, Outcome, Vote } from '../../../../shared/domain';
import { LevelOptions } from '../../../components/level-options';
import { commands } from '../../../db/app-commands';
import { useUiStore } from '../../../state/ui-store';
import { SessionDialog } from './dialog';
import { OUTCOME_CHOICES } from './labels';
import { otherLevelChoices } from './vote-cell';
import { voteText } from './vote-text';
import { errorMessage } from '../../../../shared/util/error-message';

export function PreVoteCorrection({ sessionId, candidate, member, vote, framework, onClose }: { sessionId: string; candidate: Candidate; member: CommitteeMember; vote: Vote; framework: Framework; onClose: () => void }) {
  const announce = useUiStore((s) => s.announce);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [levelId, setLevelId] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);

  async function save() {
    if (!outcome) return setError('Choose the outcome the pre-vote should have been.');
    if (outcome === 'promote-other' && !levelId) return setError('Choose the level for Promote to another level.');
    setBusy(true);
    try {
      await commands.correctPreVote({ sessionId, candidateId: candidate.id, memberId: member.id, outcome, levelId: outcome === 'promote-other' ? levelId : null, reason }, new Date().toISOString());
      announce(`The pre-vote of ${member.name} is corrected; the vote as cast and the reason stay in the record.`);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <SessionDialog title={`Correct the pre-vote of ${member.name}?`} confirmLabel="Correct pre-vote" busy={busy} initialFocus={first} onCancel={onClose} onConfirm={() => void save()}>
      <p>
        Cast before the discussion: <strong>{voteText(framework, vote)}</strong>. A correction is for a mistake in recording the vote; the vote as cast, the correction and
        its reason are all kept and shown in “How votes moved” and the decision book.
      </p>
      <fieldset className="vote-cell">
        <legend className="vote-cell-legend">Corrected pre-vote</legend>
        <div className="vote-options">
          {OUTCOME_CHOICES.map((o, i) => (
            <label key={o.value} className="vote-option">
              <input ref={i === 0 ? first : undefined} type="radio" name="pre-vote-correction" value={o.value} checked={outcome === o.value} onChange={() => setOutcome(o.value)} />
              {o.label}
            </label>
          ))}
        </div>
        {outcome === 'promote-other' ? (
          <label className="vote-level">
            Level
            <select value={levelId} onChange={(e) => setLevelId(e.target.value)}>
              <LevelOptions groups={otherLevelChoices(framework, candidate)} />
            </select>
          </label>
        ) : null}
      </fieldset>
      <label htmlFor="pre-vote-correction-reason" className="session-dialog-label">
        Reason (required)
      </label>
      <textarea id="pre-vote-correction-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? 'pre-vote-correction-error' : undefined} />
      {error ? (
        <span className="field-error" id="pre-vote-correction-error">
          {error}
        </span>
      ) : null}
    </SessionDialog>
  );
}
