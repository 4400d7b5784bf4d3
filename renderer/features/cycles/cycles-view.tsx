/**
 * Cycles: for the admin or chair who opens a promotion cycle. Lists cycles
 * with the framework version each pins, and creates a new one: name, dates,
 * the framework version (pinned and frozen on creation) and the evidence
 * window, which defaults to the four full quarters before the quarter the
 * cycle closes in and runs to the closing day, so evidence logged during the
 * cycle counts.
 */
import { useId, useLayoutEffect, useState, type FormEvent } from 'react';
import { DATE_INPUT_RANGE, defaultEvidenceWindow, evidenceWindowFollowing } from '../../../shared/util/dates';
import { fieldProblems } from '../../components/field-problems';
import { PageHeader } from '../../components/page-header';
import { commands } from '../../db/commands';
import { cycleProblems, type NewCycle } from '../../db/cycles';
import { useFrameworks } from '../../db/framework-hooks';
import { useActiveCycle, useCycles } from '../../db/hooks';
import { useUiStore } from '../../state/ui-store';
import { ConnectionPanel } from '../connected/connection-panel';
import { formatDate, localToday } from '../../components/dates';
import { JoinCommittee } from '../connected/join-form';
import { CycleActions } from './cycle-actions';
import { CycleCreated } from './cycle-created';
import { couldNot } from '../../../shared/util/error-message';

/** The form's fields in the order they are shown. */
const FIELD_ORDER: (keyof NewCycle)[] = ['name', 'opensOn', 'closesOn', 'frameworkVersionId', 'evidenceFrom', 'evidenceTo'];

function blankCycle(today: string): NewCycle {
  const closesOn = `${today.slice(0, 4)}-12-15`;
  const window = defaultEvidenceWindow(closesOn);
  return { name: '', opensOn: today, closesOn, frameworkVersionId: '', evidenceFrom: window.from, evidenceTo: window.to };
}

