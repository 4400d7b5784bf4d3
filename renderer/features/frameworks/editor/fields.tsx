/**
 * Editor fields that save as you type: a text field (its draft, saved after a
 * pause and kept across a reload, is use-draft.ts's) and a list edited one item
 * per line. Selects and checkboxes commit at once (choice-fields.tsx).
 */
import type { ReactNode } from 'react';
import { fieldId, isWarning, useEditor } from './editor-context';
import { describedBy, FieldMessages, type FieldTarget } from './field-messages';
import { useDraft, type Commit } from './use-draft';

export { CheckboxField, SelectField } from './choice-fields';
export { FieldMessages, SrSuffix, type FieldTarget } from './field-messages';

interface TextFieldProps {
  target: FieldTarget;
  /** Visible label; a visually hidden suffix can name the row for screen readers. */
  label: ReactNode;
  value: string;
  onCommit: Commit;
  multiline?: boolean;
  rows?: number;
  hint?: string;
  /** The stored form of a typed text, to recognise when the stored value has caught up (e.g. trimmed list lines). */
  normalize?: (text: string) => string;
  /** Extra content under the field (e.g. checker warnings); given an id, the field is described by it too. */
  extra?: ReactNode;
  extraId?: string;
  className?: string;
  selectOnFocus?: boolean;
}

export function TextField({ target, label, value, onCommit, multiline, rows = 2, hint, normalize, extra, extraId, className, selectOnFocus }: TextFieldProps) {
  const { issues, frameworkId, reportField } = useEditor();
  const id = fieldId(target.entity, target.id, target.field);
  const fieldIssues = issues.field(target.entity, target.id, target.field);
  const draft = useDraft(id, `framework:${frameworkId}:${id}`, value, onCommit, normalize, reportField);

  const hintId = hint ? `${id}-hint` : undefined;
  const messagesId = fieldIssues.length > 0 || extra ? `${id}-messages` : undefined;
  const common = {
    id,
    value: draft.shown,
    'aria-invalid': fieldIssues.some((i) => !isWarning(i)) || undefined,
    'aria-describedby': describedBy(hintId, messagesId && fieldIssues.length > 0 ? messagesId : undefined, extra ? extraId : undefined),
    onFocus: (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
      draft.onFocus();
      if (selectOnFocus) event.currentTarget.select();
    },
    onChange: draft.onChange,
    onBlur: draft.onBlur,
  };

  return (
    <div className={`editor-field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={hintId} className="editor-hint">
          {hint}
        </span>
      ) : null}
      {multiline ? <textarea rows={rows} {...common} /> : <input type="text" autoComplete="off" spellCheck {...common} />}
      {messagesId ? (
        <FieldMessages id={messagesId} issues={fieldIssues}>
          {extra}
        </FieldMessages>
      ) : null}
    </div>
  );
}

const splitLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** A list of short texts edited one per line. */
export function ListField({ target, label, items, onCommit, rows = 3 }: { target: FieldTarget; label: ReactNode; items: readonly string[]; onCommit: (items: string[], group: string) => Promise<unknown>; rows?: number }) {
  return (
    <TextField
      target={target}
      label={label}
      hint="One per line."
      value={items.join('\n')}
      multiline
      rows={rows}
      normalize={(text) => splitLines(text).join('\n')}
      onCommit={(text, group) => onCommit(splitLines(text), group)}
    />
  );
}

