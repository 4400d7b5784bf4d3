/**
 * Presenter mode, the session's review tab: one candidate at a time in large
 * type for a shared screen. The candidate's name (the pseudonym while the
 * session is blind, the window title included), current → target level, the
 * packet summary, the target level's criteria with the manager's rating,
 * whether the evidence is sustained and how much there is, the evidence
 * titles with their quarters, a timer against the timebox, the votes and the
 * decision. Keyboard first: J / → next, K / ← previous, P pre-vote, F final
 * vote, D decision, Esc leaves a field.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BlindNames } from '../../../../shared/calibration/pseudonyms';
import { tallyVotes } from '../../../../shared/calibration/votes';
import { presenterCandidate } from '../../../../shared/calibration/presenter-model';
import { useSessionAudit } from '../../../db/session-hooks';
import { useEvidenceOf, type SessionData } from '../use-session-data';
import { AuditTable, candidateOfEntry } from './audit-view';
import { DECISION_PANEL_ID, DecisionPanel } from './decision-panel';
import { levelName, plural } from './labels';
import { PresenterCase } from './presenter-case';
import { CandidateTimer } from './timer';
import { VotesPanel, voteGroupId } from './votes-panel';
import { useWindowTitle } from './window-title';

/** The position per session survives switching tabs (not a reload). */
const positions = new Map<string, string>();

