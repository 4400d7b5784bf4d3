/**
 * The "Log evidence" draft of one candidate, kept in localStorage until it
 * is added or emptied, so a reload (or a closed window) does not lose what
 * was typed. It is UI state, not a record: it never enters the database or
 * the audit trail. While it holds text, the browser asks before leaving.
 */
import { useEffect, useState } from 'react';
import { getPlatform } from '../../platform/bridge';
import { forgetKept, readKept, writeKept } from '../../state/kept-text';
import { blankDraft, type EvidenceDraft } from './evidence-draft';

/** Whether the draft holds anything a person typed (not just the defaults). */
export function draftHasText(draft: EvidenceDraft): boolean {
  return [draft.title, draft.description, draft.linksText].some((t) => t.trim() !== '');
}

function read(candidateId: string): EvidenceDraft | null {
  const parsed = readKept('evidence', candidateId) as Partial<EvidenceDraft> | null;
  if (parsed === null || typeof parsed !== 'object') return null;
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
}

function write(candidateId: string, draft: EvidenceDraft): void {
  if (draftHasText(draft)) writeKept('evidence', candidateId, draft);
  else forgetKept('evidence', candidateId);
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
