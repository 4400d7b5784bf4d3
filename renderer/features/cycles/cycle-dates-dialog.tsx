/**
 * "Change dates…" on a cycle's row: for the admin or chair who mistyped a
 * closing day, or whose committee moved. The opening and closing days can
 * always change; the evidence window only while no packet of the cycle has
 * been submitted (the fields then say why they are read-only). A modal form:
 * the first field takes the focus, Tab stays inside, Escape cancels, and the
 * focus goes back to the button that opened it.
 */
import { Fragment, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Cycle } from '../../../shared/domain';
import { DATE_INPUT_RANGE } from '../../../shared/util/dates';
import { errorMessage } from '../../../shared/util/error-message';
import { fieldProblems } from '../../components/field-problems';
import { keepTabInside, useFocusInAndBack } from '../../components/focus-trap';
import { commands } from '../../db/commands';
import { cycleDatesProblems, CycleDatesError, WINDOW_FIXED, type CycleDates } from '../../db/cycles';

const FIELDS: { key: keyof CycleDates; label: string; window: boolean }[] = [
  { key: 'opensOn', label: 'Opens on', window: false },
  { key: 'closesOn', label: 'Closes on', window: false },
  { key: 'evidenceFrom', label: 'Evidence from', window: true },
  { key: 'evidenceTo', label: 'Evidence to', window: true },
];

export function CycleDatesDialog({ cycle, windowFixed, onDone, onCancel }: { cycle: Cycle; windowFixed: boolean; onDone: (text: string) => void; onCancel: () => void }) {
  const formId = useId();
  const dialog = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<CycleDates>({ opensOn: cycle.opensOn, closesOn: cycle.closesOn, evidenceFrom: cycle.evidenceFrom, evidenceTo: cycle.evidenceTo });
  const [refused, setRefused] = useState<Partial<Record<keyof CycleDates, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const problems = { ...cycleDatesProblems(cycle, draft, windowFixed), ...refused };
  const { field, error } = fieldProblems<keyof CycleDates>(formId, (key) => showErrors && problems[key]);

  useFocusInAndBack(() => document.getElementById(`${formId}-opensOn`));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const first = FIELDS.find((f) => problems[f.key]);
    if (first) {
      setShowErrors(true);
      return document.getElementById(`${formId}-${first.key}`)?.focus();
    }
    try {
      const change = await commands.changeCycleDates(cycle.id, draft, new Date().toISOString());
      onDone(change === 'unchanged' ? `The dates of ${cycle.name} are the ones already saved: nothing was changed.` : `Changed the dates of ${cycle.name}.`);
    } catch (e) {
      // The command asks the rules again against what is stored now (a packet submitted meanwhile fixes the window).
      if (e instanceof CycleDatesError) {
        setRefused(e.problems);
        setShowErrors(true);
      } else setFailure(errorMessage(e));
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else keepTabInside(event, dialog.current);
  }

  return (
    // A click beside the dialog does not close it: that would drop the dates typed (Cancel and Escape do, on purpose).
    <div className="confirm-backdrop">
      <div className="confirm-dialog" role="dialog" aria-modal="true" aria-labelledby={`${formId}-title`}>
        <form ref={dialog} onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate>
          <h2 id={`${formId}-title`}>Dates of {cycle.name}</h2>
          <div className="form-grid">
            {FIELDS.map(({ key, label, window }) => (
              <Fragment key={key}>
                <label htmlFor={`${formId}-${key}`}>{label}</label>
                <div>
                  <input
                    type="date"
                    {...DATE_INPUT_RANGE}
                    {...field(key, window && windowFixed ? `${formId}-window-fixed` : undefined)}
                    value={draft[key]}
                    readOnly={window && windowFixed}
                    onChange={(e) => {
                      setRefused({});
                      setDraft((d) => ({ ...d, [key]: e.target.value }));
                    }}
                  />
                  {error(key)}
                </div>
              </Fragment>
            ))}
          </div>
          {windowFixed ? (
            <p className="field-hint" id={`${formId}-window-fixed`}>
              {WINDOW_FIXED}
            </p>
          ) : (
            <p className="field-hint">Moving the window changes which evidence counts towards readiness in every packet of this cycle.</p>
          )}
          {failure ? (
            <p className="field-error" role="alert">
              {failure}
            </p>
          ) : null}
          <div className="confirm-actions">
            <button type="button" className="button button-secondary" onClick={onCancel}>
              Cancel
            </button>
            <button type="submit" className="button button-primary">
              Save dates
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
