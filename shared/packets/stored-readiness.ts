/**
 * Readiness as the write path stores it beside each candidate (the
 * candidateStats table), so the Packets list draws every readiness figure
 * without reading a coverage row. Counted with the shared readiness rule
 * over one candidate's coverage rows (one row per criterion of their current
 * packet's target level). Its own small file: the database module imports it
 * for an upgrade, and it must not bring the list's code into the startup chunk.
 */
import type { Packet } from '../domain/packet';
import { readinessByCandidate, readinessFromRows, readinessRule, type ReadinessFigure, type ReadinessRow } from '../rules/readiness';

/** One candidate's readiness of the packet their coverage rows are about. */
export interface StoredReadiness extends ReadinessFigure {
  packetId: string;
}

/** Each candidate's readiness from their stored coverage rows, with the packet the rows belong to; candidates without rows are absent. */
export function storedReadinessByCandidate(rows: readonly (Pick<ReadinessRow, 'candidateId' | 'rating' | 'sustained'> & { packetId: string })[]): Map<string, StoredReadiness> {
  const packetOf = new Map<string, string>();
  for (const row of rows) if (!packetOf.has(row.candidateId)) packetOf.set(row.candidateId, row.packetId);
  const out = new Map<string, StoredReadiness>();
  for (const [candidateId, figure] of readinessByCandidate(rows)) out.set(candidateId, { packetId: packetOf.get(candidateId)!, ...figure });
  return out;
}

/**
 * What the lists show of a candidate's current packet (the shared
 * current-packet rule), stored beside the candidate by the write path so the
 * Packets list reads no packet row (a packet row carries its assessments and
 * submitted snapshot: most of the bytes the list read) and the decision book
 * can tell whether the stored readiness is about the candidate's target level.
 */
export interface StoredPacket {
  id: string;
  targetLevelId: string | null;
  status: Packet['status'];
  revision: number;
  /** When it was submitted (null for a draft): the decision book's packet line names the day the committee's case was submitted. */
  submittedAt: string | null;
}

export function storedPacket(packet: Pick<Packet, 'id' | 'targetLevelId' | 'status' | 'revision' | 'submittedAt'> | undefined | null): StoredPacket | null {
  return packet ? { id: packet.id, targetLevelId: packet.targetLevelId, status: packet.status, revision: packet.revision, submittedAt: packet.submittedAt } : null;
}

/** What the write path stores beside one candidate about their current packet (a candidateStats row's figures). */
export interface StoredFigures {
  readiness: StoredReadiness | null;
  packet: StoredPacket | null;
}

/**
 * A candidate's readiness against their target level from the stored
 * figures: the figure readinessFromRows gives over their stored coverage
 * rows, without reading them. The rows are about the current packet's target
 * level, so they count only when that is the candidate's target level (a
 * submitted packet keeps its level when the candidate's changes); otherwise,
 * as with no rows at all, none of the level's criteria is ready.
 */
export function readinessFromStored(
  framework: { criteria: readonly { id: string; levelId: string }[] },
  candidate: { id: string; targetLevelId: string | null },
  stored: StoredFigures | undefined,
): ReadinessFigure & { rule: string } {
  const figure = stored?.readiness;
  if (figure && stored.packet && figure.packetId === stored.packet.id && stored.packet.targetLevelId === candidate.targetLevelId && candidate.targetLevelId !== null) {
    return { ready: figure.ready, total: figure.total, share: figure.share, rule: readinessRule(figure.ready, figure.total) };
  }
  const { ready, total, share, rule } = readinessFromRows(framework, candidate, []);
  return { ready, total, share, rule };
}
