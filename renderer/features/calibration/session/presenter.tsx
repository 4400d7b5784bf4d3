/**
 * Presenter mode, the session's review tab: one candidate at a time in large
 * type for a shared screen. The candidate's name (the pseudonym while the
 * session is blind, the window title included), current → target level, the
 * packet summary, the target level's criteria with the manager's rating,
 * whether the evidence is sustained and how much there is, the evidence
 * titles with their quarters, a timer against the timebox, the votes and the
 * decision. Keyboard first: J / → next, K / ← previous, P pre-vote, F final
 * vote, D decision, Ctrl+Enter saves it, Esc leaves a field (use-presenter.ts).
 * "Full screen" opens the same review without the app around it
 * (presenter-full.tsx).
 */
import type { BlindNames } from '../../../../shared/calibration/pseudonyms';
import { tallyVotes } from '../../../../shared/calibration/votes';
import { presenterCandidate, presenterWhoLine } from '../../../../shared/calibration/presenter-model';
import { useMemo } from 'react';
import type { Candidate, Decision } from '../../../../shared/domain';
import { reviewedPacket } from '../../../../shared/rules/current-packet';
import { useCandidateAudit } from '../../../db/session-hooks';
import { useEvidenceOf, useSessionPacket, type SessionData } from '../use-session-data';
import { AuditTable } from './audit-view';
import { DecisionPanel } from './decision-panel';
import { useCycleHistory } from './cycle-history';
import { levelName, plural } from './labels';
import { PresenterCase } from './presenter-case';
import { CandidateTimer, timerKeyOf } from './timer';
import { FullScreenLink } from './full-screen-link';
import { usePresenterKeys, usePresenterPosition } from './use-presenter';
import { SessionVotes } from '../../connected/session-votes';
import { followsChair } from '../../../db/connected/session-state';
import { useWindowTitle } from './window-title';
import { groupBy } from '../../../../shared/util/group-by';

/** How many of the candidates have a decision: a set, not a scan of the decisions per candidate (a million steps at 1,000 each). */
function useDecidedCount(candidates: readonly Candidate[], decisions: readonly Decision[]): number {
  return useMemo(() => {
    const decided = new Set(decisions.map((d) => d.candidateId));
    return candidates.filter((c) => decided.has(c.id)).length;
  }, [candidates, decisions]);
}

/** Rows per candidate, grouped once per read: moving to the next candidate looks its rows up instead of scanning the session's 40,000 coverage rows. */
function useByCandidate<T extends { candidateId: string }>(rows: readonly T[]): Map<string, T[]> {
  return useMemo(() => groupBy(rows, (r) => r.candidateId), [rows]);
}

const NONE: never[] = [];

export function Presenter({ data, names }: { data: SessionData; names: BlindNames }) {
  const { session, framework, candidates } = data;
  const readOnly = session.status === 'finalized';
  const { index, candidate, nearby, go, heading } = usePresenterPosition(session.id, candidates, 'review');
  const nearbyIds = nearby.map((c) => c.id);
  const displayName = candidate ? names.candidate(candidate.id) : 'No candidates';
  useWindowTitle(`${displayName} · ${session.name} · Levelset`);
  const evidence = useEvidenceOf(data, candidate ? [candidate.id, ...nearbyIds] : []);
  // This candidate's entries only: a write about another candidate reads nothing here.
  const audit = useCandidateAudit(data, candidate?.id ?? null, nearbyIds);
  const decidedCount = useDecidedCount(candidates, data.decisions);
  // Listed here and decided or deferred in another session of the cycle (cycle-history.tsx).
  const history = useCycleHistory(data, candidate, { name: displayName, moveOn: () => go(index === candidates.length - 1 ? -1 : 1, true) });
  const coverageOf = useByCandidate(data.coverage);
  const packetsOf = useByCandidate(data.packets);
  // The text of the packet on screen, read when shown (the session's rows carry its head: the same current packet).
  const headOf = (c: Candidate) => reviewedPacket(packetsOf.get(c.id) ?? NONE);
  const wholePacket = useSessionPacket(data, candidate ? headOf(candidate) : undefined, nearby.map(headOf));

  usePresenterKeys({ go, candidate, votes: data.votes, session, readOnly, heading });

  if (!candidate) {
    return (
      <section className="presenter" aria-label="Review">
        <p>This session has no candidates to review.</p>
      </section>
    );
  }

  const blind = session.blind;
  const coverage = coverageOf.get(candidate.id) ?? NONE;
  const { packet, criteria, readiness, decision } = presenterCandidate({ framework, candidate, coverage, packets: packetsOf.get(candidate.id) ?? NONE, decisions: data.decisions });
  const votes = data.votes.filter((v) => v.candidateId === candidate.id);
  const tally = tallyVotes(votes, { candidateIds: [candidate.id] })[0];
  const candidateAudit = audit ?? [];

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
        <div className="presenter-bar-end">
          {readOnly ? null : <CandidateTimer key={candidate.id} timerKey={timerKeyOf(session.id, candidate.id)} timeboxMinutes={session.timeboxMinutes} />}
          <FullScreenLink sessionId={session.id} candidateId={candidate.id} />
        </div>
      </div>
      <p className="presenter-keys">
        <span className="visually-hidden">Keyboard shortcuts: </span>
        <kbd>J</kbd> or <kbd>→</kbd> next · <kbd>K</kbd> or <kbd>←</kbd> previous
        {readOnly ? null : (
          <>
            {' '}· <kbd>P</kbd> pre-vote · <kbd>F</kbd> final vote · <kbd>D</kbd> decision · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves it · <kbd>Esc</kbd> leaves a field
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
            {presenterWhoLine(candidate)}
          </p>
        )}
      </header>

      <div className="presenter-grid">
        <PresenterCase data={data} candidate={candidate} packet={packet} whole={wholePacket} criteria={criteria} readiness={readiness} evidence={evidence} decidedOn={decision?.packet} />

        <div className="presenter-committee">
          <SessionVotes session={session} candidate={candidate} votes={votes} framework={framework} readOnly={readOnly} decided={decision !== undefined} reviewedId={packet?.id} connected={data.connected} />
          <DecisionPanel
            key={candidate.id}
            sessionId={session.id}
            candidate={candidate}
            framework={framework}
            coverage={coverage}
            decision={decision}
            finalVotes={tally?.post ?? null}
            readOnly={readOnly}
            followsChair={followsChair(data.connected)}
            blind={session.blind}
            {...history(decision)}
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
