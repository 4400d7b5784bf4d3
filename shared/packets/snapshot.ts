/**
 * Frozen packets. A submitted revision carries a snapshot of what the
 * committee sees (the case and the evidence it cites); everything that shows
 * or judges a revision reads its evidence through `packetEvidence`, so an
 * evidence edit after submission changes the draft side only. The candidate
 * page uses `evidenceChangedSince` to say what changed since the submission.
 */
import type { Evidence } from '../domain/evidence';
import type { Framework } from '../domain/framework';
import type { Packet, PacketSnapshot } from '../domain/packet';
import { currentPacket } from '../rules/current-packet';
import { groupBy } from '../util/group-by';

/** The criteria of the packet's target level. */
function targetCriterionIds(framework: Pick<Framework, 'criteria'>, targetLevelId: string | null): Set<string> {
  return new Set(framework.criteria.filter((c) => c.levelId === targetLevelId).map((c) => c.id));
}

/** Evidence the packet cites: every item linked to a criterion of its target level. */
export function citedEvidence(framework: Pick<Framework, 'criteria'>, targetLevelId: string | null, evidence: readonly Evidence[]): Evidence[] {
  const criteria = targetCriterionIds(framework, targetLevelId);
  return evidence.filter((e) => e.criterionIds.some((id) => criteria.has(id)));
}

export function takeSnapshot(packet: Packet, framework: Pick<Framework, 'criteria'>, evidence: readonly Evidence[], at: string): PacketSnapshot {
  return {
    takenAt: at,
    targetLevelId: packet.targetLevelId,
    assessments: structuredClone(packet.assessments),
    summary: packet.summary,
    notYetDoing: packet.notYetDoing,
    evidence: structuredClone(citedEvidence(framework, packet.targetLevelId, evidence)),
  };
}

/** The evidence a revision is shown and judged with: its snapshot once submitted, the live log while a draft. */
export function packetEvidence(packet: Pick<Packet, 'snapshot'>, live: readonly Evidence[]): readonly Evidence[] {
  return packet.snapshot ? packet.snapshot.evidence : live;
}

/**
 * The evidence a bundle carries for its packets' candidates. A candidate whose current packet is submitted sends the
 * case's evidence as that revision froze it (its snapshot), not as edited since, and of the rest of the log only what
 * no case cites (linked to no criterion of the revision's target level, so it moves no figure). Edits after a
 * submission are the next revision's work in progress: a trial's bundle carried an item renamed and another deleted
 * after submitting, and the committee's candidate page read "1 of 6 sustained" beside a packet of 3 of 6, with a note
 * meant for the manager. A draft (a reopened one too) sends the log as it is.
 */
export function evidenceToSend(framework: Pick<Framework, 'criteria'>, logged: readonly Evidence[], packets: readonly Packet[]): Evidence[] {
  const frozen = new Map<string, { snapshot: PacketSnapshot; ids: Set<string>; criteria: Set<string> }>();
  for (const [candidateId, revisions] of groupBy(packets, (p) => p.candidateId)) {
    const snapshot = currentPacket(revisions)?.snapshot;
    if (snapshot) frozen.set(candidateId, { snapshot, ids: new Set(snapshot.evidence.map((e) => e.id)), criteria: targetCriterionIds(framework, snapshot.targetLevelId) });
  }
  if (frozen.size === 0) return [...logged];
  const sent: Evidence[] = [];
  for (const e of logged) {
    const kept = frozen.get(e.candidateId);
    if (!kept || (!kept.ids.has(e.id) && !e.criterionIds.some((id) => kept.criteria.has(id)))) sent.push(e);
  }
  for (const { snapshot } of frozen.values()) sent.push(...snapshot.evidence);
  return sent;
}

export interface EvidenceChange {
  id: string;
  title: string;
  change: 'added' | 'edited' | 'removed';
}

const COMPARED: ReadonlyArray<keyof Evidence> = ['title', 'description', 'date', 'links', 'criterionIds', 'kind', 'source'];

/**
 * Cited evidence that differs between a submitted snapshot and the live log:
 * items added, edited (any field the committee reads) or removed since.
 */
export function evidenceChangedSince(snapshot: PacketSnapshot, framework: Pick<Framework, 'criteria'>, live: readonly Evidence[]): EvidenceChange[] {
  const then = new Map(snapshot.evidence.map((e) => [e.id, e]));
  const now = new Map(citedEvidence(framework, snapshot.targetLevelId, live).map((e) => [e.id, e]));
  const changes: EvidenceChange[] = [];
  for (const [id, item] of now) {
    const before = then.get(id);
    if (!before) changes.push({ id, title: item.title, change: 'added' });
    else if (COMPARED.some((k) => JSON.stringify(before[k]) !== JSON.stringify(item[k]))) changes.push({ id, title: item.title, change: 'edited' });
  }
  for (const [id, item] of then) if (!now.has(id)) changes.push({ id, title: item.title, change: 'removed' });
  return changes;
}
