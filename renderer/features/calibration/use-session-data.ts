/**
 * Everything a calibration view needs about one session: the session, its
 * cycle and pinned framework, the candidates it reviews, their coverage
 * rows, current packets, votes and decisions, read through
 * renderer/db/session-hooks.ts (live while the session is open, its frozen
 * record once it is finalized, and its blind form while it is blind: the
 * pseudonyms are already in the rows, built once from the session's whole
 * candidate set, so a candidate has the same pseudonym in every view and
 * after a reload).
 */
import { useMemo } from 'react';
import type { BlindNames } from '../../../shared/calibration/pseudonyms';
import type { SessionData } from '../../db/session-hooks';

// The reads live in renderer/db (one bulk read per table; frozen once finalized; blind while blind);
// inside a session page every view takes the page's one read (session-data-context.tsx).
export { useEvidenceOf, useSessionPacket, type SessionData } from '../../db/session-hooks';
export { SessionDataProvider, useSessionData } from './session-data-context';

/**
 * The names every view shows, as the session's rows carry them: real ones,
 * or (the rows being blind already) the session's pseudonyms. Views look a
 * candidate up by id; managers, teams and group values are shown as stored.
 */
export function useDisplayNames(data: SessionData | null | undefined): BlindNames {
  // Keyed by the rows the names come from, not the whole data: a vote saved (new votes, same candidates) keeps
  // the same names, so views memoised on them (the heatmap's rows) are not rebuilt after every write.
  const candidates = data?.candidates;
  const redaction = data?.redaction;
  return useMemo(() => {
    const byId = new Map((candidates ?? []).map((c) => [c.id, c]));
    return {
      salt: redaction?.names.salt ?? '',
      candidate: (id) => byId.get(id)?.name ?? redaction?.names.candidate(id) ?? 'Unknown candidate',
      manager: (name) => name,
      team: (name) => name,
      group: (_attribute, value) => value,
    };
  }, [candidates, redaction]);
}
