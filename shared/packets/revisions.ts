/**
 * Packet revisions. A submitted packet is read-only: the committee must be
 * able to trust that what it reviewed is what was submitted. Reopening does
 * not edit it; it marks it superseded and starts a new draft revision that
 * names it as parent. That parent chain is what lets a bundle import tell a
 * later revision of a packet (take it) from a conflicting edit made on
 * another machine (show it).
 *
 * All functions return new objects and never mutate their input.
 */
import type { Packet, PacketSnapshot } from '../domain/packet';

/** Submitted and superseded packets are not edited in place. */
export function isReadOnly(packet: Pick<Packet, 'status'>): boolean {
  return packet.status !== 'draft';
}

/**
 * A submitted copy of a draft, frozen with the snapshot of what the committee
 * sees (shared/packets/snapshot.ts). Run the packet checks (`canSubmit`)
 * first; this only enforces the status.
 */
export function submitPacket(packet: Packet, at: string, snapshot: PacketSnapshot): Packet {
  if (packet.status !== 'draft') {
    throw new Error(`Only a draft packet can be submitted; revision ${packet.revision} is ${packet.status}.`);
  }
  return { ...cloneContent(packet), status: 'submitted', submittedAt: at, updatedAt: at, snapshot };
}

export interface Reopened {
  /** The packet that was submitted, now superseded (kept for the record). */
  superseded: Packet;
  /** The new draft revision, a copy of its content with `parentId` set to the old id. */
  next: Packet;
}

/**
 * Reopens a submitted packet. Acknowledged checks carry over: their ids are
 * derived from content, so any new problem still needs a fresh
 * acknowledgement.
 */
export function reopenPacket(packet: Packet, newId: string, at: string): Reopened {
  if (packet.status !== 'submitted') {
    throw new Error(
      packet.status === 'draft'
        ? 'This packet is a draft and can be edited as it is; only a submitted packet is reopened.'
        : `Revision ${packet.revision} has already been superseded; reopen the latest revision instead.`,
    );
  }
  if (newId.trim() === '' || newId === packet.id) throw new Error('A reopened packet needs a new id.');
  const superseded: Packet = { ...cloneContent(packet), status: 'superseded', updatedAt: at };
  const next: Packet = {
    ...cloneContent(packet),
    id: newId,
    revision: packet.revision + 1,
    parentId: packet.id,
    status: 'draft',
    submittedAt: null,
    snapshot: null,
    createdAt: at,
    updatedAt: at,
  };
  return { superseded, next };
}

/**
 * Reopens a submitted packet carrying on from edits a bundle import set aside
 * beside it (a superseded copy whose `conflictOf` names this packet): the new
 * draft revision builds on the submission, with the kept copy's summary,
 * "not yet doing" and assessments, so the manager's unsent work continues.
 */
export function reopenWithKeptEdits(packet: Packet, kept: Packet, newId: string, at: string): Reopened {
  if (kept.conflictOf !== packet.id) throw new Error(`Those edits were not kept beside revision ${packet.revision}.`);
  const { superseded, next } = reopenPacket(packet, newId, at);
  const edits = cloneContent(kept);
  return { superseded, next: { ...next, summary: edits.summary, notYetDoing: edits.notYetDoing, assessments: edits.assessments } };
}

/** A copy that shares no arrays or objects with the original. */
function cloneContent(packet: Packet): Packet {
  const assessments: Packet['assessments'] = {};
  for (const [criterionId, a] of Object.entries(packet.assessments)) assessments[criterionId] = { ...a };
  return { ...packet, assessments, acknowledgedChecks: [...packet.acknowledgedChecks] };
}

type Linked = Pick<Packet, 'id' | 'parentId'>;

/**
 * Whether `candidate` is a later revision of `ancestorId`, following
 * `parentId` links through `packetsById`. A packet does not descend from
 * itself. A parent missing from the map ends the walk (a direct parent is
 * still recognised by its id); a loop in corrupt data ends it too.
 */
export function descendsFrom(
  candidate: Linked,
  ancestorId: string,
  packetsById: ReadonlyMap<string, Linked> | Readonly<Record<string, Linked>>,
): boolean {
  const lookup = (id: string): Linked | undefined =>
    packetsById instanceof Map ? packetsById.get(id) : Object.prototype.hasOwnProperty.call(packetsById, id) ? (packetsById as Readonly<Record<string, Linked>>)[id] : undefined;
  if (ancestorId === candidate.id) return false;
  const seen = new Set<string>([candidate.id]);
  let current = candidate.parentId;
  while (current !== null) {
    if (current === ancestorId) return true;
    if (seen.has(current)) return false;
    seen.add(current);
    current = lookup(current)?.parentId ?? null;
  }
  return false;
}
