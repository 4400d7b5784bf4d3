/**
 * Live reads about the cycles: the sessions of a cycle with how many of its
 * candidates each has decided. (The cycle list and the active cycle are in
 * hooks.ts; the active cycle with its framework in use-cycle-context.ts.)
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { shownSessionName } from '../../shared/calibration/blind';
import type { Session } from '../../shared/domain';
import { repos } from './hooks';

export type SessionSummary = Session & { decided: number };

/**
 * The sessions of a cycle, newest first, each with the number of candidates it decided; null without a cycle,
 * undefined while loading. A blind session's name comes with every name in it replaced, as its own page shows it
 * (the cycle's candidates are read only when a session is blind).
 */
export function useCycleSessions(cycleId: string | undefined): SessionSummary[] | null | undefined {
  return useLiveQuery(async () => {
    if (!cycleId) return null;
    const list = await repos.sessions.byCycle(cycleId);
    const [decisions, candidates] = await Promise.all([repos.sessions.decisions(list.map((s) => s.id)), list.some((s) => s.blind) ? repos.candidates.byCycle(cycleId) : []]);
    return list
      .map((s) => ({ ...s, name: shownSessionName(s, candidates), decided: new Set(decisions.filter((d) => d.sessionId === s.id).map((d) => d.candidateId)).size }))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }, [cycleId]);
}
