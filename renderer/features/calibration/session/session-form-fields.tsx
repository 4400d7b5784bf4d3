/** The new-session form's field ids and problem wiring: a problem shows beside its field once the user has tried to create the session. */
import type { ReactNode } from 'react';
import type { sessionProblems } from '../../../db/session-input';

export type ProblemKey = keyof ReturnType<typeof sessionProblems>;
export type SessionProblems = ReturnType<typeof sessionProblems>;

export interface FieldProblems {
  fieldId: (key: string) => string;
  /** For an input: aria-invalid and the error's id. */
  invalid: (key: ProblemKey) => { 'aria-invalid'?: true; 'aria-describedby'?: string };
  /** For a fieldset: its class (marked when invalid) and the error's id. */
  describedBy: (key: ProblemKey) => { className: string; 'aria-describedby'?: string };
  /** The problem's text beside its field, or nothing. */
  error: (key: ProblemKey) => ReactNode;
  /** Whether the problem is shown. */
  shown: (key: ProblemKey) => boolean;
}

export function fieldProblems(formId: string, problems: SessionProblems, showErrors: boolean): FieldProblems {
  const fieldId = (key: string) => `${formId}-${key}`;
  const shown = (key: ProblemKey) => showErrors && !!problems[key];
  return {
    fieldId,
    shown,
    invalid: (key) => (shown(key) ? { 'aria-invalid': true, 'aria-describedby': `${fieldId(key)}-error` } : {}),
    describedBy: (key) => (shown(key) ? { 'aria-describedby': `${fieldId(key)}-error`, className: 'session-fieldset session-fieldset-invalid' } : { className: 'session-fieldset' }),
    error: (key) =>
      shown(key) ? (
        <span className="field-error" id={`${fieldId(key)}-error`}>
          {problems[key]}
        </span>
      ) : null,
  };
}
