/**
 * The confirmations of the session header: reveal names (an optional
 * reason), finalize, and reopen (a required reason). Each runs one command;
 * the command layer records who did it in the audit trail and the session's
 * history.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { Session } from '../../../../shared/domain';
import { commands } from '../../../db/app-commands';
import { useUiStore } from '../../../state/ui-store';
import { useSessionWrites } from '../../connected/session-writes';
import { SessionDialog } from './dialog';
import type { Pending } from './session-header';
import { errorMessage } from '../../../../shared/util/error-message';
import { plural } from './labels';
import { NotTheChairNote } from './recording-as';

/** What the reveal says: it may have been done already, in another window, and then this one recorded nothing. */
export const revealedText = (changed: boolean): string =>
  changed ? 'Names revealed. The reveal is in the audit trail.' : 'Names were already shown (revealed in another window); nothing new was recorded, and this reason was not saved.';

export function SessionDialogs({ session, pending, onClose, connected = false }: { session: Session; pending: Pending; onClose: () => void; connected?: boolean }) {
  // In a connected session the trail names the chair the app is connected as (the event's actor), not this machine's
  // profile: "You are not the chair… Tester finalized" was said to a chair connected as the chair (a trial).
  const notTheChair = (action: string) => (connected ? null : <NotTheChairNote members={session.members} action={action} />);
  const announce = useUiStore((s) => s.announce);
  const writes = useSessionWrites(session.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const errorText = useRef<HTMLSpanElement>(null);
  const at = () => new Date().toISOString();
  // A refusal ("Say why the session is reopened…") is about the reason: the focus goes there, where the message is read;
  // in a dialog without one (Finalize), to the message itself, so an Enter pressed then does not ask again.
  // In a layout effect, in the commit that shows the message, as dialogs take the focus (focus-trap.ts): the refusal
  // comes after the command's await, and from an effect the focus stayed on the confirm button until a task after the
  // paint, where an Enter pressed as the message appeared asked again.
  useLayoutEffect(() => {
    if (error) (reasonField.current ?? errorText.current)?.focus();
  }, [error]);

  async function run<T>(action: () => Promise<T>, done: string | ((result: T) => string)) {
    setBusy(true);
    try {
      const result = await action();
      announce(typeof done === 'string' ? done : done(result));
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const reasonBox = (label: string) => (
    <>
      <label htmlFor="session-reason" className="session-dialog-label">
        {label}
      </label>
      <textarea id="session-reason" ref={reasonField} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? 'session-reason-error' : undefined} />
    </>
  );
  const errorLine = error ? (
    <span className="field-error" id="session-reason-error" role="alert" ref={errorText} tabIndex={-1}>
      {error}
    </span>
  ) : null;

  if (pending === 'reveal') {
    return (
      <SessionDialog title="Reveal names?" confirmLabel="Reveal names" busy={busy} onCancel={onClose} onConfirm={() => void run(() => commands.setBlind(session.id, false, at(), reason), (change) => revealedText(change !== 'unchanged'))}>
        <p>Everyone who can see this screen will see the candidates’ and managers’ real names, in every view of this session.</p>
        <p>The reveal is recorded in the audit trail with your name. “Hide names” makes the session blind again.</p>
        {notTheChair('revealed the names')}
        {reasonBox('Reason (optional)')}
        {errorLine}
      </SessionDialog>
    );
  }
  if (pending === 'finalize') {
    return (
      <SessionDialog title={`Finalize ${session.name}?`} confirmLabel="Finalize" busy={busy} onCancel={onClose} onConfirm={() => void run(() => writes.finalize(at()), `${session.name} is finalized.`)}>
        <p>
          {session.candidateIds.length === 1 ? 'The decision is locked' : `All ${plural(session.candidateIds.length, 'decision')} are locked`} and the session becomes read-only. Each decision is frozen with the packet revision it was made on,
          that revision's evidence, and the votes: the decision book prints from them. It can be reopened later with a reason, which is kept in the audit trail.
        </p>
        {session.blind ? (
          <p className="session-dialog-warning">
            <strong>Names are still hidden.</strong> Finalized this way, the Decisions page, the CSV and the decision book show pseudonyms, and revealing names later means
            reopening the session. To hand on real names, cancel and reveal names first.
          </p>
        ) : null}
        {notTheChair('finalized the session')}
        {errorLine}
      </SessionDialog>
    );
  }
  if (pending === 'reopen') {
    return (
      <SessionDialog title={`Reopen ${session.name}?`} confirmLabel="Reopen" busy={busy} initialFocus={reasonField} onCancel={onClose} onConfirm={() => void run(() => writes.reopen(reason, at()), `${session.name} is reopened.`)}>
        <p>Decisions are unlocked and can be changed. The reason is kept in the audit trail and the session’s history.</p>
        {notTheChair('reopened the session')}
        {reasonBox('Reason (required)')}
        {errorLine}
      </SessionDialog>
    );
  }
  return null;
}
