/**
 * The one extra read a live session makes for the packet it reviews
 * (shared/calibration/reviewed-revisions.ts): the packets of the session's
 * candidates whose stored current packet is a reopened draft, or who have no
 * current packet (a committee member's copy carries a reopened packet's
 * submitted revision without the manager's draft). Usually there are none,
 * and nothing is read; each one is a single indexed read.
 */
import type { Packet } from '../../shared/domain';
import type { PacketRef } from '../../shared/domain/session';
import { packetRef } from '../../shared/domain/packet-ref';
import type { StoredPacket } from '../../shared/packets/stored-readiness';
import { reviewedPacket, reviewsEarlierRevision } from '../../shared/rules/current-packet';
import type { LevelsetDatabase } from './database';
import type { CandidateStatsRow } from './write/candidate-stats';

/** Whether the stored current packet may not be the one a session reviews: none, or a draft after a submission. */
const needsPacketRows = (current: StoredPacket | null | undefined): boolean => current == null || reviewsEarlierRevision(current);

/**
 * Every packet of the candidates whose stored current packet may not be the one reviewed: among the session's
 * candidates (`candidateIds`), those with none or a draft that follows a submission (reviewsEarlierRevision); with
 * `wholeCycle`, also every other candidate of the cycle whose packet was reopened, whom the nomination section counts
 * as put forward (nominationReport). One indexed read per such candidate; usually none.
 */
export function readReopenedPackets(db: LevelsetDatabase, candidateIds: readonly string[], stats: readonly CandidateStatsRow[], { wholeCycle = false } = {}): Promise<Packet[]> {
  const inSession = new Set(candidateIds);
  const reopened = stats.filter((s) => (inSession.has(s.id) && needsPacketRows(s.packet)) || (wholeCycle && reviewsEarlierRevision(s.packet))).map((s) => s.id);
  if (reopened.length === 0) return Promise.resolve([]);
  return Promise.all(reopened.map((id) => db.packets.where('candidateId').equals(id).toArray())).then((lists) => lists.flat());
}

/**
 * The packet a session reviews of one candidate (reviewedPacket): from the stored figures when they name it (a
 * submitted packet, or a first draft), else from the candidate's packet rows. What a decision records it was made
 * on, and the level a vote or decision takes the candidate against (asReviewed).
 */
export async function reviewedPacketOf(db: LevelsetDatabase, candidateId: string): Promise<StoredPacket | Packet | undefined> {
  const current = (await db.candidateStats.get(candidateId))?.packet;
  return current && !needsPacketRows(current) ? current : reviewedPacket(await db.packets.where('candidateId').equals(candidateId).toArray());
}

/**
 * The packet a vote or decision is made on: the revision named by the app it was made in (a connected cycle's
 * event carries it, shared/connected/events.ts `packet`), else the one the session reviews here now
 * (reviewedPacketOf). `row` is the packet whose submitted level the vote or decision is checked against: the named
 * revision when it is stored here, else the reviewed one (a named revision not yet here is still recorded as named,
 * so every machine records what the person saw). A named packet of another candidate is not believed.
 */
export async function packetActedOn(db: LevelsetDatabase, candidateId: string, named?: PacketRef): Promise<{ ref: PacketRef | undefined; row: StoredPacket | Packet | undefined }> {
  if (named) {
    const row = await db.packets.get(named.id);
    if (row?.candidateId === candidateId) return { ref: packetRef(row), row };
    if (!row) return { ref: named, row: await reviewedPacketOf(db, candidateId) };
  }
  const reviewed = await reviewedPacketOf(db, candidateId);
  return { ref: reviewed && packetRef(reviewed), row: reviewed };
}
