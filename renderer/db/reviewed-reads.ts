/**
 * The one extra read a live session makes for the packet it reviews
 * (shared/calibration/reviewed-revisions.ts): the packets of the session's
 * candidates whose stored current packet is a reopened draft, or who have no
 * current packet (a committee member's copy carries a reopened packet's
 * submitted revision without the manager's draft). Usually there are none,
 * and nothing is read; each one is a single indexed read.
 */
import type { Packet } from '../../shared/domain';
import { reviewsEarlierRevision } from '../../shared/rules/current-packet';
import type { LevelsetDatabase } from './database';
import type { CandidateStatsRow } from './write/candidate-stats';

/** Every packet of the candidates (of `candidateIds`) whose stored current packet follows a submission (reviewsEarlierRevision) or who have none. */
export function readReopenedPackets(db: LevelsetDatabase, candidateIds: readonly string[], stats: readonly CandidateStatsRow[]): Promise<Packet[]> {
  const inSession = new Set(candidateIds);
  const reopened = stats.filter((s) => inSession.has(s.id) && (s.packet === null || reviewsEarlierRevision(s.packet))).map((s) => s.id);
  if (reopened.length === 0) return Promise.resolve([]);
  return Promise.all(reopened.map((id) => db.packets.where('candidateId').equals(id).toArray())).then((lists) => lists.flat());
}
