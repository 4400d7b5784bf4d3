/**
 * The "Log evidence" draft of one candidate, kept in localStorage until it
 * is added or emptied, so a reload (or a closed window) does not lose what
 * was typed. It is UI state, not a record: it never enters the database or
 * the audit trail. While it holds text, the browser asks before leaving.
 */
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { EvidenceKindSchema, EvidenceSourceSchema } from '../../../shared/domain/evidence';
import { getPlatform } from '../../platform/bridge';
import { forgetKept, readKept, writeKept } from '../../state/kept-text';
import { blankDraft, type EvidenceDraft } from './evidence-draft';

/** Whether the draft holds anything a person typed (not just the defaults). */
export function draftHasText(draft: EvidenceDraft): boolean {
  return [draft.title, draft.description, draft.linksText].some((t) => t.trim() !== '');
}

/**
 * A kept draft as localStorage holds it (written by an older version, or edited by hand): each field that is
 * not what the form can show falls back to its default, one at a time, so a bad kind does not lose the typed title.
 * A kind or source the app does not know was passed to the form as it was, which showed no option selected.
 */
const KeptDraft = z.object({
  title: z.string().catch(''),
  description: z.string().catch(''),
  date: z.string().catch(''),
  kind: EvidenceKindSchema.optional().catch(undefined),
  source: EvidenceSourceSchema.optional().catch(undefined),
  linksText: z.string().catch(''),
  criterionIds: z.array(z.unknown()).catch([]).transform((ids) => ids.filter((id): id is string => typeof id === 'string')),
});

/** The kept draft of `candidateId` (exported for tests), or null when none is kept or it is not a draft at all. */
export function readEvidenceDraft(candidateId: string): EvidenceDraft | null {
  const kept = KeptDraft.safeParse(readKept('evidence', candidateId));
  if (!kept.success) return null;
  const { kind, source, ...fields } = kept.data;
  const base = blankDraft(fields.date);
  return { ...fields, date: base.date, kind: kind ?? base.kind, source: source ?? base.source };
}

function write(candidateId: string, draft: EvidenceDraft): void {
  if (draftHasText(draft)) writeKept('evidence', candidateId, draft);
  else forgetKept('evidence', candidateId);
}

/** The draft (restored when one was kept), its setter, and whether it was restored. */
export function useEvidenceDraft(candidateId: string, today: string): { draft: EvidenceDraft; setDraft: (next: EvidenceDraft | ((d: EvidenceDraft) => EvidenceDraft)) => void; restored: boolean } {
  const [initial] = useState(() => readEvidenceDraft(candidateId));
  const [draft, setDraft] = useState<EvidenceDraft>(() => initial ?? blankDraft(today));
  useEffect(() => write(candidateId, draft), [candidateId, draft]);

  const unsaved = draftHasText(draft);
  useEffect(() => {
    // In the desktop app a beforeunload handler would silently block closing; the kept draft is enough there.
    if (!unsaved || getPlatform().kind === 'electron') return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  return { draft, setDraft, restored: initial !== null };
}
