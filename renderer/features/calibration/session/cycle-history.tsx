/**
 * What the rest of the cycle says about the candidate on screen, for the
 * decision panel of the review and of the full-screen presenter alike:
 * another session's decision (then this session does not decide again,
 * and the chair may take the candidate out of it), or an earlier Defer
 * with the next steps it asked for. Both views read it here, so the room
 * on a projector sees what the review tab sees (the full screen once
 * offered a decision form the write path then refused).
 */
import type { ReactNode } from 'react';
import type { Candidate, Decision } from '../../../../shared/domain';
import { useDecidedElsewhere } from '../../../db/decision-reads';
import type { SessionData } from '../use-session-data';
import { DeferredEarlier } from './deferred-earlier';
import { TakeOutOfSession } from './take-out';

export type ElsewhereDecision = { sessionName: string; outcome: Decision['outcome'] } | 'withheld' | null;

export interface CycleHistoryProps {
  /** Another session's decision of the candidate; 'withheld' while names are hidden (DecidedElsewhereText says why). */
  elsewhere: ElsewhereDecision;
  deferredEarlier: ReactNode;
  takeOut: ReactNode;
}

/** Read for the candidate on screen; the props then follow this session's own decision of them (`decision`). */
export function useCycleHistory(data: SessionData, candidate: Candidate | undefined, { name, moveOn }: { name: string; moveOn: () => void }): (decision: Decision | undefined) => CycleHistoryProps {
  const { session, redaction } = data;
  const inCycle = useDecidedElsewhere(session, candidate?.id ?? null);
  const decided = inCycle?.decided ?? null;
  const readOnly = session.status === 'finalized';
  return (decision) => ({
    elsewhere: decided ? (redaction ? 'withheld' : { sessionName: decided.session.name, outcome: decided.outcome }) : null,
    deferredEarlier: inCycle?.deferred && !decided ? <DeferredEarlier deferred={inCycle.deferred} redaction={redaction} /> : null,
    takeOut:
      // Not in a connected session: the chair's change of its list travels as the chair's own event, not from here.
      candidate && decided && !decision && !readOnly && !data.connected ? <TakeOutOfSession session={session} candidateId={candidate.id} name={name} moveOn={moveOn} /> : null,
  });
}
