/**
 * The whole cycle for the fairness view: every candidate reviewed in any of
 * the cycle's sessions (real rows, as stored) and every decision of those
 * sessions (frozen ones for finalized sessions); the fairness model takes
 * each candidate's latest decision. Undefined while loading or when not asked.
 */
import { useMemo } from 'react';
import { useCycleDecisions, useSessionCandidates } from '../../../db/session-hooks';

export function useCycleFairnessInput(cycleId: string | undefined) {
  const sessions = useCycleDecisions(cycleId);
  const stored = useSessionCandidates(cycleId);
  return useMemo(() => {
    if (!sessions || !stored) return undefined;
    const reviewed = new Set(sessions.flatMap((s) => s.session.candidateIds));
    return { candidates: stored.candidates.filter((c) => reviewed.has(c.id)), decisions: sessions.flatMap((s) => s.decisions) };
  }, [sessions, stored]);
}
