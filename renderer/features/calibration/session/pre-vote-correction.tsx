/**
 * Correcting a locked pre-vote: the outcome it should have been (a level for
 * Promote to another level) and the reason, both required. Saved with
 * correctPreVote, which keeps the vote as cast beside the correction. A
 * problem is shown at its field (the outcome, the level or the reason), and
 * the focus goes there; what the command refuses otherwise is announced.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { Candidate, CommitteeMember, Framework, Outcome, Vote } from '../../../../shared/domain';
import { LevelOptions } from '../../../components/level-options';
import { commands } from '../../../db/app-commands';
import { useUiStore } from '../../../state/ui-store';
import { SessionDialog } from './dialog';
import { OUTCOME_CHOICES } from './labels';
import { otherLevelChoices } from './vote-cell';
import { voteText } from './vote-text';
import { errorMessage } from '../../../../shared/util/error-message';
import { preVoteCorrectionProblem as correctionProblem, type CorrectionField } from '../../../../shared/calibration/votes';

export function PreVoteCorrection({ sessionId, candidate, member, vote, framework, onClose }: { sessionId: string; candidate: Candidate; member: CommitteeMember; vote: Vote; framework: Framework; onClose: () => void }) {
  const announce = useUiStore((s) => s.announce);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [levelId, setLevelId] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ field: CorrectionField | null; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const level = useRef<HTMLSelectElement>(null);
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const refusal = useRef<HTMLSpanElement>(null);
  // In a layout effect, in the commit that shows the problem, as dialogs take the focus (focus-trap.ts): the focus is
  // on its field the moment the message is, whatever started the render (an effect waits a task after the paint when
  // no click or key did, and a key pressed then goes to Correct pre-vote).
  useLayoutEffect(() => {
    // Each problem takes the focus to its field; the outcome's to the checked choice, or the first; a refusal about no
    // field (the command's) to the message itself, so an Enter pressed then does not ask again.
    if (error?.field === 'outcome') (document.querySelector<HTMLInputElement>('input[name="pre-vote-correction"]:checked') ?? first.current)?.focus();
    else if (error?.field === 'level') level.current?.focus();
    else if (error?.field === 'reason') reasonField.current?.focus();
    else if (error) refusal.current?.focus();
  }, [error]);
  // The message under the field it is about (the outcome's and the level's in the fieldset), else under the reason.
  const errorAt = (field: CorrectionField | null) =>
    error && error.field === field ? (
      <span className={field === null ? 'field-error' : 'field-error vote-cell-error'} id="pre-vote-correction-error" role="alert" {...(field === null ? { ref: refusal, tabIndex: -1 } : {})}>
        {error.text}
      </span>
    ) : null;
  const problemAt = (field: CorrectionField) => (error?.field === field ? { 'aria-invalid': true as const, 'aria-describedby': 'pre-vote-correction-error' } : {});

  async function save() {
    const problem = correctionProblem({ outcome, levelId, reason }, vote);
    if (problem) return setError(problem);
    if (!outcome) return;
    setBusy(true);
    try {
      await commands.correctPreVote({ sessionId, candidateId: candidate.id, memberId: member.id, outcome, levelId: outcome === 'promote-other' ? levelId : null, reason }, new Date().toISOString());
      announce(`The pre-vote of ${member.name} is corrected; the vote as cast and the reason stay in the record.`);
      onClose();
    } catch (e) {
      setError({ field: null, text: errorMessage(e) });
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
      <fieldset className="vote-cell" {...(error?.field === 'outcome' ? { 'aria-describedby': 'pre-vote-correction-error' } : {})}>
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
            <select ref={level} {...problemAt('level')} value={levelId} onChange={(e) => setLevelId(e.target.value)}>
              <LevelOptions groups={otherLevelChoices(framework, candidate)} />
            </select>
          </label>
        ) : null}
        {errorAt('outcome')}
        {errorAt('level')}
      </fieldset>
      <label htmlFor="pre-vote-correction-reason" className="session-dialog-label">
        Reason (required)
      </label>
      <textarea id="pre-vote-correction-reason" ref={reasonField} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} {...problemAt('reason')} />
      {errorAt('reason')}
      {errorAt(null)}
    </SessionDialog>
  );
}
