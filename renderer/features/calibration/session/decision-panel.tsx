/**
 * The committee's decision on the candidate on screen: the form
 * (decision-form.tsx: outcome, rationale, criteria cited, next steps,
 * dissent; state in use-decision-form.ts) while it is being written or
 * changed, the saved decision as text otherwise, and "Decision saved" as
 * soon as the write commits. A finalized session shows the decision as text.
 */
import { useId, useRef, type ReactNode } from 'react';
import { useFocusKept } from '../../../components/use-focus-kept';
import type { Decision, Framework } from '../../../../shared/domain';
import { DecisionFormFields } from './decision-form';
import { DecisionText } from './decision-text';
import { outcomeLabel } from './labels';
import type { ElsewhereDecision } from './cycle-history';
import { DECISION_PANEL_ID, useDecisionForm, type DecisionForm, type DecisionFormInput } from './use-decision-form';


/** The saved decision (or none), with "Change decision" unless the session is finalized. */
function SavedDecision({ form, decision, framework, readOnly, finalVotes, followsChair }: { form: DecisionForm; decision: Decision | undefined; framework: Framework; readOnly: boolean; finalVotes: DecisionFormInput['finalVotes']; followsChair: boolean }) {
  const { savedAt, caughtUp } = form;
  return (
    <>
      {decision && caughtUp ? (
        <DecisionText decision={decision} framework={framework} finalVotes={finalVotes ?? null} />
      ) : savedAt !== null ? (
        <p className="muted">Showing the saved decision…</p>
      ) : followsChair ? (
        <p className="muted">Not decided yet. The chair records the decision; it appears here as it arrives.</p>
      ) : (
        <p className="muted">No decision was recorded.</p>
      )}
      {readOnly || !decision || !caughtUp ? null : (
        <p className="decision-actions">
          <button type="button" className="button button-secondary" onClick={form.change}>
            Change decision
          </button>
        </p>
      )}
    </>
  );
}

/**
 * The candidate's one decision of the cycle was made in another session: said in place of a form whose save would be
 * refused. While names are hidden, which session and what outcome are withheld ('withheld'): the Decisions page lists that
 * session's decisions by name, so the two told the room who the pseudonym is, as an earlier Defer's note did.
 */
function DecidedElsewhereText({ elsewhere, takeOut }: { elsewhere: Exclude<ElsewhereDecision, null>; takeOut: ReactNode }) {
  return (
    <>
      {elsewhere !== 'withheld' ? (
        <p className="decision-elsewhere">
          Decided in <strong>{elsewhere.sessionName}</strong>: {outcomeLabel(elsewhere.outcome)}. A candidate gets one decision per cycle, so this session does not decide them again. To change it, change it in that session, or defer it there.
        </p>
      ) : (
        <p className="decision-elsewhere">
          Decided in another session of this cycle. A candidate gets one decision per cycle, so this session does not decide them again. Which session, and the outcome, are withheld while names are hidden: they would tell the room who this is. They show once names are revealed.
        </p>
      )}
      {takeOut}
    </>
  );
}

export function DecisionPanel({
  readOnly: finalized,
  blind,
  followsChair = false,
  elsewhere = null,
  takeOut = null,
  deferredEarlier = null,
  ...input
}: DecisionFormInput & {
  /** Another session of the cycle decided this candidate (decidedElsewhere), its name as this session may show it. */
  elsewhere?: ElsewhereDecision;
  /** Shown under `elsewhere`: the chair's way to take the candidate out of this session (TakeOutOfSession). */
  takeOut?: ReactNode;
  /** Shown above the decision: another session of the cycle deferred this candidate (DeferredEarlier). */
  deferredEarlier?: ReactNode;
  readOnly: boolean;
  /** The session is blind: the decision comes with names replaced. */
  blind: boolean;
  /** This app follows the chair's decisions in a connected session (followsChair): it shows them, never a form. */
  followsChair?: boolean;
}) {
  const readOnly = finalized || followsChair;
  const { candidate, framework, coverage, decision, finalVotes = null } = input;
  const id = useId();
  const form = useDecisionForm(input, id);
  const showSaved = readOnly || (decision && !form.editing) || (form.savedAt !== null && !form.editing);
  const heading = useRef<HTMLHeadingElement>(null);
  // Saving replaces the form, which held the focus: it goes to this panel's heading, not to the page. So do
  // "Change decision" (its button gives way to the form) and Cancel (the form gives way to the saved text).
  useFocusKept(heading, form.savedAt);
  useFocusKept(heading, form.editing ? 'changing' : 'shown');
  return (
    <section className="presenter-panel" id={DECISION_PANEL_ID} aria-labelledby={`${id}-title`}>
      <div className="presenter-panel-head">
        <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
          Decision
        </h3>
        {!decision && elsewhere ? null : !showSaved ? (
          <p className="muted">{decision ? `Changing: ${outcomeLabel(decision.outcome)}` : 'Not decided yet'}</p>
        ) : form.savedAt ? (
          <p className="decision-saved" role="status">
            <span aria-hidden="true">✓ </span>Decision saved
          </p>
        ) : null}
      </div>
      {deferredEarlier}
      {!decision && elsewhere ? (
        <DecidedElsewhereText elsewhere={elsewhere} takeOut={takeOut} />
      ) : showSaved ? (
        <SavedDecision form={form} decision={decision} framework={framework} readOnly={readOnly} finalVotes={finalVotes} followsChair={followsChair} />
      ) : (
        <>
          {decision && blind ? <p className="field-hint">Blind mode: names in the saved text are shown as pseudonyms. A field you leave as it is keeps its words as saved; a field you change is saved as you typed it, pseudonyms included.</p> : null}
          <DecisionFormFields formId={id} form={form} candidate={candidate} framework={framework} coverage={coverage} changing={decision !== undefined} finalVotes={finalVotes} />
        </>
      )}
    </section>
  );
}
