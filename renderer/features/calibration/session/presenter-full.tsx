/**
 * The full-screen presenter (`#/calibration/<sessionId>/present`): the
 * review without the app's sidebar and page header, for a projector. The
 * main facts come first and fit 1024×768 without scrolling: the candidate's
 * name, current → target level, readiness and the criteria with ratings;
 * then the evidence and summary beside the votes and the decision. Same
 * keys and candidate position as the review tab (use-presenter.ts); Esc
 * outside a field goes back to it.
 */
import { useCallback, useEffect } from 'react';
import type { BlindNames } from '../../../../shared/calibration/pseudonyms';
import { presenterCandidate, presenterWhoLine } from '../../../../shared/calibration/presenter-model';
import { tallyVotes } from '../../../../shared/calibration/votes';
import type { Candidate } from '../../../../shared/domain';
import { reviewedPacket } from '../../../../shared/rules/current-packet';
import { hrefFor, replaceRouteOnClick } from '../../../app/routes';
import { EmptyState } from '../../../components/empty-state';
import { Loading } from '../../../components/loading';
import { useDisplayNames, useEvidenceOf, useSessionData, useSessionPacket, type SessionData } from '../use-session-data';
import { DecisionPanel } from './decision-panel';
import { levelName } from './labels';
import { PresenterCriteriaTable } from './presenter-criteria-table';
import { PresenterEvidenceList, PresenterSummary } from './presenter-full-case';
import { CandidateTimer, timerKeyOf } from './timer';
import { FullScreenBar } from './presenter-full-bar';
import { PresenterRevisionChanges } from './presenter-revision-changes';
import { useCycleHistory } from './cycle-history';
import { leavingFullScreen } from './full-screen-link';
import { usePresenterKeys, usePresenterPosition } from './use-presenter';
import { SessionVotes } from '../../connected/session-votes';
import { followsChair } from '../../../db/connected/session-state';
import { useWindowTitle } from './window-title';
import './session.css';
import './presenter-full.css';

export function FullScreenPresenterPage({ sessionId }: { sessionId: string }) {
  const data = useSessionData(sessionId);
  const names = useDisplayNames(data);
  if (data === undefined) return <Loading what="the session" />;
  if (data === null) {
    return (
      <EmptyState title="Session not found" action={<a className="button button-primary" href={hrefFor('calibration')}>All sessions</a>}>
        <p>This session does not exist on this device, or its cycle or framework is missing.</p>
      </EmptyState>
    );
  }
  return <FullScreenPresenter data={data} names={names} />;
}

