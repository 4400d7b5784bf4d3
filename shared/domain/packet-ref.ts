/**
 * The reference a vote or a decision records of the packet it was made on, as a plain function apart from the
 * schemas (session.ts), so the startup code that reads which revision a session reviews (renderer/db/reviewed-reads.ts)
 * does not carry zod.
 */
import type { PacketRef } from './session';

/** The reference a vote or a decision records of the packet it was made on, with the level it was submitted for. */
export function packetRef(packet: Pick<PacketRef, 'id' | 'revision'> & { targetLevelId?: string | null }): PacketRef {
  return { id: packet.id, revision: packet.revision, ...(packet.targetLevelId === undefined ? {} : { levelId: packet.targetLevelId }) };
}
