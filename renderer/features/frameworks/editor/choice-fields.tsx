/**
 * Editor fields that commit at once: a select and a checkbox, each showing the
 * chosen value until the stored one catches up (and the stored one again if
 * the edit is refused).
 */
import { useState, type ReactNode } from 'react';
import { fieldId, isWarning, useEditor } from './editor-context';
import { FieldMessages, type FieldTarget } from './field-messages';

/** A select that commits on change; `''` stands for "not set". */
export function SelectField({
  target,
  label,
  value,
  options,
  onCommit,
  className,
}: {
  target: FieldTarget;
  label: ReactNode;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onCommit: (value: string) => Promise<string | null>;
  className?: string;
}) {
  const { issues } = useEditor();
  const id = fieldId(target.entity, target.id, target.field);
  const fieldIssues = issues.field(target.entity, target.id, target.field);
  const [chosen, setChosen] = useState<string | null>(null);
  if (chosen !== null && chosen === value) setChosen(null);
  const messagesId = fieldIssues.length > 0 ? `${id}-messages` : undefined;
  return (
    <div className={`editor-field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={chosen ?? value}
        aria-invalid={fieldIssues.some((i) => !isWarning(i)) || undefined}
        aria-describedby={messagesId}
        onChange={(event) => {
          const next = event.target.value;
          setChosen(next);
          void onCommit(next).then((error) => {
            if (error !== null) setChosen(null);
          });
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {messagesId ? <FieldMessages id={messagesId} issues={fieldIssues} /> : null}
    </div>
  );
}

export function CheckboxField({ target, label, checked, onCommit }: { target: FieldTarget; label: ReactNode; checked: boolean; onCommit: (checked: boolean) => Promise<string | null> }) {
  const id = fieldId(target.entity, target.id, target.field);
  const [chosen, setChosen] = useState<boolean | null>(null);
  if (chosen !== null && chosen === checked) setChosen(null);
  return (
    <div className="editor-field editor-checkbox">
      <input
        id={id}
        type="checkbox"
        checked={chosen ?? checked}
        onChange={(event) => {
          const next = event.target.checked;
          setChosen(next);
          void onCommit(next).then((error) => {
            if (error !== null) setChosen(null);
          });
        }}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
