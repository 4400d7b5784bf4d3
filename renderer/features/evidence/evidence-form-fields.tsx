/**
 * Fields of the evidence form (evidence-form.tsx): what kind of evidence it is
 * and who it comes from, and its description and links.
 */
import type { EvidenceKind, EvidenceSource } from '../../../shared/domain';
import type { FieldProblems } from '../../components/field-problems';
import type { EvidenceProblems } from '../../db/evidence';
import type { EvidenceDraft } from './evidence-draft';
import { KIND_LABELS, KINDS, SOURCE_LABELS, SOURCES } from './labels';

interface Props {
  formId: string;
  draft: EvidenceDraft;
  field: FieldProblems<keyof EvidenceProblems>['field'];
  error: FieldProblems<keyof EvidenceProblems>['error'];
  update: <K extends keyof EvidenceDraft>(key: K, value: EvidenceDraft[K]) => void;
}

export function KindSourceFields({ formId, draft, field, update }: Omit<Props, 'error'>) {
  return (
    <>
      <div className="evidence-field">
        <label htmlFor={`${formId}-kind`}>Kind</label>
        <select {...field('kind')} value={draft.kind} onChange={(e) => update('kind', e.target.value as EvidenceKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="evidence-field">
        <label htmlFor={`${formId}-source`}>Source</label>
        <select {...field('source')} value={draft.source} onChange={(e) => update('source', e.target.value as EvidenceSource)}>
          {SOURCES.map((s) => (
            <option key={s} value={s}>
              {SOURCE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

export function TextFields({ formId, draft, field, error, update }: Props) {
  return (
    <div className="evidence-form-row evidence-form-text">
      <div className="evidence-field">
        <label htmlFor={`${formId}-description`}>Description</label>
        <textarea {...field('description')} rows={3} value={draft.description} onChange={(e) => update('description', e.target.value)} placeholder="What they did, the result, who noticed" />
        {error('description')}
      </div>
      <div className="evidence-field">
        <label htmlFor={`${formId}-links`}>Links</label>
        <textarea
          {...field('links', `${formId}-links-hint`)}
          rows={3}
          value={draft.linksText}
          onChange={(e) => update('linksText', e.target.value)}
          placeholder="https://…"
          spellCheck={false}
        />
        <span className="field-hint" id={`${formId}-links-hint`}>
          One per line; http:// or https:// only.
        </span>
        {error('links')}
      </div>
    </div>
  );
}
