/**
 * The "Log evidence" draft of one candidate, kept in localStorage until it
 * is added or emptied, so a reload (or a closed window) does not lose what
 * was typed. It is UI state, not a record: it never enters the database or
 * the audit trail. While it holds text, the browser asks before leaving.
 */
import { useEffect, useState } from 'react';
import { getPlatform } from '../../platform/bridge';
import { blankDraft, type EvidenceDraft } from './evidence-draft';

const KEY_PREFIX = 'levelset.evidence-draft.';

export function draftKey(candidateId: string): string {
  return `${KEY_PREFIX}${candidateId}`;
}

/** Whether the draft holds anything a person typed (not just the defaults). */
export function draftHasText(draft: EvidenceDraft): boolean {
  return [draft.title, draft.description, draft.linksText].some((t) => t.trim() !== '');
}

function read(candidateId: string): EvidenceDraft | null {
  try {
    const raw = localStorage.getItem(draftKey(candidateId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<EvidenceDraft>;
    const base = blankDraft(typeof parsed.date === 'string' ? parsed.date : '');
    const text = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
    return {
      title: text(parsed.title, ''),
      description: text(parsed.description, ''),
      date: base.date,
      kind: (parsed.kind as EvidenceDraft['kind'] | undefined) ?? base.kind,
      source: (parsed.source as EvidenceDraft['source'] | undefined) ?? base.source,
      linksText: text(parsed.linksText, ''),
      criterionIds: Array.isArray(parsed.criterionIds) ? parsed.criterionIds.filter((c): c is string => typeof c === 'string') : [],
    };
  } catch {
    return null;
  }
}

function write(candidateId: string, draft: EvidenceDraft): void {
  try {
    if (draftHasText(draft)) localStorage.setItem(draftKey(candidateId), JSON.stringify(draft));
    else localStorage.removeItem(draftKey(candidateId));
  } catch {
    // Storage full or blocked: the draft still lives in the form.
  }
}

/** The draft (restored when one was kept), its setter, and whether it was restored. */
export function useEvidenceDraft(candidateId: string, today: string): { draft: EvidenceDraft; setDraft: (next: EvidenceDraft | ((d: EvidenceDraft) => EvidenceDraft)) => void; restored: boolean } {
  const [initial] = useState(() => read(candidateId));
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
