/**
 * The current packet of a candidate: the one their work goes into now and
 * the one the committee judges. The single home of this rule; every view,
 * the coverage aggregate, the decision book and the CSV call it.
 *
 * The highest revision that is not superseded; among equal revisions a
 * submitted one comes before a draft (a submission is what the committee
 * sees), then the lower id, so every caller picks the same row.
 */
import type { Packet } from '../domain/packet';

const STATUS_RANK: Record<Packet['status'], number> = { submitted: 0, draft: 1, superseded: 2 };

/** Orders revisions newest first, with the same tie-breaks as currentPacket. */
export function byRevisionNewestFirst(a: Pick<Packet, 'revision' | 'status' | 'id'>, b: Pick<Packet, 'revision' | 'status' | 'id'>): number {
  return b.revision - a.revision || STATUS_RANK[a.status] - STATUS_RANK[b.status] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function currentPacket<P extends Pick<Packet, 'revision' | 'status' | 'id'>>(packets: readonly P[]): P | undefined {
  let best: P | undefined;
  for (const p of packets) {
    if (p.status === 'superseded') continue;
    if (!best || byRevisionNewestFirst(p, best) < 0) best = p;
  }
  return best;
}
