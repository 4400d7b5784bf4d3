/**
 * A live session's rows for the candidates whose packet was reopened after
 * it was submitted: the session reviews the submitted revision
 * (reviewedPacket), not the draft that follows it, but the figures the write
 * path stores beside each candidate (their coverage rows, readiness and
 * packet) are about the current packet, the draft. For those few candidates
 * the session's reads take their packets and compute the same figures for
 * the reviewed revision here, from the evidence frozen in its snapshot, so
 * the review, the heatmap, the views and the decision book show the case as
 * it was submitted, and finalizing freezes that case (takeSessionRecord uses
 * the same rule).
 */
import type { Candidate, Cycle, Framework, Packet } from '../domain';
import { packetCoverageRows, type CriterionCoverageRow } from '../packets/coverage';
import { storedPacket, storedReadinessByCandidate, type StoredFigures } from '../packets/stored-readiness';
import { asReviewed, currentPacket, reviewedPacket } from '../rules/current-packet';
import { groupBy } from '../util/group-by';

/** What a session shows of one candidate whose reviewed packet is not their current one. */
export interface ReviewedRevision {
  /** The revision the session reviews (superseded by a draft, still the submitted case). */
  packet: Packet;
  /** Its coverage rows, as the write path would store them for it. */
  coverage: CriterionCoverageRow[];
  /** Its readiness and packet, as the write path stores them beside a candidate. */
  figures: StoredFigures;
}

/**
 * For each candidate among `packets` (every packet of some candidates) whose
 * reviewed packet differs from their current one: that revision with its
 * coverage and figures. Candidates whose reviewed packet is the current one
 * are absent: the stored figures are right for them.
 */
export function reviewedRevisions(input: {
  framework: Pick<Framework, 'criteria'>;
  cycle: Pick<Cycle, 'evidenceFrom' | 'evidenceTo'>;
  candidates: readonly Candidate[];
  packets: readonly Packet[];
}): Map<string, ReviewedRevision> {
  const window = { from: input.cycle.evidenceFrom, to: input.cycle.evidenceTo };
  const byCandidate = groupBy(input.packets, (p) => p.candidateId);
  const out = new Map<string, ReviewedRevision>();
  for (const candidate of input.candidates) {
    const list = byCandidate.get(candidate.id);
    if (!list) continue;
    const reviewed = reviewedPacket(list);
    if (!reviewed || reviewed.id === currentPacket(list)?.id) continue;
    // A submitted revision is judged by its snapshot's evidence; no live evidence is needed (packetEvidence).
    const coverage = packetCoverageRows(input.framework, reviewed, candidate, [], window);
    out.set(candidate.id, {
      packet: reviewed,
      coverage,
      figures: { readiness: storedReadinessByCandidate(coverage).get(candidate.id) ?? null, packet: storedPacket(reviewed) },
    });
  }
  return out;
}

/** The candidates as the session reviews them (asReviewed): those of `instead` against their reviewed revision's level. */
export function reviewedCandidates<C extends Pick<Candidate, 'id' | 'targetLevelId'>>(candidates: readonly C[], instead: ReadonlyMap<string, ReviewedRevision>): C[] {
  return candidates.map((c) => asReviewed(c, instead.get(c.id)?.packet));
}
