/**
 * An inline rename: a text field with Save and Cancel; Esc cancels. The caller's `onSave` throws to show a message,
 * and says `unchanged` when the name given is the one already saved (the rename commands write nothing then): the
 * form says so as it closes, rather than nothing or a change. A save in progress is not started again.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../shared/util/error-message';
import { useUiStore } from '../state/ui-store';

export function RenameForm({ label, initial, onSave, onClose }: { label: string; initial: string; onSave: (name: string) => Promise<'changed' | 'unchanged'>; onClose: () => void }) {
  const id = useId();
  const [name, setName] = useState(initial);
  const [problem, setProblem] = useState('');
  const announce = useUiStore((s) => s.announce);
  const saving = useRef(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving.current) return;
    saving.current = true;
    try {
      // A new name shows where the old one was; the one already saved is said, not shown as a change.
      if ((await onSave(name)) === 'unchanged') announce(`The name “${initial}” is the one already saved: nothing was changed.`);
      onClose();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      saving.current = false;
    }
  }

  return (
    <form className="rename-form" onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && onClose()} aria-label={label}>
      <label htmlFor={`${id}-name`}>{label}</label>
      <input
        id={`${id}-name`}
        type="text"
        value={name}
        onChange={(e) => setName(e.target.value)}
        autoFocus
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
      />
      <button type="submit" className="button button-small">
        Save name
      </button>
      <button type="button" className="button button-small button-secondary" onClick={onClose}>
        Cancel
      </button>
      {problem ? (
        <span className="field-error" id={`${id}-problem`}>
          {problem}
        </span>
      ) : null}
    </form>
  );
}
