/**
 * What both presenters (the review tab and the full-screen one) share: which
 * candidate is on screen, and the keys. J / → next, K / ← previous, P the
 * pre-vote and F the final vote of the first member without one, D the
 * decision, Ctrl+Enter saves the decision being written, Esc leaves a field
 * (and, outside a field, calls `onEscape`: the full screen closes).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Candidate, Session, Vote } from '../../../../shared/domain';
import { DECISION_PANEL_ID } from './use-decision-form';
import { voteGroupId } from './votes-panel';

/** The position per session survives switching tabs and the full screen (not a reload). */
const positions = new Map<string, string>();

/** Fields where letters and arrows are typing, not shortcuts. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target.tagName === 'INPUT' && !['radio', 'checkbox', 'button', 'submit'].includes((target as HTMLInputElement).type);
}

/** The chosen option of the first choice in `element`, or its first control (a ticked cited criterion is not the choice). */
function focusFirstIn(element: HTMLElement | null | undefined): void {
  const checked = element?.querySelector<HTMLElement>('input[type="radio"]:checked');
  (checked ?? element?.querySelector<HTMLElement>('input, select, textarea, button'))?.focus();
}

export function usePresenterPosition(sessionId: string, candidates: readonly Candidate[]) {
  const [candidateId, setCandidateId] = useState<string | undefined>(() => positions.get(sessionId));
  const heading = useRef<HTMLHeadingElement>(null);
  const found = candidates.findIndex((c) => c.id === candidateId);
  const index = found >= 0 ? found : 0;
  const go = useCallback(
    (delta: number, focusHeading: boolean) => {
      const next = candidates[Math.min(candidates.length - 1, Math.max(0, index + delta))];
      if (!next) return;
      positions.set(sessionId, next.id);
      setCandidateId(next.id);
      if (focusHeading) setTimeout(() => heading.current?.focus(), 0);
    },
    [candidates, index, sessionId],
  );
  // The candidates one step away, whose rows the presenters read ahead (J and K then show them at once).
  const nearby = [candidates[index - 1], candidates[index + 1]].filter((c): c is Candidate => c !== undefined);
  return { index, candidate: candidates[index] as Candidate | undefined, nearby, go, heading };
}

export function usePresenterKeys({
  go,
  candidate,
  votes,
  session,
  readOnly,
  heading,
  onEscape,
}: {
  go: (delta: number, focusHeading: boolean) => void;
  candidate: Candidate | undefined;
  votes: readonly Vote[];
  session: Session;
  readOnly: boolean;
  heading: React.RefObject<HTMLHeadingElement | null>;
  onEscape?: () => void;
}) {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented) return;
      const target = event.target;
      if (target instanceof HTMLElement && target.closest('[role="dialog"], [role="alertdialog"], dialog')) return;
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && target instanceof HTMLElement) {
        const form = target.closest(`#${DECISION_PANEL_ID} form`);
        if (form instanceof HTMLFormElement) {
          event.preventDefault();
          form.requestSubmit();
        }
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'Escape' && isTextEntry(target)) {
        (target as HTMLElement).blur();
        heading.current?.focus();
        return;
      }
      if (isTextEntry(target)) return;
      if (event.key === 'Escape' && onEscape) {
        event.preventDefault();
        onEscape();
        return;
      }
      const onChoice = target instanceof HTMLInputElement;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      if (key === 'j' || (key === 'ArrowRight' && !onChoice)) {
        event.preventDefault();
        go(1, true);
      } else if (key === 'k' || (key === 'ArrowLeft' && !onChoice)) {
        event.preventDefault();
        go(-1, true);
      } else if ((key === 'p' || key === 'f') && candidate && !readOnly) {
        event.preventDefault();
        const phase = key === 'p' ? 'pre' : 'post';
        const voted = new Set(votes.filter((v) => v.candidateId === candidate.id && v.phase === phase).map((v) => v.memberId));
        const member = session.members.find((m) => !voted.has(m.id)) ?? session.members[0];
        if (member) focusFirstIn(document.getElementById(voteGroupId(candidate.id, member.id, phase)));
      } else if (key === 'd' && !readOnly) {
        event.preventDefault();
        focusFirstIn(document.getElementById(DECISION_PANEL_ID));
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, candidate, votes, readOnly, session.members, heading, onEscape]);
}
