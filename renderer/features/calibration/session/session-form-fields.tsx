/**
 * The new-session form's problems, tied to its fields the way every form does
 * it (components/field-problems.tsx): a problem shows beside its field once
 * the user has tried to create the session. A fieldset with a problem is also
 * marked by its class.
 */
import { fieldProblems as tiedProblems, type FieldProblems as Tied } from '../../../components/field-problems';
import type { sessionProblems } from '../../../db/session-input';

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