/** Fields where letters and arrows are typing, not shortcuts. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target.tagName === 'INPUT' && !['radio', 'checkbox', 'button', 'submit'].includes((target as HTMLInputElement).type);
}

function focusFirstIn(element: HTMLElement | null | undefined): void {
  const checked = element?.querySelector<HTMLElement>('input:checked');
  (checked ?? element?.querySelector<HTMLElement>('input, select, textarea, button'))?.focus();
}

export function Presenter({ data, names }: { data: SessionData; names: BlindNames }) {
  const { session, framework, candidates } = data;
  const readOnly = session.status === 'finalized';
  const [candidateId, setCandidateId] = useState<string | undefined>(() => positions.get(session.id));
  const heading = useRef<HTMLHeadingElement>(null);
  const foundIndex = candidates.findIndex((c) => c.id === candidateId);
  const index = foundIndex >= 0 ? foundIndex : 0;
  const candidate = candidates[index];
  const displayName = candidate ? names.candidate(candidate.id) : 'No candidates';
  useWindowTitle(`${displayName} · ${session.name} · Levelset`);
  const evidence = useEvidenceOf(data, candidate ? [candidate.id] : []);
  const audit = useSessionAudit(data);

  const go = useCallback(
    (delta: number, focusHeading: boolean) => {
      const next = candidates[Math.min(candidates.length - 1, Math.max(0, index + delta))];
      if (!next) return;
      positions.set(session.id, next.id);
      setCandidateId(next.id);
      if (focusHeading) setTimeout(() => heading.current?.focus(), 0);
    },
    [candidates, index, session.id],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      if (target instanceof HTMLElement && target.closest('[role="dialog"], [role="alertdialog"], dialog')) return;
      if (event.key === 'Escape' && isTextEntry(target)) {
        (target as HTMLElement).blur();
        heading.current?.focus();
        return;
      }
      if (isTextEntry(target)) return;
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
        const voted = new Set(data.votes.filter((v) => v.candidateId === candidate.id && v.phase === phase).map((v) => v.memberId));
        const member = session.members.find((m) => !voted.has(m.id)) ?? session.members[0];
        if (member) focusFirstIn(document.getElementById(voteGroupId(candidate.id, member.id, phase)));
      } else if (key === 'd' && !readOnly) {
        event.preventDefault();
        focusFirstIn(document.getElementById(DECISION_PANEL_ID));
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, candidate, data.votes, readOnly, session.members]);

  if (!candidate) {
    return (
      <section className="presenter" aria-label="Review">
        <p>This session has no candidates to review.</p>
      </section>
    );
  }

  const blind = session.blind;
  const { packet, criteria, readiness, decision } = presenterCandidate({ framework, candidate, coverage: data.coverage, packets: data.packets, decisions: data.decisions });
  const votes = data.votes.filter((v) => v.candidateId === candidate.id);
  const tally = tallyVotes(votes, { candidateIds: [candidate.id] })[0];
  const decidedCount = candidates.filter((c) => data.decisions.some((d) => d.candidateId === c.id)).length;
  const candidateAudit = (audit ?? []).filter((e) => candidateOfEntry(session, e.entityId) === candidate.id);

  return (
    <section className={`presenter${readOnly ? ' presenter-readonly' : ''}`} aria-labelledby="presenter-name">
      <div className="presenter-bar">
        <nav className="presenter-nav" aria-label="Candidates">
          <button type="button" className="button button-secondary" onClick={() => go(-1, false)} disabled={index === 0}>
            <span aria-hidden="true">← </span>Previous
          </button>
          <p className="presenter-position" aria-live="polite">
            Candidate <strong>{index + 1}</strong> of {candidates.length}
            <span className="muted"> · {decidedCount} decided</span>
          </p>
          <button type="button" className="button button-secondary" onClick={() => go(1, false)} disabled={index === candidates.length - 1}>
            Next<span aria-hidden="true"> →</span>
          </button>
        </nav>
        {readOnly ? null : <CandidateTimer key={candidate.id} timeboxMinutes={session.timeboxMinutes} />}
      </div>
      <p className="presenter-keys">
        <span className="visually-hidden">Keyboard shortcuts: </span>
        <kbd>J</kbd> or <kbd>→</kbd> next · <kbd>K</kbd> or <kbd>←</kbd> previous
        {readOnly ? null : (
          <>
            {' '}· <kbd>P</kbd> pre-vote · <kbd>F</kbd> final vote · <kbd>D</kbd> decision · <kbd>Esc</kbd> leaves a field
          </>
        )}{' '}
        · <kbd>?</kbd> all shortcuts
      </p>

      <header className="presenter-head">
        <h2 id="presenter-name" ref={heading} tabIndex={-1} className="presenter-name">
          {displayName}
          {blind ? (
            <>
              {' '}
              <span className="tag presenter-tag">Pseudonym</span>
            </>
          ) : null}
        </h2>
        <p className="presenter-levels">
          {levelName(framework, candidate.currentLevelId)} <span aria-label="to">→</span> <strong>{levelName(framework, candidate.targetLevelId)}</strong>
        </p>
        {blind ? null : (
          <p className="presenter-who muted">
            Manager {candidate.manager}
            {candidate.team ? ` · ${candidate.team} team` : ''} · {plural(candidate.timeInLevelMonths, 'month')} in level
          </p>
        )}
      </header>

      <div className="presenter-grid">
        <PresenterCase data={data} candidate={candidate} packet={packet} criteria={criteria} readiness={readiness} evidence={evidence} />

        <div className="presenter-committee">
          <VotesPanel session={session} candidate={candidate} votes={votes} framework={framework} readOnly={readOnly} />
          <DecisionPanel
            key={candidate.id}
            sessionId={session.id}
            candidate={candidate}
            framework={framework}
            coverage={data.coverage}
            decision={decision}
            suggested={tally?.post.majority ?? null}
            readOnly={readOnly}
            blind={session.blind}
          />
        </div>
      </div>

      <details className="presenter-audit">
        <summary>
          Audit trail for {displayName} ({audit === undefined ? 'loading' : plural(candidateAudit.length, 'entry', 'entries')})
        </summary>
        {candidateAudit.length === 0 ? (
          <p className="muted">No votes or decisions recorded yet.</p>
        ) : (
          <AuditTable entries={candidateAudit} data={data} names={names} caption={`Audit trail for ${displayName}`} showCandidate={false} />
        )}
      </details>
    </section>
  );
}
