/**
 * A form field tied to its problem, the one way every form does it: the
 * field's id, `aria-invalid` while it has a problem, `aria-describedby` naming
 * its hints and its problem, and the problem itself shown beside it in an
 * element with that id (a fieldset: described by its problem). `problemOf`
 * says which problem shows now (a form may hold them back until the first Save).
 */
import type { ReactNode } from 'react';

/** The props a field takes to be tied to its problem. */
export interface FieldBinding {
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

export interface FieldProblems<K extends string> {
  /** The field's props, described also by the hints named (ids, space-separated). */
  field: (key: K, hintIds?: string) => FieldBinding;
  /** A group of fields (a fieldset, which takes no aria-invalid): described by its problem while it has one. */
  group: (key: K) => { 'aria-describedby'?: string };
  /** Whether the field has a problem shown now. */
  shows: (key: K) => boolean;
  /** The field's problem, shown beside it, or nothing. */
  error: (key: K) => ReactNode;
}

export function fieldProblems<K extends string>(formId: string, problemOf: (key: K) => string | undefined | null | false): FieldProblems<K> {
  const errorId = (key: K) => `${formId}-${key}-error`;
  return {
    group: (key) => (problemOf(key) ? { 'aria-describedby': errorId(key) } : {}),
    shows: (key) => !!problemOf(key),
    field: (key, hintIds) => {
      const problem = problemOf(key);
      return {
        id: `${formId}-${key}`,
        'aria-invalid': problem ? true : undefined,
        'aria-describedby': [hintIds, problem ? errorId(key) : undefined].filter(Boolean).join(' ') || undefined,
      };
    },
    error: (key) => {
      const problem = problemOf(key);
      return problem ? (
        <span className="field-error" id={errorId(key)}>
          {problem}
        </span>
      ) : null;
    },
  };
}
