/**
 * The evidence form's draft (evidence-form.tsx): what it holds while typing,
 * a blank one, the one an item opens with, and the input it saves.
 */
import type { Evidence, EvidenceKind, EvidenceSource } from '../../../shared/domain';
import type { EvidenceInput } from '../../db/evidence';

/** What the form holds while typing; links are one per line. */
export interface EvidenceDraft {
  title: string;
  description: string;
  date: string;
  kind: EvidenceKind;
  source: EvidenceSource;
  linksText: string;
  criterionIds: string[];
}

export function blankDraft(date: string): EvidenceDraft {
  return { title: '', description: '', date, kind: 'project', source: 'manager', linksText: '', criterionIds: [] };
}

export function draftToInput(draft: EvidenceDraft): EvidenceInput {
  return {
    title: draft.title,
    description: draft.description,
    date: draft.date,
    kind: draft.kind,
    source: draft.source,
    links: draft.linksText.split(/\r?\n/).map((l) => l.trim()).filter(Boolean),
    criterionIds: draft.criterionIds,
  };
}

/** The draft an item opens with when edited. */
export function draftOf(item: Evidence): EvidenceDraft {
  return {
    title: item.title,
    description: item.description,
    date: item.date,
    kind: item.kind,
    source: item.source,
    linksText: item.links.join('\n'),
    criterionIds: [...item.criterionIds],
  };
}