/** `#/cycles/new` (the "Create a cycle" links): the New cycle form, its name field focused, the join form closed. */
export function CyclesView({ params = [] }: { params?: string[] }) {
  const creating = params[0] === 'new';
  const cycles = useCycles();
  const active = useActiveCycle();
  const frameworks = useFrameworks();
  const [draft, setDraft] = useState<NewCycle>(() => blankCycle(localToday()));
  const [windowTouched, setWindowTouched] = useState(false);
  const [showErrors, setShowErrors] = useState(false);
  /** The name of the cycle just created here, for what to do next (cycle-created.tsx). */
  const [created, setCreated] = useState<string | null>(null);
  const announce = useUiStore((s) => s.announce);
  const formId = useId();
  const problems = cycleProblems(draft, (cycles ?? []).map((c) => c.name));
  // Once the form is drawn (after the cycles and frameworks are read), in that commit: from an effect the field took
  // the focus a task after the paint, and the first key of a name typed as the form appeared went to the page, where
  // a digit ("2027 H1 …") is a section key and left the page.
  const drawn = cycles !== undefined && frameworks !== undefined;
  useLayoutEffect(() => {
    if (creating && drawn) document.getElementById(`${formId}-name`)?.focus();
  }, [creating, drawn, formId]);

  function update<K extends keyof NewCycle>(key: K, value: NewCycle[K]) {
    setDraft((d) => {
      const next = { ...d, [key]: value };
      // The window follows the closing date until the user sets it by hand.
      const w = key === 'closesOn' && !windowTouched ? evidenceWindowFollowing(String(value)) : null;
      if (w) {
        next.evidenceFrom = w.from;
        next.evidenceTo = w.to;
      }
      return next;
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (Object.keys(problems).length > 0) {
      setShowErrors(true);
      // The first field with a problem takes the focus, where its message is read (it stayed on Create cycle).
      const first = FIELD_ORDER.find((key) => problems[key]);
      return document.getElementById(`${formId}-${first}`)?.focus();
    }
    try {
      const cycle = await commands.createCycle(draft, new Date().toISOString());
      announce(`Created ${cycle.name}. It is now the active cycle.`);
      setCreated(cycle.name);
      setDraft(blankCycle(localToday()));
      setShowErrors(false);
      setWindowTouched(false);
    } catch (error) {
      announce(couldNot('create the cycle', error), 'error');
    }
  }

  if (!cycles || !frameworks) return null;
  const frameworkById = new Map(frameworks.map((f) => [f.id, f]));
  const choices = [...frameworks].sort((a, b) => a.name.localeCompare(b.name) || b.version - a.version);
  const { field, error } = fieldProblems<keyof NewCycle>(formId, (key) => showErrors && problems[key]);

  return (
    <>
      <PageHeader title="Cycles" subtitle="A cycle pins one framework version and an evidence window; packets and sessions belong to a cycle." />
      {cycles.length > 0 ? (
        <table className="data-table">
          <caption className="visually-hidden">Cycles</caption>
          <thead>
            <tr>
              <th scope="col">Cycle</th>
              <th scope="col">Opens</th>
              <th scope="col">Closes</th>
              <th scope="col">Framework</th>
              <th scope="col">Evidence window</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {cycles.map((c) => {
              const f = frameworkById.get(c.frameworkVersionId);
              return (
                <tr key={c.id}>
                  <td>
                    <button type="button" className="button-link" onClick={() => void commands.setActiveCycle(c.id)}>
                      {c.name}
                    </button>
                  </td>
                  <td className="date">{formatDate(c.opensOn)}</td>
                  <td className="date">{formatDate(c.closesOn)}</td>
                  <td>{f ? `${f.name} v${f.version}` : 'Missing framework'}</td>
                  <td>
                    <span className="date">{formatDate(c.evidenceFrom)}</span> to <span className="date">{formatDate(c.evidenceTo)}</span>
                  </td>
                  <td>
                    <CycleActions cycle={c} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {created ? <CycleCreated name={created} /> : null}
      <form className="form-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${formId}-title`}>
        <h2 id={`${formId}-title`}>New cycle</h2>
        <div className="form-grid">
          <label htmlFor={`${formId}-name`}>Name</label>
          <div>
            <input type="text" {...field('name')} value={draft.name} onChange={(e) => update('name', e.target.value)} placeholder="2027 H1 promotion cycle" />
            {error('name')}
          </div>
          <label htmlFor={`${formId}-opensOn`}>Opens on</label>
          <div>
            <input type="date" {...DATE_INPUT_RANGE} {...field('opensOn')} value={draft.opensOn} onChange={(e) => update('opensOn', e.target.value)} />
            {error('opensOn')}
          </div>
          <label htmlFor={`${formId}-closesOn`}>Closes on</label>
          <div>
            <input type="date" {...DATE_INPUT_RANGE} {...field('closesOn')} value={draft.closesOn} onChange={(e) => update('closesOn', e.target.value)} />
            {error('closesOn')}
          </div>
          <label htmlFor={`${formId}-frameworkVersionId`}>Framework version</label>
          <div>
            <select {...field('frameworkVersionId')} value={draft.frameworkVersionId} onChange={(e) => update('frameworkVersionId', e.target.value)}>
              <option value="">Choose a framework…</option>
              {choices.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name} v{f.version}
                  {f.frozen ? ' (pinned)' : ''}
                </option>
              ))}
            </select>
            <span className="field-hint">The version is pinned: later edits make a new version, and this cycle keeps this one until you move it.</span>
            {error('frameworkVersionId')}
          </div>
          <label htmlFor={`${formId}-evidenceFrom`}>Evidence from</label>
          <div>
            <input type="date" {...DATE_INPUT_RANGE} {...field('evidenceFrom')} value={draft.evidenceFrom} onChange={(e) => { setWindowTouched(true); update('evidenceFrom', e.target.value); }} />
            {error('evidenceFrom')}
          </div>
          <label htmlFor={`${formId}-evidenceTo`}>Evidence to</label>
          <div>
            <input type="date" {...DATE_INPUT_RANGE} {...field('evidenceTo')} value={draft.evidenceTo} onChange={(e) => { setWindowTouched(true); update('evidenceTo', e.target.value); }} />
            <span className="field-hint">By default from the start of the four full quarters before the quarter the cycle closes in, to the day it closes: evidence dated outside the window does not count towards readiness.</span>
            {error('evidenceTo')}
          </div>
        </div>
        <button type="submit" className="button button-primary">
          Create cycle
        </button>
      </form>
      {/* After the form: most people here start a cycle; a committee member joining one finds the card below it. */}
      <JoinCommittee open={cycles.length === 0 && !creating} />
      {/* Connected mode after the everyday form: it is long, and most people never open it. */}
      {active ? <ConnectionPanel cycle={active} /> : null}
    </>
  );
}
