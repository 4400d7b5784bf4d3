/**
 * Restoring a backup on a machine that follows connected cycles. A backup
 * holds the records, not connected mode's machine state (stream positions,
 * the events seen, commitments, the outbox: shared/connected/state.ts). Left
 * alone, that state would describe the stream as this machine last applied
 * it while the restored sessions are older: the position says "applied up to
 * 40", the records hold only what came before 25, and events 26 to 40 never
 * come back.
 *
 * Replaying the stream over the restored records cannot fix that: the
 * stream's checks depend on the session as it was when each event arrived
 * (a commitment after the reveal is refused), and the restored records are
 * a later point. So a restore keeps the sessions this machine follows from a
 * stream as they are here, in step with the machine state: the committee's
 * stream, not the backup, decides them. Everything else comes from the
 * backup. The outbox and this member's sealed votes stay (the changes still
 * go out and reveal as they would have), as do the connection settings.
 * A cycle the backup does not hold loses its connected state on this machine
 * (there is nothing for it to follow into).
 */
import type { Decision, Session, Vote } from '../../../shared/domain';
import { STATE_SCHEMAS, type StateTable } from '../../../shared/connected/state';
import type { LevelsetDatabase } from '../database';
import type { WriteContext } from '../write/run-command';

/** The sessions this machine follows from a stream, as they are now, read before a restore replaces the records. */
export interface FollowedSessions {
  sessions: Session[];
  votes: Vote[];
  decisions: Decision[];
  /** Every cycle with connected state on this machine. */
  cycles: Set<string>;
}

const STATE_TABLES = Object.keys(STATE_SCHEMAS) as StateTable[];

/** Thrown when a restore would leave a followed session pointing at candidates the backup lacks; nothing is restored. */
export class FollowedSessionError extends Error {
  override name = 'FollowedSessionError';
}

/** Reads the followed sessions (any session an event was applied or refused for) and their votes and decisions. */
export async function followedSessions(db: LevelsetDatabase): Promise<FollowedSessions> {
  const ids = (await db.applied.orderBy('sessionId').uniqueKeys()).map(String);
  const sessions = (await db.sessions.bulkGet(ids)).filter((s): s is Session => s !== undefined);
  const [votes, decisions] = await Promise.all([db.votes.where('sessionId').anyOf(ids).toArray(), db.decisions.where('sessionId').anyOf(ids).toArray()]);
  const cycles = new Set<string>();
  for (const table of STATE_TABLES) for (const key of await db[table].orderBy('cycleId').uniqueKeys()) cycles.add(String(key));
  return { sessions, votes, decisions, cycles };
}

/**
 * After the backup's records are in (same transaction): puts the followed
 * sessions back as they were, through the context, so the restore's audit
 * entry carries them and the trail still replays to the records.
 */
export async function keepFollowedSessions(db: LevelsetDatabase, ctx: WriteContext, followed: FollowedSessions): Promise<{ kept: number; forgotten: string[] }> {
  const cyclesNow = new Set((await db.cycles.toCollection().primaryKeys()).map(String));
  const forgotten = [...followed.cycles].filter((id) => !cyclesNow.has(id));
  for (const cycleId of forgotten) {
    for (const table of STATE_TABLES) for (const key of await db[table].where('cycleId').equals(cycleId).primaryKeys()) await ctx.deleteState(table, String(key));
  }
  const sessions = followed.sessions.filter((s) => cyclesNow.has(s.cycleId));
  const keptIds = new Set(sessions.map((s) => s.id));
  const votes = followed.votes.filter((v) => keptIds.has(v.sessionId));
  const decisions = followed.decisions.filter((d) => keptIds.has(d.sessionId));
  const named = new Set([...sessions.flatMap((s) => s.candidateIds), ...votes.map((v) => v.candidateId), ...decisions.map((d) => d.candidateId)]);
  const present = await db.candidates.bulkGet([...named]);
  const missing = [...named].filter((_, i) => present[i] === undefined);
  if (missing.length > 0) {
    const session = sessions.find((s) => s.candidateIds.some((c) => missing.includes(c))) ?? sessions[0]!;
    throw new FollowedSessionError(`This backup was not restored: it lacks candidates that the connected session “${session.name}” reviews, and that session follows the committee’s stream. Restore a newer backup.`);
  }
  for (const session of sessions) {
    const mine = (rows: { id: string; sessionId: string }[]) => new Set(rows.filter((r) => r.sessionId === session.id).map((r) => r.id));
    const [keepVotes, keepDecisions] = [mine(votes), mine(decisions)];
    // The backup's rows of this session that the stream's version does not have go; the rest are replaced.
    for (const id of await db.votes.where('sessionId').equals(session.id).primaryKeys()) if (!keepVotes.has(String(id))) await ctx.delete('votes', String(id));
    for (const id of await db.decisions.where('sessionId').equals(session.id).primaryKeys()) if (!keepDecisions.has(String(id))) await ctx.delete('decisions', String(id));
    await ctx.put('sessions', session);
  }
  await ctx.bulkPut('votes', votes);
  await ctx.bulkPut('decisions', decisions);
  return { kept: sessions.length, forgotten };
}