function FullScreenPresenter({ data, names }: { data: SessionData; names: BlindNames }) {
  const { session, framework, candidates } = data;
  const readOnly = session.status === 'finalized';
  const { index, candidate, nearby, go, heading } = usePresenterPosition(session.id, candidates, 'present');
  const displayName = candidate ? names.candidate(candidate.id) : 'No candidates';
  useWindowTitle(`${displayName} · ${session.name} · Levelset`);
  const evidence = useEvidenceOf(data, candidate ? [candidate.id, ...nearby.map((c) => c.id)] : []);
  // The text of the packet on screen, read when shown (the session's rows carry its head: the same current packet).
  const headOf = (c: Candidate) => reviewedPacket(data.packets.filter((p) => p.candidateId === c.id));
  const whole = useSessionPacket(data, candidate ? headOf(candidate) : undefined, nearby.map(headOf));
  // Decided or deferred in another session of the cycle: said here as in the review tab (cycle-history.tsx).
  const history = useCycleHistory(data, candidate, { name: displayName, moveOn: () => go(index === candidates.length - 1 ? -1 : 1, true) });
  const reviewHref = candidate ? hrefFor('calibration', session.id, 'review', candidate.id) : hrefFor('calibration', session.id);
  // The full screen is another view of the review, not a page of its own: leaving it replaces the history entry.
  const leave = useCallback(() => {
    leavingFullScreen(session.id, candidate?.id);
    window.location.replace(reviewHref);
  }, [reviewHref, session.id, candidate?.id]);
  usePresenterKeys({ go, candidate, votes: data.votes, session, readOnly, heading, onEscape: leave });
  // Opened from the review's link, which left with its page: the focus was on the body (a keyboard trial).
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) heading.current?.focus();
  }, [heading]);

  const leaveLink = (
    <a className="button button-secondary" href={reviewHref} onClick={(e) => (leavingFullScreen(session.id, candidate?.id), replaceRouteOnClick(e, reviewHref))}>
      Leave full screen
    </a>
  );
  if (!candidate) {
    return (
      <section className="presenter presenter-full" aria-label="Review">
        <p>This session has no candidates to review.</p>
        {leaveLink}
      </section>
    );
  }

  const { packet, criteria, readiness, decision } = presenterCandidate({ framework, candidate, coverage: data.coverage, packets: data.packets, decisions: data.decisions });
  const votes = data.votes.filter((v) => v.candidateId === candidate.id);
  const tally = tallyVotes(votes, { candidateIds: [candidate.id] })[0];
  const decidedCount = candidates.filter((c) => data.decisions.some((d) => d.candidateId === c.id)).length;

  return (
    <section className={`presenter presenter-full${readOnly ? ' presenter-readonly' : ''}`} aria-labelledby="pf-name">
      <FullScreenBar position={{ index, count: candidates.length, decided: decidedCount }} go={go} sessionName={session.name} timer={readOnly ? null : <CandidateTimer key={candidate.id} timerKey={timerKeyOf(session.id, candidate.id)} timeboxMinutes={session.timeboxMinutes} />} leaveLink={leaveLink} />

      <header className="pf-head">
        <h1 id="pf-name" ref={heading} tabIndex={-1} className="presenter-name">
          {displayName}
          {session.blind ? (
            <>
              {' '}
              <span className="tag presenter-tag">Pseudonym</span>
            </>
          ) : null}
        </h1>
        <p className="pf-facts">
          <span className="presenter-levels">
            {levelName(framework, candidate.currentLevelId)} <span aria-label="to">→</span> <strong>{levelName(framework, candidate.targetLevelId)}</strong>
          </span>
          <span className="pf-readiness">
            Ready on <strong>{readiness.ready}</strong> of {readiness.total}
          </span>
          {session.blind ? null : (
            <span className="muted">
              {presenterWhoLine(candidate)}
            </span>
          )}
        </p>
      </header>

      <PresenterCriteriaTable framework={framework} targetLevelId={candidate.targetLevelId} criteria={criteria} readiness={readiness} />
      <p className="field-hint pf-rule">
        {readiness.rule}. Keys: <kbd>J</kbd>/<kbd>K</kbd> next and previous{readOnly ? '' : <>, <kbd>P</kbd>/<kbd>F</kbd> votes, <kbd>D</kbd> decision</>}, <kbd>Esc</kbd> leaves full screen, <kbd>?</kbd> all keys.
      </p>

      <div className="pf-more">
        <div className="presenter-case">
          <PresenterEvidenceList framework={framework} candidate={candidate} evidence={evidence} evidenceWindow={{ from: data.cycle.evidenceFrom, to: data.cycle.evidenceTo }} blind={session.blind} />
          <PresenterSummary packet={packet} whole={whole} blind={session.blind} frozen={data.record !== null} decidedOn={decision?.packet} sessionStart={session.createdAt} />
          {packet && packet.revision > 1 ? <PresenterRevisionChanges data={data} reviewed={whole} evidence={evidence?.get(candidate.id)} /> : null}
        </div>
        <div className="presenter-committee">
          <SessionVotes session={session} candidate={candidate} votes={votes} framework={framework} readOnly={readOnly} decided={decision !== undefined} reviewedId={packet?.id} connected={data.connected} />
          <DecisionPanel
            key={candidate.id}
            sessionId={session.id}
            candidate={candidate}
            framework={framework}
            coverage={data.coverage}
            decision={decision}
            finalVotes={tally?.post ?? null}
            readOnly={readOnly}
            followsChair={followsChair(data.connected)}
            blind={session.blind}
            {...history(decision)}
          />
        </div>
      </div>
    </section>
  );
}
