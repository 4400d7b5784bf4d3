/**
 * What both presenters (the review tab and the full-screen one) share: which
 * candidate is on screen, and the keys. J / → next, K / ← previous, P the
 * pre-vote and F the final vote of the first member without one, D the
 * decision, Ctrl+Enter saves the decision being written, Esc leaves a field
 * (and, outside a field, calls `onEscape`: the full screen closes).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Candidate, Session, Vote } from '../../../../shared/domain';
import { hrefFor, useRoute } from '../../../app/routes';
import { isTextEntry } from '../../../components/text-entry';
import { useWindowKeydown } from '../../../components/use-keydown';
import { useUiStore } from '../../../state/ui-store';
import { DECISION_PANEL_ID } from './use-decision-form';
import { voteGroupId } from './votes-panel';

/**
 * The candidate on screen per session, also kept in the route
 * (`#/calibration/<sessionId>/review/<candidateId>`, `…/present/<candidateId>`),
 * so a reload, a link or Back returns to the same candidate. The map carries it
 * across the tabs and the full screen, whose links do not name a candidate.
 */
const positions = new Map<string, string>();

/** Where a presenter shows a candidate: the review tab or the full screen. */
export type PresenterView = 'review' | 'present';

/**
 * Whether the route shows this session's `view` (the review tab is also the
 * session's route with no tab), and the candidate it names, if any.
 */
export function routeCandidate(params: readonly string[], sessionId: string, view: PresenterView): { here: boolean; candidateId?: string } {
  const [session, tab, candidateId] = params;
  const here = session === sessionId && (tab === view || (view === 'review' && tab === undefined));
  return here ? { here, candidateId } : { here };
}

/** The chosen option of the first choice in `element`, or its first control (a ticked cited criterion is not the choice). */
function focusFirstIn(element: HTMLElement | null | undefined): void {
  const checked = element?.querySelector<HTMLElement>('input[type="radio"]:checked');
  (checked ?? element?.querySelector<HTMLElement>('input, select, textarea, button'))?.focus();
}

export function usePresenterPosition(sessionId: string, candidates: readonly Candidate[], view: PresenterView) {
  const { here, candidateId: fromRoute } = routeCandidate(useRoute().params, sessionId, view);
  const [candidateId, setCandidateId] = useState<string | undefined>(() => fromRoute ?? positions.get(sessionId));
  const heading = useRef<HTMLHeadingElement>(null);
  /** Candidates this hook wrote into the route and whose hashchange has not arrived yet. */
  const written = useRef<string[]>([]);
  /** The candidate the route named when this hook last looked: at first the one the review opened on. */
  const followed = useRef(fromRoute);
  // A link or Back to another candidate of the same session: the page stays mounted, the candidate follows. The
  // route catching up with this hook's own writes is not followed: with J pressed quickly, the route still names an
  // earlier candidate when the next press lands, and following it lost steps. Nor is the route the review opened on:
  // the state starts from it, and this effect's first run comes after the paint, so after a Next or J pressed as the
  // review appeared; setting the candidate again there took that step back.
  useEffect(() => {
    const before = followed.current;
    followed.current = fromRoute;
    if (fromRoute === undefined) return;
    const own = written.current.indexOf(fromRoute);
    if (own >= 0) written.current.splice(0, own + 1);
    else if (fromRoute !== before) setCandidateId(fromRoute);
  }, [fromRoute]);
  const found = candidates.findIndex((c) => c.id === candidateId);
  const index = found >= 0 ? found : 0;
  const shownId = candidates[index]?.id;
  // A link naming a candidate this session does not review (removed from it, or from another session): the review
  // opens on the first candidate, and says so, rather than passing one candidate off as the one linked.
  const announce = useUiStore((s) => s.announce);
  const unknown = here && fromRoute !== undefined && candidates.length > 0 && !candidates.some((c) => c.id === fromRoute) ? fromRoute : undefined;
  useEffect(() => {
    // A notice, not an error that stays until dismissed: the review went on, and the message sat over the presenter through J and K (a trial).
    if (unknown !== undefined) announce('The candidate in that link is not reviewed in this session, so the review opens on its first candidate.');
  }, [unknown, announce]);
  useEffect(() => {
    if (shownId === undefined) return;
    positions.set(sessionId, shownId);
    // The route names the candidate on screen, replacing the entry: Back leaves the review, not one candidate.
    if (here && fromRoute !== shownId) {
      written.current.push(shownId);
      window.location.replace(hrefFor('calibration', sessionId, view, shownId));
    }
  }, [here, fromRoute, sessionId, shownId, view]);
  const go = useCallback(
    (delta: number, focusHeading: boolean) => {
      const next = candidates[Math.min(candidates.length - 1, Math.max(0, index + delta))];
      if (!next) return;
      setCandidateId(next.id);
      if (focusHeading) setTimeout(() => heading.current?.focus(), 0);
    },
    [candidates, index],
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
  const announce = useUiStore((s) => s.announce);
  // Heard from the commit that puts the review on screen (useWindowKeydown): J pressed as the review appeared did
  // nothing while the listener was added in an effect, a task after the paint.
  useWindowKeydown((event) => {
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
    // Esc leaves a field, a vote's or the outcome's options included (focus stayed on the radio), and a vote just
    // recorded (the focus is then on its "Recorded" line): in full screen that Esc left full screen (a trial).
    if (event.key === 'Escape' && (isTextEntry(target) || target instanceof HTMLInputElement || (target instanceof HTMLElement && target.closest('.vote-cell') !== null))) {
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
      // The first member without a vote whose choices are open (a pre-vote is locked once that member's final vote is
      // cast: a chair's trial pressed P and nothing happened), else the first open one; none open (revealed, decided),
      // the first one's line saying why it is locked.
      const groups = [...session.members.filter((m) => !voted.has(m.id)), ...session.members.filter((m) => voted.has(m.id))].map((m) => document.getElementById(voteGroupId(candidate.id, m.id, phase)));
      const open = groups.find((g) => g?.querySelector('input:not(:disabled), select:not(:disabled)'));
      if (open) focusFirstIn(open);
      else if (groups[0]) document.getElementById(`${groups[0].id}-state`)?.focus();
      // Everyone has voted: P or F lands on the first member's vote, to change it, which read as a vote still to cast (a trial).
      if (open && session.members.every((m) => voted.has(m.id))) announce(`Every member has cast a ${phase === 'pre' ? 'pre-vote' : 'final vote'} for this candidate; ${key.toUpperCase()} went to the first one, to change it.`);
    } else if (key === 'd' && !readOnly) {
      event.preventDefault();
      focusFirstIn(document.getElementById(DECISION_PANEL_ID));
    }
  });
}
