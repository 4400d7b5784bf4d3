/**
 * What every part of the framework editor shares: the edit queue, the
 * validation issues and checker findings of the current document, the
 * confirmation dialog, and "focus this element once it exists".
 */
import { createContext, useContext } from 'react';
import type { FrameworkEdit } from '../../../../shared/frameworks/edit-ops';
import type { CriterionFinding, FrameworkEntity, FrameworkIssue } from '../../../../shared/frameworks/criteria-checker';
import type { ConfirmRequest } from '../../../components/confirm-dialog';
import type { ReportField } from './use-draft';

export interface SubmitOptions {
  /**
   * Consecutive edits with the same group are one undo step (one visit to a
   * text field). Only a text field gives one, and it reports its own failed
   * save (`reportField`), since it keeps the words.
   */
  group?: string;
}

export interface EditorContextValue {
  /** The framework being edited (keys the local copies of text typed just before a reload). */
  frameworkId: string;
  /** Queues an edit after the ones before it; resolves to null when stored, or to the reason it was refused. */
  submit: (edit: FrameworkEdit, options?: SubmitOptions) => Promise<string | null>;
  issues: IssueIndex;
  findings: ReadonlyMap<string, CriterionFinding[]>;
  confirm: (request: ConfirmRequest) => void;
  /** Focuses the element with this id now, or after the next render that creates it. */
  focusWhenReady: (elementId: string) => void;
  /** A text field's words typed and not sent, or not stored (use-draft.ts), or null once there are none. */
  reportField: ReportField;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditor is used outside the framework editor');
  return value;
}

/** Element id of an editable field; also the prefix of its messages' ids. */
export function fieldId(entity: FrameworkEntity, id: string, field: string): string {
  return `fe-${entity}-${id}-${field}`;
}

/** Validation issues of one document, looked up by the row and field they are about. */
export class IssueIndex {
  private readonly byRow = new Map<string, FrameworkIssue[]>();

  constructor(readonly all: readonly FrameworkIssue[]) {
    for (const issue of all) {
      const key = `${issue.entity}\u0000${issue.id}`;
      const list = this.byRow.get(key);
      if (list) list.push(issue);
      else this.byRow.set(key, [issue]);
    }
  }

  /** Issues about one field of one row. */
  field(entity: FrameworkEntity, id: string, field: string): FrameworkIssue[] {
    return this.row(entity, id).filter((i) => i.field === field);
  }

  /** Issues about a row that its editor shows no field for (e.g. "this level has no criteria"). */
  rest(entity: FrameworkEntity, id: string, shownFields: readonly string[]): FrameworkIssue[] {
    return this.row(entity, id).filter((i) => !shownFields.includes(i.field));
  }

  row(entity: FrameworkEntity, id: string): FrameworkIssue[] {
    return this.byRow.get(`${entity}\u0000${id}`) ?? [];
  }
}

export function isWarning(issue: FrameworkIssue): boolean {
  return 'severity' in issue && issue.severity === 'warning';
}
