/**
 * Editor fields that save as you type. A text field keeps a local draft
 * while it has focus and commits it after a short pause (DEBOUNCE_MS) and
 * again on blur or unmount. Every keystroke is also kept synchronously in
 * local storage until its save lands (renderer/state/unsaved-text.ts), since
 * an IndexedDB write started while the page unloads may never finish: after a
 * reload the field puts the words back and saves them.
 * Each visit to a field is one undo group. Selects and checkboxes commit at
 * once and show the chosen value until the stored one catches up.
 */
import { useEffect, useRef, useState, type ChangeEvent, type FocusEvent, type ReactNode } from 'react';
import type { FrameworkEntity, FrameworkIssue } from '../../../../shared/frameworks/criteria-checker';
import { forgetUnsaved, keepUnsaved, unsavedText } from '../../../state/unsaved-text';
import { usePageLeave } from '../../../state/use-page-leave';
import { fieldId, isWarning, useEditor } from './editor-context';

export const DEBOUNCE_MS = 250;

type Commit = (value: string, group: string) => Promise<unknown>;

interface DraftState {
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The text as typed. */
  latest: string;
  /** The text last handed to `commit`. */
  sent: string;
  group: string;
  commit: Commit;
  onSent: (text: string) => void;
}

let visitSerial = 0;

function flush(state: DraftState): Promise<unknown> | null {
  if (state.timer !== undefined) clearTimeout(state.timer);
  state.timer = undefined;
  if (state.latest === state.sent) return null;
  state.sent = state.latest;
  state.onSent(state.latest);
  return state.commit(state.latest, state.group);
}

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

function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return list.length > 0 ? list.join(' ') : undefined;
}

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
  const { issues, frameworkId } = useEditor();
  const id = fieldId(target.entity, target.id, target.field);
  const rescueKey = `framework:${frameworkId}:${id}`;
  const fieldIssues = issues.field(target.entity, target.id, target.field);
  const [rescued] = useState(() => unsavedText(rescueKey, value));
  const [local, setLocal] = useState<string | null>(rescued);
  const [focused, setFocused] = useState(false);
  /** What the stored value will read once the last commit lands. */
  const [expected, setExpected] = useState<string | null>(() => (rescued === null ? null : normalize ? normalize(rescued) : rescued));
  const state = useRef<DraftState>({
    timer: undefined,
    latest: rescued ?? value,
    sent: value,
    group: `${id}#rescued`,
    commit: onCommit,
    onSent: () => undefined,
  });

  useEffect(() => {
    state.current.commit = (text, group) =>
      Promise.resolve(onCommit(text, group)).then((result) => {
        // The stored value now holds this text (unless more was typed since): the local copy can go.
        if (state.current.latest === text) forgetUnsaved(rescueKey);
        return result;
      });
    state.current.onSent = (text) => setExpected(normalize ? normalize(text) : text);
  });
  useEffect(() => {
    // Words put back after a reload are saved at once.
    if (rescued !== null) void flush(state.current);
  }, [rescued]);
  useEffect(() => {
    const current = state.current;
    // Leaving the page (another section, undo elsewhere) must not drop a pending draft.
    return () => void flush(current);
  }, []);
  // A reload or a closed window right after typing keeps the last words.
  usePageLeave(() => void flush(state.current));

  // Once the stored value has caught up with what was typed, show the stored value again.
  if (!focused && local !== null && (expected === null || expected === value)) {
    setLocal(null);
    setExpected(null);
  }
  const shown = local ?? value;

  const hintId = hint ? `${id}-hint` : undefined;
  const messagesId = fieldIssues.length > 0 || extra ? `${id}-messages` : undefined;
  const common = {
    id,
    value: shown,
    'aria-invalid': fieldIssues.some((i) => !isWarning(i)) || undefined,
    'aria-describedby': describedBy(hintId, messagesId && fieldIssues.length > 0 ? messagesId : undefined, extra ? extraId : undefined),
    onFocus: (event: FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const st = state.current;
      // A draft that failed to save earlier is kept, and saved again on the next pause.
      const start = local ?? value;
      st.latest = start;
      st.sent = value;
      st.group = `${id}#${++visitSerial}`;
      setLocal(start);
      setFocused(true);
      if (selectOnFocus) event.currentTarget.select();
    },
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const st = state.current;
      st.latest = event.target.value;
      keepUnsaved(rescueKey, event.target.value, value);
      setLocal(event.target.value);
      if (st.timer !== undefined) clearTimeout(st.timer);
      st.timer = setTimeout(() => void flush(st), DEBOUNCE_MS);
    },
    onBlur: () => {
      setFocused(false);
      void flush(state.current);
    },
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
