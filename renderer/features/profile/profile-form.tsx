/**
 * Name and role of the person using Levelset, as one small form shared by
 * the first-run step and About: the name is required, the role optional;
 * problems show under their field once the user tries to save, and Enter
 * saves from either field.
 */
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Profile } from '../../../shared/domain/profile';
import { couldNot } from '../../../shared/util/error-message';
import { fieldProblems } from '../../components/field-problems';
import { commands } from '../../db/commands';
import { ProfileInvalidError, profileProblems, type ProfileInput, type ProfileProblems } from '../../db/profile';
import { describeStorageError } from '../../db/storage-errors';
import './profile.css';

const ROLE_EXAMPLES = ['Engineering manager', 'Committee chair', 'HR partner'];

type Props = {
  initial: Profile | null;
  submitLabel: string;
  autoFocus?: boolean;
  onSaved: (profile: Profile) => void;
  /** Called on every edit, so a "saved" note can go once the fields differ. */
  onEdit?: () => void;
  /** Shown beside the button, e.g. a saved confirmation. */
  status?: ReactNode;
};

export function ProfileForm({ initial, submitLabel, autoFocus = false, onSaved, onEdit, status }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<ProfileInput>({ name: initial?.name ?? '', role: initial?.role ?? '' });
  const [showErrors, setShowErrors] = useState(false);
  const [serverProblems, setServerProblems] = useState<ProfileProblems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const roleRef = useRef<HTMLInputElement>(null);

  const problems: ProfileProblems = showErrors ? { ...profileProblems(draft), ...serverProblems } : {};

  function update(key: keyof ProfileInput, value: string) {
    setServerProblems({});
    setFailure(null);
    onEdit?.();
    setDraft((d) => ({ ...d, [key]: value }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = profileProblems(draft);
    if (found.name || found.role) {
      setShowErrors(true);
      (found.name ? nameRef : roleRef).current?.focus();
      return;
    }
    setBusy(true);
    try {
      const saved = await commands.saveProfile(draft);
      setDraft({ name: saved.name, role: saved.role });
      setShowErrors(false);
      onSaved(saved);
    } catch (error) {
      if (error instanceof ProfileInvalidError) {
        setServerProblems(error.problems);
        setShowErrors(true);
      } else {
        setFailure(couldNot('save your profile', describeStorageError(error)));
      }
    } finally {
      setBusy(false);
    }
  }

  const { field: described, error } = fieldProblems<keyof ProfileInput>(id, (key) => problems[key]);

  return (
    <form className="profile-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="profile-field">
        <label htmlFor={`${id}-name`}>Your name</label>
        <input ref={nameRef} type="text" autoComplete="name" autoFocus={autoFocus} value={draft.name} onChange={(e) => update('name', e.target.value)} {...described('name')} />
        {error('name')}
      </div>
      <div className="profile-field">
        <label htmlFor={`${id}-role`}>
          Your role <span className="muted">(optional)</span>
        </label>
        <input ref={roleRef} type="text" list={`${id}-roles`} autoComplete="organization-title" value={draft.role} onChange={(e) => update('role', e.target.value)} {...described('role', `${id}-role-hint`)} />
        <datalist id={`${id}-roles`}>
          {ROLE_EXAMPLES.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
        <span className="field-hint" id={`${id}-role-hint`}>
          For example {ROLE_EXAMPLES.slice(0, -1).join(', ')} or {ROLE_EXAMPLES.at(-1)}.
        </span>
        {error('role')}
      </div>
      {failure ? (
        <p className="field-error" role="alert">
          {failure}
        </p>
      ) : null}
      <div className="profile-actions">
        {/* aria-disabled while saving, not disabled: a disabled button gives the focus up to the page (a keyboard trial). */}
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined} aria-busy={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {status}
      </div>
    </form>
  );
}
