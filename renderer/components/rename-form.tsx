/** An inline rename: a text field with Save and Cancel; Esc cancels. The caller's `onSave` throws to show a message. */
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../shared/util/error-message';

export function RenameForm({ label, initial, onSave, onClose }: { label: string; initial: string; onSave: (name: string) => Promise<void>; onClose: () => void }) {
  const id = useId();
  const [name, setName] = useState(initial);
  const [problem, setProblem] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await onSave(name);
      onClose();
    } catch (error) {
      setProblem(errorMessage(error));
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
