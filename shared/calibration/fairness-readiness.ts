/**
 * The readiness rate by group, beside the promotion statistics: candidates
 * whose readiness share (coverage rows rated "consistently" and sustained ÷
 * all criteria of the target level) is at least the threshold (default 0.75)
 * ÷ all candidates of the group; a candidate without a packet counts as not
 * ready. Descriptive only: a rate, its Wilson 95% interval and the ratio to
 * the highest shown rate, with no test and no status (readiness is the
 * managers' evidence, not the committee's decision). Same suppression as the
 * promotion figures, over members.
 */
import { wilsonInterval, type Interval } from '../stats/wilson';
import { formatImpactRatio, formatPercent, formatRateInterval } from './fairness-format';
import type { FairnessParams } from './fairness';
import { WITHHELD_SENTENCE, hiddenText, mergedName, planParams, planRows, type GroupCounts, type SuppressionReason } from './fairness-groups';
import { suppressionPlan } from './suppression-plan';

const READINESS_WORDS = { selected: 'ready', notSelected: 'not ready', n: 'candidates' };

export interface FairnessPoint {
  group: string;
  /** Null when suppressed. */
  rate: number | null;
  interval: Interval | null;
  /** The rate's denominator; null when suppressed. */
  n: number | null;
  /** What to print for n: the number, "fewer than 5", or "hidden to protect a smaller group". */
  nLabel: string;
  suppressed: boolean;
  suppressedReason: SuppressionReason | null;
  /** Ratio to the highest shown rate; null when suppressed or no shown rate is above 0. */
  ratio: number | null;
  /** The ratio as written (same function as the rule sentence). */
  ratioText: string;
  /** The rate and its interval as written: "60% (23.1%–88.2%)". */
  rateText: string;
  reference: boolean;
  rule: string;
}

export interface FairnessMetric {
  metric: 'readiness';
  rule: string;
  reference: string | null;
  series: FairnessPoint[];
  /** Why no group is listed (the attribute withheld, as the promotion table says it); null when groups are listed. */
  withheld: string | null;
}

/**
 * `protect`: the groups the promotion table hides; hidden here too (as
 * protecting another group, unless they have their own reason), since this
 * table prints each shown group's size, which the promotion check takes as
 * unknown for hidden groups. The promotion table's shown groups count as
 * sizes the room knows.
 */
export function readinessMetric(groups: readonly GroupCounts[], p: FairnessParams, protect: ReadonlySet<string> = new Set()): FairnessMetric {
  const plan = suppressionPlan(
    planRows(groups.map((g) => ({ group: g.group, members: g.members, n: g.members, selected: g.ready, aside: [] }))),
    planParams(p),
    new Map([...protect].map((name) => [name, 'complementary' as const])),
    new Set(groups.filter((g) => !protect.has(g.group)).map((g) => g.group)),
  );
  const hidden = plan.hidden;
  const merged = plan.merged ? [mergedRow(groups, plan.merged)] : [];
  let ref: GroupCounts | null = null;
  for (const g of groups) {
    if (hidden.has(g.group) || g.members === 0) continue;
    if (!ref || g.ready * ref.members > ref.ready * g.members) ref = g;
  }
  if (ref && ref.ready === 0) ref = null;
  const listed = plan.withheld ? [] : plan.merged ? [...groups.filter((g) => !hidden.has(g.group)), ...merged] : groups;
  const series = listed.map((g): FairnessPoint => {
    const reason = hidden.get(g.group) ?? null;
    if (reason !== null) {
      const { label: nLabel, rule } = hiddenText(g, reason, groups, hidden, { ...p, words: READINESS_WORDS });
      return { group: g.group, rate: null, interval: null, n: null, nLabel, suppressed: true, suppressedReason: reason, ratio: null, ratioText: '—', rateText: '—', reference: false, rule };
    }
    const rate = g.ready / g.members;
    const interval = wilsonInterval(g.ready, g.members);
    const base = `${g.group}: ${g.ready} of ${g.members} ready = ${formatPercent(rate)}${interval ? `, 95% interval ${formatRateInterval(interval.low, interval.high)}` : ''}`;
    const rateText = `${formatPercent(rate)}${interval ? ` (${formatRateInterval(interval.low, interval.high)})` : ''}`;
    const point = { group: g.group, rate, rateText, interval, n: g.members, nLabel: String(g.members), suppressed: false, suppressedReason: null, reference: g === ref };
    if (!ref) return { ...point, ratio: null, ratioText: '—', rule: `${base}; no ratio, since no group shown has a rate above 0.` };
    const ratio = (g.ready * ref.members) / (g.members * ref.ready);
    const ratioText = formatImpactRatio(g.ready * ref.members, g.members * ref.ready);
    return {
      ...point,
      ratio,
      ratioText,
      rule: g === ref ? `${base}; the highest rate shown (ratio ${ratioText}).` : `${base}; ratio ${formatPercent(rate)} ÷ ${formatPercent(ref.ready / ref.members)} (${ref.group}) = ${ratioText}.`,
    };
  });
  return {
    metric: 'readiness',
    rule: (plan.withheld ? `${WITHHELD_SENTENCE} ` : '') + `Readiness rate = candidates with a readiness share of at least ${formatPercent(p.readinessThreshold)} ÷ all candidates in the group (no packet counts as not ready), with Wilson’s 95% interval; ratio = the rate ÷ the highest shown. Descriptive: no test and no status.`,
    reference: ref?.group ?? null,
    series,
    withheld: plan.withheld ? WITHHELD_SENTENCE : null,
  };
}

function mergedRow(groups: readonly GroupCounts[], names: readonly string[]): GroupCounts {
  const inside = groups.filter((g) => names.includes(g.group));
  const members = inside.reduce((s, g) => s + g.members, 0);
  const ready = inside.reduce((s, g) => s + g.ready, 0);
  return { group: mergedName(names.length), members, promoted: 0, notPromoted: 0, deferred: 0, undecided: 0, n: members, ready };
}
