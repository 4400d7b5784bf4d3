/**
 * What the editor says beside a field: a screen-reader suffix for a label, and
 * the validation issues (then any extra notes) under it.
 */
import type { ReactNode } from 'react';
import type { FrameworkEntity, FrameworkIssue } from '../../../../shared/frameworks/criteria-checker';
import { isWarning } from './editor-context';

/**
 * Words for screen readers after a visible label ("Title" is read as "Title
 * of IC3"). The space sits outside the hidden span so every accessible-name
 * algorithm keeps it.
 */
export function SrSuffix({ children }: { children: ReactNode }) {
  return (
    <>
      {' '}
      <span className="visually-hidden">{children}</span>
    </>
  );
}

export interface FieldTarget {
  entity: FrameworkEntity;
  id: string;
  field: string;
}

/** Messages under a field: validation issues first, then any extra notes. Returns the id to describe the field by, if any. */
export function FieldMessages({ id, issues, children }: { id: string; issues: readonly FrameworkIssue[]; children?: ReactNode }) {
  if (issues.length === 0 && !children) return null;
  return (
    <div id={id} className="editor-messages">
      {issues.length > 0 ? (
        <ul className="editor-issues">
          {issues.map((issue, i) => (
            <li key={i} className={isWarning(issue) ? 'editor-issue-warning' : 'editor-issue-error'}>
              <span className="visually-hidden">{isWarning(issue) ? 'Warning:' : 'Error:'}</span>{' '}
              {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </div>
  );
}

/** The ids a field is described by, joined; undefined when none. */
export function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return list.length > 0 ? list.join(' ') : undefined;
}

