/**
 * Editing an evidence item: the changes are kept (the UI store and its
 * localStorage copy, state/kept-text.ts) while they differ from the item, so
 * Esc, another page or a reload loses nothing: Esc closes the form and the
 * item offers "Continue editing"; after a reload the form reopens with them.
 * Cancel drops them (the form asks first when there are any); saving drops
 * them. Each kept edit remembers the item as it was (`base`, its
 * `updatedAt`), so a form reopened over an item changed since says so.
 */
import { useState } from 'react';
import { z } from 'zod';
import { EvidenceKindSchema, EvidenceSourceSchema, type Evidence } from '../../../shared/domain';
import { restoredBy } from '../../state/kept-draft';
import { useUiStore } from '../../state/ui-store';
import { draftOf, type EvidenceDraft } from './evidence-draft';

const KeptEditSchema = z.object({
  base: z.string(),
  draft: z.object({
    title: z.string(),
    description: z.string(),
    date: z.string(),
    kind: EvidenceKindSchema,
    source: EvidenceSourceSchema,
    linksText: z.string(),
    criterionIds: z.array(z.string()),
  }) satisfies z.ZodType<EvidenceDraft>,
});
type KeptEdit = z.infer<typeof KeptEditSchema>;

/** The kept edit's key: the candidate first, so the sweep forgets it with the candidate (kept-text.ts). */
export function evidenceEditKey(candidateId: string, evidenceId: string): string {
  return `evidence-edit:${candidateId}:${evidenceId}`;
}

const restore = restoredBy<KeptEdit>(KeptEditSchema);

const same = (a: EvidenceDraft, b: EvidenceDraft) => JSON.stringify(a) === JSON.stringify(b);

export function useEvidenceEdit(candidateId: string, items: readonly Evidence[]) {
  const drafts = useUiStore((s) => s.drafts);
  const keep = useUiStore((s) => s.setDraft);
  const drop = useUiStore((s) => s.clearDraft);
  const keptOf = (item: Evidence) => restore(drafts[evidenceEditKey(candidateId, item.id)]);
  // After a reload, the form reopens on an item whose edit was kept.
  const [openId, setOpenId] = useState<string | null>(() => items.find((item) => keptOf(item) !== null)?.id ?? null);

  return {
    openId,
    open: (item: Evidence) => setOpenId(item.id),
    /** The form's text: the kept edit, or the item as it is. */
    draftFor: (item: Evidence): EvidenceDraft => keptOf(item)?.draft ?? draftOf(item),
    /** Whether changes to this item are kept and not saved. */
    hasChanges: (item: Evidence) => keptOf(item) !== null,
    /** Whether the item changed (saved elsewhere, restored) since its kept edit began. */
    changedSince: (item: Evidence) => {
      const kept = keptOf(item);
      return kept !== null && kept.base !== item.updatedAt;
    },
    change(item: Evidence, draft: EvidenceDraft) {
      const key = evidenceEditKey(candidateId, item.id);
      if (same(draft, draftOf(item))) drop(key);
      else keep(key, { base: keptOf(item)?.base ?? item.updatedAt, draft } satisfies KeptEdit);
    },
    /** Esc: the form closes, the changes stay kept. */
    close: () => setOpenId(null),
    /** Cancel (after the form asked), a save, or a delete: the changes go. */
    finish(item: Pick<Evidence, 'id'>) {
      drop(evidenceEditKey(candidateId, item.id));
      setOpenId((id) => (id === item.id ? null : id));
    },
  };
}

export type EvidenceEdit = ReturnType<typeof useEvidenceEdit>;
