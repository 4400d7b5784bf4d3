/**
 * The new session's committee: a row per member (name, role), at least one;
 * members are added and removed here. A name left empty is marked and
 * described by the committee's problem, where a screen reader on that field
 * hears it (memberNameId: the form focuses the first such field).
 * Removing a member keeps the focus in the list (the Remove button of the
 * row that took its place, else the row above, else Add member) and says so.
 */
import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { useUiStore } from '../../../state/ui-store';
import type { CommitteeMember } from '../../../../shared/domain';
import { newId } from '../../../../shared/domain/ids';
import { CONNECTED_COMMITTEE_FIXED } from '../../../../shared/connected/committee';
import { ROLE_LABEL } from './labels';
import type { FieldProblems } from './session-form-fields';

/** The id of member i's name field. */
export const memberNameId = (fields: Pick<FieldProblems, 'fieldId'>, i: number) => `${fields.fieldId('members')}-name-${i}`;

export function CommitteeFields({ members, setMembers, fields }: { members: CommitteeMember[]; setMembers: Dispatch<SetStateAction<CommitteeMember[]>>; fields: FieldProblems }) {
  const setMember = (id: string, patch: Partial<CommitteeMember>) => setMembers((all) => all.map((m) => (m.id === id ? { ...m, ...patch } : m)));
  // The member just added: their name field takes the focus, where the next keys are meant to go (it stayed on the button).
  const [added, setAdded] = useState<string | null>(null);
  function addMember() {
    const id = newId();
    setAdded(id);
    setMembers((all) => [...all, { id, name: '', role: 'member' }]);
  }
  const announce = useUiStore((s) => s.announce);
  const listRef = useRef<HTMLFieldSetElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  // The row index whose Remove button takes the focus once a removal has rendered (the button removed went with its row).
  const focusRow = useRef<number | null>(null);
  function removeMember(index: number) {
    const gone = members[index];
    if (!gone) return;
    setMembers((all) => all.filter((x) => x.id !== gone.id));
    focusRow.current = Math.min(index, members.length - 2);
    announce(`Removed ${gone.name.trim() || `member ${index + 1}`} from the committee.`);
  }
  useEffect(() => {
    const row = focusRow.current;
    if (row === null) return;
    focusRow.current = null;
    const button = listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-remove]')[row];
    (button && !button.disabled ? button : addRef.current)?.focus();
  }, [members]);
  return (
    <fieldset ref={listRef} id={fields.fieldId('members')} tabIndex={-1} {...fields.fieldset('members')}>
      <legend>Committee</legend>
      <p className="field-hint">The chair reveals names in blind mode and finalizes the session. Every member gets a pre-vote and a final vote.</p>
      <table className="session-members">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((m, i) => (
            <tr key={m.id}>
              <td>
                <input
                  type="text"
                  id={memberNameId(fields, i)}
                  aria-label={`Member ${i + 1} name`}
                  aria-invalid={fields.shows('members') && !m.name.trim() ? true : undefined}
                  aria-describedby={fields.shows('members') && !m.name.trim() ? fields.fieldset('members')['aria-describedby'] : undefined}
                  value={m.name}
                  autoFocus={m.id === added}
                  onChange={(e) => setMember(m.id, { name: e.target.value })}
                />
              </td>
              <td>
                <select aria-label={`Member ${i + 1} role`} value={m.role} onChange={(e) => setMember(m.id, { role: e.target.value as CommitteeMember['role'] })}>
                  {(Object.keys(ROLE_LABEL) as CommitteeMember['role'][]).map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABEL[r]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button
                  type="button"
                  className="button button-small button-quiet-danger"
                  data-remove
                  aria-label={`Remove member ${i + 1}${m.name.trim() ? ` (${m.name.trim()})` : ''}`}
                  disabled={members.length === 1}
                  onClick={() => removeMember(i)}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button ref={addRef} type="button" className="button button-small" onClick={addMember}>
        Add member
      </button>
      {fields.error('members')}
    </fieldset>
  );
}

/** A connected session's committee on the chair's Edit details: listed, not editable, and why (editSessionDetails refuses a change). */
export function CommitteeFixed({ members }: { members: readonly CommitteeMember[] }) {
  return (
    <section className="session-fieldset" aria-labelledby="committee-fixed-title">
      <h3 id="committee-fixed-title">Committee</h3>
      <ul className="session-members-fixed">
        {members.map((m) => (
          <li key={m.id}>
            {m.name} <span className="muted">({ROLE_LABEL[m.role]})</span>
          </li>
        ))}
      </ul>
      <p className="field-hint">{CONNECTED_COMMITTEE_FIXED}</p>
    </section>
  );
}
