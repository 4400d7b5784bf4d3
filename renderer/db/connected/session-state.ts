/**
 * A connected session's state, read with the session's live rows
 * (session-hooks.ts loadSessionLive), so the votes panel comes with the
 * session rather than a moment after it: who this app acts as, the sealed
 * votes' commitments (who has voted, never what), this app's own sealed
 * votes, the chair's final-vote setting and the events refused. Null for a
 * session of a cycle this app has not connected.
 */
import type { AppliedRow, CommitmentRow, ConnectionSettings, OwnVoteRow, SessionModeRow } from '../../../shared/connected/state';
import type { LevelsetDatabase } from '../database';
import { connectionSummary, type ConnectionSummary } from './connection-reads';

export interface SessionConnected {
  connection: ConnectionSummary;
  commitments: CommitmentRow[];
  own: OwnVoteRow[];
  finalVotes: 'sealed' | 'open';
  /** Candidates whose sealed final votes the chair has revealed (pre-votes: the session's revealedPreVotes). */
  revealedFinal: string[];
  /** Events from the stream this machine refused, in stream order (plain reasons). */
  refusals: { memberId: string; type: string; reason: string }[];
}

/** One candidate's round, as the votes panel shows it. */
export interface SealedRound {
  commitments: CommitmentRow[];
  own: OwnVoteRow[];
  finalVotes: 'sealed' | 'open';
  finalRevealed: boolean;
  refusals: SessionConnected['refusals'];
}

/** What a connected session's state is read from: its rows in the connected tables (session-rows.ts reads them). */
/**
 * Whether this app follows the chair in the session: connected as a committee member (not the chair, not a manager),
 * so it neither decides, finalizes, reopens nor hides names (the commands refuse: features/connected/session-writes.ts)
 * and is not offered them. A trial's member filled in a whole decision before being told.
 */
export function followsChair(connected: SessionConnected | null | undefined): boolean {
  return !!connected && connected.connection.identity.role === 'member';
}

export interface SessionConnectedRows {
  commitments: CommitmentRow[];
  own: OwnVoteRow[];
  mode: SessionModeRow | undefined;
  applied: AppliedRow[];
}

/** The session's connected state, given every connection on this machine (a tiny table, read beside the session row). */
export async function loadSessionConnected(db: LevelsetDatabase, session: { id: string; cycleId: string }, connections: ConnectionSettings[]): Promise<SessionConnected | null> {
  const settings = connections.find((c) => c.cycleId === session.cycleId);
  if (!settings) return null;
  const [commitments, own, mode, applied] = await Promise.all([
    db.commitments.where('sessionId').equals(session.id).toArray(),
    db.ownVotes.where('sessionId').equals(session.id).toArray(),
    db.sessionModes.get(session.id),
    db.applied.where('sessionId').equals(session.id).toArray(),
  ]);
  return sessionConnectedFrom(settings, { commitments, own, mode, applied });
}

/** The state from the session's connection settings and its rows. */
export function sessionConnectedFrom(settings: ConnectionSettings, { commitments, own, mode, applied }: SessionConnectedRows): SessionConnected {
  const refusals = applied
    .filter((a) => a.outcome === 'refused')
    .sort((a, b) => (a.streamSeq ?? 0) - (b.streamSeq ?? 0))
    .map((a) => ({ memberId: a.actor.memberId, type: a.type, reason: a.reason }));
  return { connection: connectionSummary(settings), commitments, own, finalVotes: mode?.finalVotes ?? 'sealed', revealedFinal: mode?.revealedFinal ?? [], refusals };
}

export function sealedRoundOf(state: SessionConnected, candidateId: string): SealedRound {
  return {
    commitments: state.commitments.filter((c) => c.candidateId === candidateId),
    own: state.own.filter((o) => o.candidateId === candidateId),
    finalVotes: state.finalVotes,
    finalRevealed: state.revealedFinal.includes(candidateId),
    refusals: state.refusals,
  };
}
