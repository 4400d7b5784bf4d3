/**
 * The evidence form, keyboard first. Used at the top of the log to add
 * items one after another, and in place of an item to edit it.
 *
 * - Enter in the title adds the item when it is valid (the browser's
 *   implicit submission); Ctrl/Cmd+Enter adds it from any field, including
 *   the description; Esc closes the form (an unsent draft is kept).
 * - The quarter the date counts in is shown beside the date, with a note
 *   when the date falls outside the cycle's evidence window.
 * - Problems are shown beside their field and focus moves to the first.
 */
import { CharCount } from '../../components/char-count';
import { useId, useRef, useState, type FormEvent, type KeyboardEvent, type RefObject, type ReactNode } from 'react';
import { EVIDENCE_LIMITS, type Cycle } from '../../../shared/domain';
import { EvidenceInvalidError, evidenceProblems, type EvidenceInput, type EvidenceProblems } from '../../db/evidence';
import { fieldProblems } from '../../components/field-problems';
import { CriteriaPicker } from './criteria-picker';
import { DateField } from './date-field';
import type { CriterionGroup } from './criteria';
import { draftToInput, type EvidenceDraft } from './evidence-draft';
import { KindSourceFields, TextFields } from './evidence-form-fields';
import { modKeyLabel } from './labels';

const FIELD_ORDER: Array<keyof EvidenceProblems> = ['title', 'date', 'kind', 'source', 'criterionIds', 'description', 'links'];

export interface EvidenceFormProps {
  /** Names the form for assistive technology, e.g. "Log evidence". */
  label: string;
  draft: EvidenceDraft;
  onDraftChange: (draft: EvidenceDraft) => void;
  groups: CriterionGroup[];
  cycle: Cycle | null;
  submitLabel: string;
  /** Saves the item; throws EvidenceInvalidError (shown beside the fields) or another error (announced by the caller). */
  onSubmit: (input: EvidenceInput) => Promise<void>;
  /** Esc, and the close button unless `onCancel` is given. */
  onClose: () => void;
  closeLabel: string;
  /** The close button, when it does more than Esc (Cancel drops an edit; Esc keeps it). */
  onCancel?: () => void;
  /** A line above the fields (an edit kept from before). */
  note?: ReactNode;
  /** Focus the title when the form appears. */
  autoFocusTitle?: boolean;
  /** Lets the parent put focus back in the title (after an item is added). */
  titleRef?: RefObject<HTMLInputElement | null>;
}

export function EvidenceForm(props: EvidenceFormProps) {
  const { draft, onDraftChange, groups, cycle } = props;
  const formId = useId();
  const ownTitleRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const titleRef = props.titleRef ?? ownTitleRef;
  const [problems, setProblems] = useState<EvidenceProblems>({});
  const [busy, setBusy] = useState(false);
  const mod = modKeyLabel();

  function update<K extends keyof EvidenceDraft>(key: K, value: EvidenceDraft[K]) {
    onDraftChange({ ...draft, [key]: value });
    // A field's message goes once the user changes that field.
    if (problems[key as keyof EvidenceProblems]) setProblems((p) => ({ ...p, [key]: undefined }));
    if (key === 'linksText' && problems.links) setProblems((p) => ({ ...p, links: undefined }));
  }

  function focusFirstProblem(found: EvidenceProblems) {
    const first = FIELD_ORDER.find((k) => found[k]);
    if (!first) return;
    const el = first === 'criterionIds' ? formRef.current?.querySelector<HTMLElement>('.criteria-picker input') : document.getElementById(`${formId}-${first}`);
    el?.focus();
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    const input = draftToInput(draft);
    const found = evidenceProblems(input);
    const visible = Object.fromEntries(Object.entries(found).filter(([, v]) => v)) as EvidenceProblems;
    if (Object.keys(visible).length > 0) {
      setProblems(visible);
      focusFirstProblem(visible);
      return;
    }
    setBusy(true);
    try {
      await props.onSubmit(input);
      setProblems({});
    } catch (error) {
      if (error instanceof EvidenceInvalidError) {
        setProblems(error.problems);
        focusFirstProblem(error.problems);
      } else {
        throw error;
      }
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      props.onClose();
    }
  }

  const { field, error } = fieldProblems<keyof EvidenceProblems>(formId, (key) => problems[key]);

  return (
    <form ref={formRef} className="evidence-form" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate aria-label={props.label}>
      {props.note}
      <div className="evidence-form-title">
        <label htmlFor={`${formId}-title`}>Title</label>
        <input
          ref={titleRef}
          type="text"
          {...field('title', `${formId}-title-hint`)}
          value={draft.title}
          onChange={(e) => update('title', e.target.value)}
          placeholder="What happened, in a few words"
          autoFocus={props.autoFocusTitle}
          autoComplete="off"
        />
        <CharCount length={draft.title.trim().length} max={EVIDENCE_LIMITS.title} problemShown={error('title') !== null} />
        <span className="field-hint" id={`${formId}-title-hint`}>
          Press <kbd>Enter</kbd> here or <kbd>{mod}</kbd>+<kbd>Enter</kbd> anywhere in the form to save; <kbd>Esc</kbd> closes.
        </span>
        {error('title')}
      </div>
      <div className="evidence-form-row">
        <DateField formId={formId} date={draft.date} cycle={cycle} field={field} error={error} onChange={(date) => update('date', date)} />
        <KindSourceFields formId={formId} draft={draft} field={field} update={update} />
      </div>
      <div className="evidence-field">
        <span className="evidence-field-label" id={`${formId}-criteria-label`}>
          Criteria it shows
        </span>
        <CriteriaPicker
          idPrefix={formId}
          groups={groups}
          value={draft.criterionIds}
          onChange={(ids) => update('criterionIds', ids)}
          describedBy={problems.criterionIds ? `${formId}-criterionIds-error` : undefined}
        />
        {error('criterionIds')}
      </div>
      <TextFields formId={formId} draft={draft} field={field} error={error} update={update} />
      <div className="evidence-form-actions">
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
          {props.submitLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={props.onCancel ?? props.onClose}>
          {props.closeLabel}
        </button>
      </div>
    </form>
  );
}
