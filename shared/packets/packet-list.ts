/**
 * The rows of the packets list: each candidate's current packet (the shared
 * current-packet rule) with its readiness from the stored coverage (the
 * shared readiness rule, against the packet's target level), sorted by
 * candidate name. Kept out of the component so a test can check that the
 * list shows what the builder, heatmap, presenter and decision book show.
 */
import { compareNames } from '../calibration/common';
import type { Candidate } from '../domain/candidate';
import type { Framework } from '../domain/framework';
import type { Packet } from '../domain/packet';
import { currentPacketByCandidate } from '../rules/current-packet';
import { readinessFromRows, type Readiness, type ReadinessRow } from '../rules/readiness';

export interface PacketListRow<P extends Packet = Packet, C extends Candidate = Candidate> {
  packet: P;
  /** Undefined when the packet's candidate is not stored (an orphan from an import). */
  candidate: C | undefined;
  readiness: Readiness;
}

export function packetListRows<P extends Packet, C extends Candidate>(input: {
  framework: Pick<Framework, 'criteria'> | null;
  packets: readonly P[];
  candidates: readonly C[];
  coverage: readonly ReadinessRow[];
}): PacketListRow<P, C>[] {
  const byId = new Map(input.candidates.map((c) => [c.id, c]));
  const framework = input.framework ?? { criteria: [] };
  const rows = [...currentPacketByCandidate(input.packets).values()].map((packet) => ({
    packet,
    candidate: byId.get(packet.candidateId),
    readiness: readinessFromRows(framework, { id: packet.candidateId, targetLevelId: packet.targetLevelId }, input.coverage),
  }));
  const name = (r: PacketListRow<P, C>) => r.candidate?.name ?? '';
  return rows.sort((a, b) => compareNames(name(a), name(b)) || (a.packet.candidateId < b.packet.candidateId ? -1 : a.packet.candidateId > b.packet.candidateId ? 1 : 0));
}
