/**
 * Connects a cycle: the server's address, the credentials the organisation
 * gave this person, and who this app acts as (a committee member, the chair,
 * or a manager who only sends packets). Nothing is sent until Save; the
 * settings are checked (shared/connected/state.ts) and refused in plain
 * words that never quote a secret.
 */
import { useId, useState, type FormEvent } from 'react';
import type { CommitteeMember, Cycle } from '../../../shared/domain';
import { serverUrlProblem } from '../../../shared/connected/state';
import { passphraseProblem } from '../../../shared/exchange/passphrase-rule';
import { NewPassphraseFields } from '../../components/new-passphrase-fields';
import { commands } from '../../db/commands';
import { useCycleCommittee } from '../../db/connected-hooks';
import { useUiStore } from '../../state/ui-store';
import { ROLE_LABEL } from '../calibration/session/labels';
import { AuthFields, authToSave, BLANK_AUTH, ServerAddressField, type AuthDraft } from './auth-fields';
import type { ConnectionSummary } from '../../db/connected/connection';
import { errorMessage } from '../../../shared/util/error-message';

const MANAGER = '__manager__';

function identityOf(choice: string, committee: CommitteeMember[], managerId: string, managerName: string) {
  if (choice === MANAGER) return { memberId: managerId.trim(), role: 'manager' as const, name: managerName.trim() || managerId.trim() };
  const m = committee.find((x) => x.id === choice);
  return m ? { memberId: m.id, role: m.role === 'chair' ? ('chair' as const) : ('member' as const), name: m.name } : null;
}

/** `current`: the saved settings being changed; the form starts from them, secrets aside (kept when left empty). */
export function ConnectionForm({ cycle, current, onSaved, onCancel }: { cycle: Cycle; current?: ConnectionSummary; onSaved: () => void; onCancel?: () => void }) {
  const id = useId();
  const announce = useUiStore((s) => s.announce);
  const committee = useCycleCommittee(cycle.id);
  const asManager = current?.identity.role === 'manager';
  const [serverUrl, setServerUrl] = useState(current?.serverUrl ?? '');
  const [auth, setAuth] = useState<AuthDraft>(current ? { ...BLANK_AUTH, kind: current.authKind, user: current.user ?? '' } : BLANK_AUTH);
  const [choice, setChoice] = useState(current ? (asManager ? MANAGER : current.identity.memberId) : '');
  const [managerId, setManagerId] = useState(asManager ? current.identity.memberId : '');
  const [managerName, setManagerName] = useState(asManager ? current.identity.name : '');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // The chair's cycle passphrase: the committee's copy of the cycle is encrypted with it (members enter it to join).
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const isChair = committee?.find((m) => m.id === choice)?.role === 'chair';
  const editing = current !== undefined;

  // Optional: without it the committee takes the cycle from bundle files, as before.
  function passphraseWhy(): string | null {
    if (!isChair || (!passphrase && !repeated)) return null;
    return passphraseProblem(passphrase, repeated);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const identity = identityOf(choice, committee ?? [], managerId, managerName);
    const why = serverUrlProblem(serverUrl) ?? (identity ? passphraseWhy() : 'Choose who you are in this cycle.');
    if (why || !identity) return setProblem(why);
    setSaving(true);
    try {
      await commands.saveConnection({ cycleId: cycle.id, serverUrl: serverUrl.trim(), auth: authToSave(auth, current?.authKind), identity, ...(isChair && passphrase ? { cyclePassphrase: passphrase } : {}) }, new Date().toISOString());
      setPassphrase('');
      setRepeated('');
      setProblem(null);
      announce(`Saved. ${cycle.name} now connects to ${serverUrl.trim()}.`);
      onSaved();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="connection-form" onSubmit={(e) => void save(e)} noValidate aria-describedby={`${id}-note`}>
      <p id={`${id}-note`} className="connection-note">
        Nothing is sent anywhere until you save. After saving, this app connects to the server and shares this cycle’s session actions (votes, reveals, decisions) with the committee.
      </p>
      <div className="form-grid">
        <ServerAddressField idBase={id} value={serverUrl} onChange={setServerUrl} />
        <AuthFields idBase={id} draft={auth} onChange={setAuth} savedKind={current?.authKind} />
        <label htmlFor={`${id}-who`}>You are</label>
        <select id={`${id}-who`} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Choose…</option>
          {(committee ?? []).map((m) => (
            <option key={m.id} value={m.id}>
              {m.name} ({ROLE_LABEL[m.role]})
            </option>
          ))}
          <option value={MANAGER}>A manager who sends packets</option>
        </select>
        {choice === MANAGER ? (
          <>
            <label htmlFor={`${id}-manager-id`}>Manager id</label>
            <div>
              <input id={`${id}-manager-id`} type="text" autoComplete="off" value={managerId} onChange={(e) => setManagerId(e.target.value)} />
              <span className="field-hint">The id your server account has (letters, digits, “-” and “_”).</span>
            </div>
            <label htmlFor={`${id}-manager-name`}>Your name</label>
            <input id={`${id}-manager-name`} type="text" value={managerName} onChange={(e) => setManagerName(e.target.value)} />
          </>
        ) : null}
      </div>
      {isChair ? (
        <fieldset className="connection-passphrase">
          <legend>Cycle passphrase</legend>
          <p className="field-hint">With it, Levelset sends the cycle to the committee encrypted, and members join from an empty app by entering it. {editing ? 'Leave it empty to keep the one you set.' : 'Without it, members need the cycle’s bundle file.'}</p>
          <NewPassphraseFields id={`${id}-cycle`} passphrase={passphrase} onPassphrase={setPassphrase} repeated={repeated} onRepeated={setRepeated} />
        </fieldset>
      ) : null}
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="row-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save and connect'}
        </button>
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
