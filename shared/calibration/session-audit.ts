/**
 * What a session's audit entry is about, read from its entity id: the ids
 * of a session's records start with the session id (a vote's is
 * session:candidate:member:phase, a decision's session:candidate), so the
 * candidate and the committee member come from the id, not from another
 * read.
 */
import type { AuditEntry, Session } from '../domain';

/**
 * Whether a candidate's pre-votes may be shown: once revealed, or once the
 * session is finalized. Until then they are silent (each member votes before
 * the discussion), on the votes panel and in the audit trail alike.
 */
export function preVotesShown(session: Pick<Session, 'status'> & { revealedPreVotes?: readonly string[] }, candidateId: string): boolean {
  return session.status === 'finalized' || (session.revealedPreVotes ?? []).includes(candidateId);
}

/** What is said of a pre-vote cast but not yet shown (preVotesShown): that it was cast, not what it was. The votes panel and the decision book say it. */
export const PRE_VOTE_HIDDEN = 'Recorded, hidden until the pre-votes are revealed';

/** Whether an entry records a pre-vote whose outcome is still silent (preVotesShown): the trail says a vote was cast, not what. */
export function isSilentPreVote(session: Pick<Session, 'status'> & { revealedPreVotes?: readonly string[] }, entry: Pick<AuditEntry, 'entityType' | 'entityId'>, candidateId: string | null): boolean {
  return entry.entityType === 'vote' && candidateId !== null && entry.entityId.endsWith(':pre') && !preVotesShown(session, candidateId);
}

/**
 * The candidate an entry is about: the session's ids in a set, each entry
 * looked up at its separators (a scan of 1,000 ids per entry made the audit
 * tab of a long session quadratic).
 */
export function entryCandidates(session: Pick<Session, 'id' | 'candidateIds'>): (entityId: string) => string | null {
  const prefix = `${session.id}:`;
  const ids = new Set(session.candidateIds);
  return (entityId) => {
    if (!entityId.startsWith(prefix)) return null;
    const rest = entityId.slice(prefix.length);
    // The shortest id first, as a scan in the session's order would find for ids without a colon.
    for (let end = rest.indexOf(':'); end >= 0; end = rest.indexOf(':', end + 1)) if (ids.has(rest.slice(0, end))) return rest.slice(0, end);
    return ids.has(rest) ? rest : null;
  };
}

/** The name of the member a vote entry is about; null for any other entry, or a member no longer on the committee. */
export function memberOfEntry(session: Pick<Session, 'id' | 'members'>, entry: Pick<AuditEntry, 'entityType' | 'entityId'>, candidateId: string | null): string | null {
  if (entry.entityType !== 'vote' || !candidateId) return null;
  const rest = entry.entityId.slice(`${session.id}:${candidateId}:`.length);
  const memberId = rest.slice(0, rest.lastIndexOf(':'));
  return session.members.find((m) => m.id === memberId)?.name ?? null;
}

/** A submitted revision of a session candidate's packet that an entry wrote. */
export interface RevisionWritten {
  candidateId: string;
  revision: number;
  targetLevelId: string | null;
}

/**
 * The submitted revisions of the session's candidates' packets an entry wrote, read from the rows it recorded: a
 * submission on this computer ('submit packet') or a bundle import that brought one. The audit tab lists such
 * entries made since the session began beside the session's own, since each changes what the committee reviews
 * (before, that import was a cycle entry the tab never showed). Entries written before the trail recorded rows
 * have none.
 */
export function revisionsWritten(entry: Pick<AuditEntry, 'changes'>, session: Pick<Session, 'id' | 'candidateIds'>): RevisionWritten[] {
  const rows = entry.changes?.rows ?? [];
  // A restore, or the change that wrote the session itself (loading the sample cycle, whose sessions began before it
  // was loaded), brought the whole picture at once, not a revision the session then went on to review.
  if (entry.changes?.reset || rows.some((c) => c.table === 'sessions' && c.id === session.id)) return [];
  const ids = new Set(session.candidateIds);
  const out: RevisionWritten[] = [];
  for (const change of rows) {
    if (change.table !== 'packets' || typeof change.row !== 'object' || change.row === null) continue;
    const row = change.row as { candidateId?: unknown; status?: unknown; revision?: unknown; targetLevelId?: unknown };
    if (row.status !== 'submitted' || typeof row.candidateId !== 'string' || !ids.has(row.candidateId) || typeof row.revision !== 'number') continue;
    out.push({ candidateId: row.candidateId, revision: row.revision, targetLevelId: typeof row.targetLevelId === 'string' ? row.targetLevelId : null });
  }
  return out;
}
