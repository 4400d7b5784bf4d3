/**
 * The nomination view: which share of each group did managers put forward?
 * The seeds say bias enters first at the manager's step, before any
 * committee sees a packet, so the promotion figures alone cannot show it.
 *
 * Over every candidate of the cycle (archived ones left out): a candidate is
 * put forward when their manager gave a packet to the committee: the packet a
 * session reviews of them (reviewedPacket, shared/rules/current-packet.ts) was
 * submitted, reopened since or not (the committee still reviews it, and the
 * Managers view counts it as the manager's recommendation); a draft never
 * submitted, or no packet at all, is not put forward. Per group the
 * same statistics as promotion (shared/calibration/fairness.ts,
 * selectionFairness): the share with a Wilson interval, the impact ratio
 * against the highest-share eligible group (never "Not given", at least
 * MIN_REFERENCE_SIZE candidates), Fisher + Holm, the omnibus test, the
 * statuses and the same suppression.
 */
import type { Packet } from '../domain/packet';
import { reviewedPacketByCandidate, wasSubmitted, type PacketOrderRef } from '../rules/current-packet';
import type { CandidateRef } from './common';
import { fairnessParams, selectionFairness, FAIRNESS_CAVEAT, STATUS_LABEL, type FairnessInput, type FairnessParams, type PromotionFairness, type SelectionWords } from './fairness';
import { attributesOf, byGroupName, groupsOf, NOT_GIVEN, type GroupCounts } from './fairness-groups';

export const NOMINATION_WORDS: SelectionWords = { selected: 'put forward', pool: 'in the cycle', poolCandidates: 'candidates in the cycle', aside: false };

export interface NominationInput {
  /** Every candidate of the cycle. */
  candidates: readonly CandidateRef[];
  /**
   * The cycle's packets, any status: every one, or each candidate's current packet with every revision of the
   * candidates whose packet was reopened (a draft after a submission). The one a session reviews counts.
   */
  packets: readonly (PacketOrderRef & Pick<Packet, 'candidateId'>)[];
  attributes?: readonly string[];
  /** Smallest count of put forward / not put forward shown (default: the fairness view's). */
  minCellSize?: number;
}

export interface NominationReport {
  attributes: { attribute: string; nomination: PromotionFairness }[];
  params: FairnessParams;
  /** Candidates considered and how many were put forward. */
  totals: { candidates: number; putForward: number };
  rules: { nomination: string; tests: string; caveat: string };
}

export function nominationReport(input: NominationInput): NominationReport {
  const params = fairnessParams({ minCellSize: input.minCellSize });
  const candidates = input.candidates.filter((c) => c.archived !== true);
  const reviewed = reviewedPacketByCandidate(input.packets);
  const putForward = new Set(
    candidates.filter((c) => {
      const packet = reviewed.get(c.id);
      return packet !== undefined && wasSubmitted(packet);
    }).map((c) => c.id),
  );
  const attributes =
    input.attributes !== undefined ? [...input.attributes] : attributesOf(candidates);
  return {
    params,
    totals: { candidates: candidates.length, putForward: putForward.size },
    rules: rules(params),
    attributes: attributes.map((attribute) => {
      const counts = new Map<string, GroupCounts>();
      const groupOf = groupsOf(candidates, attribute);
      for (const c of candidates) {
        const group = groupOf(c);
        let g = counts.get(group);
        if (!g) counts.set(group, (g = { group, members: 0, promoted: 0, notPromoted: 0, deferred: 0, undecided: 0, n: 0, ready: 0 }));
        g.members++;
        g.n++;
        if (putForward.has(c.id)) g.promoted++;
        else g.notPromoted++;
      }
      const groups = [...counts.values()].sort((a, b) => byGroupName(a.group, b.group));
      return { attribute, nomination: selectionFairness(groups, params, NOMINATION_WORDS) };
    }),
  };
}

function rules(p: FairnessParams): NominationReport['rules'] {
  return {
    nomination:
      'Share put forward = candidates of the cycle whose manager submitted a packet (reopened since or not: a session reviews the submission) ÷ all candidates of the cycle in the group. ' +
      'A candidate with only a draft never submitted, or no packet, counts as not put forward. The 95% interval of a share is Wilson’s.',
    tests:
      `Impact ratio = the group’s share ÷ the reference group’s: the highest share among shown groups with at least ${p.minReferenceSize} candidates, never “${NOT_GIVEN}”. ` +
      `Fisher’s exact test of each group against everyone else, Holm-adjusted across the attribute’s groups, and a chi-square test over the whole attribute. ` +
      `${STATUS_LABEL.adverse}: ratio below ${p.impactThreshold} and adjusted p below ${p.significance}; ${STATUS_LABEL['too-few']}: ratio below ${p.impactThreshold}, not significant. ` +
      `Groups with fewer than ${p.minGroupSize} candidates are not shown.`,
    caveat: FAIRNESS_CAVEAT,
  };
}

/**
 * The group sizes the nomination view prints (its shown groups' members), as
 * bounds the room knows when it reads the fairness table beside it: the
 * fairness check (FairnessInput.sizesElsewhere) must not let them pin a
 * hidden count. Exact when the fairness table counts the same people (the
 * whole cycle); otherwise each is the most the group can have there.
 */
export function sizesShownByNomination(report: NominationReport, compared: readonly CandidateRef[], cycle: readonly CandidateRef[]): NonNullable<FairnessInput['sizesElsewhere']> {
  const ids = (list: readonly CandidateRef[]) => new Set(list.filter((c) => c.archived !== true).map((c) => c.id));
  const a = ids(compared);
  const b = ids(cycle);
  const samePeople = a.size === b.size && [...a].every((id) => b.has(id));
  const sizes: Record<string, Map<string, number>> = {};
  for (const { attribute, nomination } of report.attributes) {
    sizes[attribute] = new Map(nomination.groups.flatMap((g) => (g.counts ? [[g.group, g.counts.members] as const] : [])));
  }
  return { sizes, samePeople };
}
