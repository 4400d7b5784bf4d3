/**
 * The new session's committee: a row per member (name, role), at least one;
 * members are added and removed here. A name left empty is marked and
 * described by the committee's problem, where a screen reader on that field
 * hears it (memberNameId: the form focuses the first such field).
 */
import { useState, type Dispatch, type SetStateAction } from 'react';
import type { CommitteeMember } from '../../../../shared/domain';
import { newId } from '../../../../shared/domain/ids';
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
  return (
    <fieldset id={fields.fieldId('members')} tabIndex={-1} {...fields.fieldset('members')}>
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
                  aria-label={`Remove member ${i + 1}${m.name.trim() ? ` (${m.name.trim()})` : ''}`}
                  disabled={members.length === 1}
                  onClick={() => setMembers((all) => all.filter((x) => x.id !== m.id))}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button button-small" onClick={addMember}>
        Add member
      </button>
      {fields.error('members')}
    </fieldset>
  );
}
