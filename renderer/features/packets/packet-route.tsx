/** `#/packets/<candidateId>`: the packet builder for one candidate. */
import { PacketBuilder } from './packet-builder';

export function PacketRoute({ candidateId }: { candidateId: string }) {
  return <PacketBuilder candidateId={candidateId} />;
}
