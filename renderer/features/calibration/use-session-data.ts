/**
 * Everything a calibration view needs about one session: the session, its
 * cycle and pinned framework, the candidates it reviews, their coverage
 * rows, current packets, votes and decisions, read through
 * renderer/db/session-hooks.ts (live while the session is open, its frozen
 * record once it is finalized). Also the names to
 * show: real names, or in blind mode stable pseudonyms built once from the
 * session's whole candidate set (so a candidate has the same pseudonym in
 * every view and after a reload).
 */
import { useMemo } from 'react';
import { blindNames, type BlindNames } from '../../../shared/calibration/pseudonyms';
import type { Candidate } from '../../../shared/domain';
import type { SessionData } from '../../db/session-hooks';

// The reads live in renderer/db (one bulk read per table; frozen once finalized).
export { useEvidenceOf, useSessionData, type SessionData } from '../../db/session-hooks';

const REAL_NAMES = (byId: Map<string, Candidate>): BlindNames => ({
  salt: '',
  candidate: (id) => byId.get(id)?.name ?? 'Unknown candidate',
  manager: (name) => name,
  team: (name) => name,
  group: (_attribute, value) => value,
});

/** The names every view shows: real ones, or the session's pseudonyms while it is blind. */
export function useDisplayNames(data: SessionData | null | undefined): BlindNames {
  return useMemo(() => {
    const candidates = data?.candidates ?? [];
    if (!data?.session.blind) return REAL_NAMES(new Map(candidates.map((c) => [c.id, c])));
    const groups: Record<string, string[]> = {};
    for (const c of candidates) for (const [k, v] of Object.entries(c.groups)) groups[k] = [...new Set([...(groups[k] ?? []), v])];
    return blindNames(data.session.id, {
      candidateIds: data.session.candidateIds,
      managers: [...new Set(candidates.map((c) => c.manager))],
      teams: [...new Set(candidates.map((c) => c.team))],
      groups,
    });
  }, [data]);
}
