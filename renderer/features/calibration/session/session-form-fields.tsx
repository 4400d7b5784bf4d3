/**
 * The new-session form's problems, tied to its fields the way every form does
 * it (components/field-problems.tsx): a problem shows beside its field once
 * the user has tried to create the session. A fieldset with a problem is also
 * marked by its class.
 */
import { fieldProblems as tiedProblems, type FieldProblems as Tied } from '../../../components/field-problems';
import type { CommitteeMember } from '../../../../shared/domain';
import type { sessionProblems } from '../../../db/session-input';
import { memberNameId } from './committee-fields';

export type SessionProblems = ReturnType<typeof sessionProblems>;
export type ProblemKey = keyof SessionProblems;

export interface FieldProblems extends Tied<ProblemKey> {
  fieldId: (key: string) => string;
  /** For a fieldset: its class (marked when invalid) and the error's id. */
  fieldset: (key: ProblemKey) => { className: string; 'aria-describedby'?: string };
}

export function fieldProblems(formId: string, problems: SessionProblems, showErrors: boolean): FieldProblems {
  const tied = tiedProblems<ProblemKey>(formId, (key) => showErrors && problems[key]);
  return {
    ...tied,
    fieldId: (key) => `${formId}-${key}`,
    fieldset: (key) => ({ ...tied.group(key), className: tied.shows(key) ? 'session-fieldset session-fieldset-invalid' : 'session-fieldset' }),
  };
}

/**
 * After a refused submit: the focus goes to the first field with a problem, in `order`; for the committee, to the first
 * member without a name, where that problem is read (memberNameId), or else to the committee.
 */
export function focusFirstProblem(problems: SessionProblems, order: readonly ProblemKey[], members: readonly CommitteeMember[], fields: FieldProblems): void {
  const first = order.find((k) => problems[k]);
  const unnamed = members.findIndex((m) => !m.name.trim());
  const target = first === 'members' && unnamed >= 0 ? memberNameId(fields, unnamed) : first ? fields.fieldId(first) : null;
  if (target) document.getElementById(target)?.focus();
}
