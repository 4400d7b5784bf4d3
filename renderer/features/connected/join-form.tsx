/**
 * "Join a committee": a member's app that holds nothing of the cycle yet
 * connects to the organisation's server with the cycle's id and the cycle
 * passphrase the chair gave. Once saved, the app fetches the chair's
 * encrypted copy of the cycle, imports it like a bundle file, and follows
 * the committee's sessions. The passphrase is a password field, never shown
 * again, and kept only sealed at rest (or in this window's memory where the
 * app has no key).
 */
import { useId, useState, type FormEvent } from 'react';
import { serverUrlProblem } from '../../../shared/connected/state';
import { useConnectionStatus } from '../../connected/status';
import { commands } from '../../db/commands';
import { useUiStore } from '../../state/ui-store';
import { AuthFields, authOf, BLANK_AUTH, ServerAddressField, type AuthDraft } from './auth-fields';
import { errorMessage } from '../../../shared/util/error-message';

/**
 * After joining: what the app is doing, and, while the cycle has not arrived, a way back to the form with what was
 * entered (a wrong passphrase, password or address left only a message, with nowhere to enter it again: a trial).
 */
function Joined({ cycleId, onEdit }: { cycleId: string; onEdit: () => void }) {
  const status = useConnectionStatus(cycleId);
  const copy = status?.copy;
  const text = copy?.message ?? (status?.state === 'connected' ? 'Connected.' : 'Connecting to the server…');
  const stuck = copy?.state !== 'imported' && (copy?.state === 'failed' || !!status?.lastError);
  return (
    <>
      <p role="status" className={copy?.state === 'failed' ? 'field-error' : 'muted'}>
        {text} {status?.lastError && copy?.state !== 'imported' ? status.lastError.message : null}
      </p>
      {stuck ? (
        <button type="button" className="button button-secondary" onClick={onEdit}>
          Change what you entered
        </button>
      ) : null}
    </>
  );
}

export function JoinForm({ onDone }: { onDone?: () => void }) {
  const id = useId();
  const announce = useUiStore((s) => s.announce);
  const [serverUrl, setServerUrl] = useState('');
  const [auth, setAuth] = useState<AuthDraft>(BLANK_AUTH);
  const [cycleId, setCycleId] = useState('');
  const [memberId, setMemberId] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [joined, setJoined] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function join(event: FormEvent) {
    event.preventDefault();
    // The committee id is usually the server user name; it is asked only when it differs.
    const member = memberId.trim() || (auth.kind === 'user-password' ? auth.user.trim() : '');
    const why = serverUrlProblem(serverUrl) ?? (!cycleId.trim() ? 'Enter the cycle id the chair gave you.' : !member ? 'Enter your committee id.' : !passphrase ? 'Enter the cycle passphrase the chair gave you.' : null);
    if (why) return setProblem(why);
    setSaving(true);
    try {
      await commands.joinCommittee({ cycleId: cycleId.trim(), serverUrl: serverUrl.trim(), auth: authOf(auth), memberId: member, cyclePassphrase: passphrase }, new Date().toISOString());
      setProblem(null);
      setPassphrase('');
      setJoined(cycleId.trim());
      announce(`Joined. Levelset now fetches the cycle from ${serverUrl.trim()}.`);
      onDone?.();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  if (joined) {
    // Back to the form, filled in as it was (the passphrase again, as it is never kept on screen); the connection is
    // forgotten, so joining again starts afresh.
    const edit = () =>
      void commands
        .forgetConnection(joined)
        .then(() => setJoined(null))
        .catch((error: unknown) => setProblem(errorMessage(error)));
    return <Joined cycleId={joined} onEdit={edit} />;
  }
  return (
    <form className="connection-form" onSubmit={(e) => void join(e)} noValidate aria-describedby={`${id}-note`}>
      <p id={`${id}-note`} className="connection-note">
        Nothing is sent anywhere until you join. Then this app downloads the cycle from the chair (encrypted with the cycle passphrase) and shares your votes with the committee.
      </p>
      <div className="form-grid">
        <ServerAddressField idBase={id} value={serverUrl} onChange={setServerUrl} />
        <AuthFields idBase={id} draft={auth} onChange={setAuth} />
        <label htmlFor={`${id}-cycle`}>Cycle id</label>
        <div>
          <input id={`${id}-cycle`} type="text" autoComplete="off" spellCheck={false} value={cycleId} onChange={(e) => setCycleId(e.target.value)} />
          <span className="field-hint">The chair sees it under Connected mode on their Cycles page.</span>
        </div>
        <label htmlFor={`${id}-member`}>Your committee id</label>
        <div>
          <input id={`${id}-member`} type="text" autoComplete="off" spellCheck={false} value={memberId} onChange={(e) => setMemberId(e.target.value)} placeholder={auth.kind === 'user-password' && auth.user ? auth.user : ''} />
          <span className="field-hint">Leave it empty when it is your user name on the server.</span>
        </div>
        <label htmlFor={`${id}-passphrase`}>Cycle passphrase</label>
        <div>
          <input id={`${id}-passphrase`} type="password" autoComplete="off" spellCheck={false} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          <span className="field-hint">The chair gives it to the committee. It opens the cycle on this computer and is never shown again.</span>
        </div>
      </div>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="row-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Joining…' : 'Join the committee'}
        </button>
      </div>
    </form>
  );
}

/** The Cycles page's card: closed behind a button when this app already has cycles, open on an empty app. */
export function JoinCommittee({ open: initiallyOpen }: { open: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <section className="form-card connection-panel" aria-labelledby="join-committee-title">
      <h2 id="join-committee-title">Join a committee</h2>
      <p className="muted">On the committee of a cycle run in connected mode? Join it here with what the chair gave you; you do not need a bundle file.</p>
      {open ? (
        <JoinForm />
      ) : (
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          Join a committee…
        </button>
      )}
    </section>
  );
}
