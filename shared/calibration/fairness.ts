/**
 * The fairness view: do promotion outcomes differ by group? For each optional
 * group attribute (the keys of `candidate.groups`, e.g. gender, location) and
 * each value of it, over every candidate considered (a session's, or a
 * cycle's):
 *
 * - counts: members, promoted, not promoted, deferred, undecided. Deferred and
 *   undecided candidates are shown apart and are never counted as "not
 *   promoted": the rate's denominator n is the candidates decided with an
 *   outcome other than Defer. Promoted = Promote or Promote to another level
 *   (isPromotion, the one rule every view uses), by each candidate's latest
 *   decision.
 * - the rate promoted ÷ n with a Wilson 95% interval (shared/stats/wilson.ts);
 * - the impact ratio: the rate ÷ the reference group's rate, with a 95%
 *   interval by the Katz log method (shared/stats/ratio.ts). The reference is
 *   the group with the highest rate among the groups that are shown, are not
 *   "Not given" and have n of at least 5 (MIN_REFERENCE_SIZE); ties go to the
 *   first group in name order. Computed from counts in one division, so 4 of
 *   10 against 5 of 10 is exactly 0.8;
 * - Fisher's exact test of the group against everyone else of the attribute
 *   (promoted or not, two-sided), Holm-adjusted across the attribute's shown
 *   groups with anyone decided plus the hidden ones pooled as one row, and a
 *   chi-square test of independence over the same rows (the omnibus test),
 *   approximate when expected counts are small. Hidden groups are pooled, not
 *   tested one by one, so no shown figure is a function of a hidden count;
 *   with two or more hidden groups in the pool the omnibus result is given
 *   only below 0.05 (above it, it could not see a difference between them,
 *   and would read as reassurance);
 * - one status: "adverse impact indicated" (ratio below 0.8 and adjusted
 *   p below 0.05, the group's rate lower than everyone else's), "below four-fifths, not significant at these numbers" (ratio below 0.8, not
 *   significant; with how many more promotions among the group's n would lift
 *   the ratio to 0.8), or significantly lower or higher than the rest (statusText says which); otherwise
 *   none. An indication to look closer, not a finding; not legal advice.
 *   A group alone among the shown ones with a rate has no reference: its own, it would read 1.00 whatever its rate.
 *
 * Suppression: a group with fewer than 5 members or fewer than 5 in n is
 * shown as "fewer than 5" with no figures and cannot be the reference; so is
 * a group with fewer than 3 promoted or fewer than 3 not promoted (a cell of
 * 1 or 2 lets the room tell those few people's outcome; 0 tells everyone's).
 * Then suppression-plan.ts checks, from the totals the committee sees, that
 * no hidden count (nor a hidden group's size) can be told exactly, and if one
 * can, hides the smallest shown group too ('complementary', labelled as
 * protecting a smaller group, or another group when the one it protects is
 * not smaller: fairness-groups.ts hiddenText), then shows the hidden groups
 * as one "Other groups (k)" row, or withholds the attribute (`withheld`).
 * A shown group's deferred and undecided below 3 read "fewer than 3".
 */
import { fisherExactTwoSided } from '../stats/fisher';
import { holmAdjust } from '../stats/holm';
import { chiSquareIndependence, type ChiSquareResult } from '../stats/chi-square';
import { katzRatioInterval } from '../stats/ratio';
import { wilsonInterval, type Interval } from '../stats/wilson';
import type { CriterionCoverageRow } from '../packets/coverage';
import { isPromotion, latestDecisions, readinessByCandidate, type CandidateRef, type DecisionRef } from './common';
import { readinessMetric, type FairnessMetric } from './fairness-readiness';
import { NOT_GIVEN, WITHHELD_SENTENCE, asideText, attributesOf, byGroupName, groupsOf, hiddenText, mergedName, planParams, planRows, type GroupCounts, type SuppressionReason } from './fairness-groups';
import { suppressionPlan } from './suppression-plan';

export { MIN_CELL_SIZE, NOT_GIVEN, byGroupName, groupValue, suppression, type GroupCounts, type SuppressionReason } from './fairness-groups';
import { MIN_CELL_SIZE } from './fairness-groups';
import { formatImpactRatio, formatP, formatPercent, formatRateInterval, formatRatioInterval, pSentence } from './fairness-format';

export { type FairnessMetric, type FairnessPoint } from './fairness-readiness';

export const MIN_GROUP_SIZE = 5;
export const MIN_REFERENCE_SIZE = 5;
export const IMPACT_RATIO_THRESHOLD = 0.8;
export const SIGNIFICANCE_LEVEL = 0.05;
export const READINESS_RATE_THRESHOLD = 0.75;

export type FairnessStatus = 'adverse' | 'too-few' | 'significant';
export const STATUS_LABEL: Readonly<Record<FairnessStatus, string>> = {
  adverse: 'Adverse impact indicated',
  // Not "too few to tell": the four-fifths rule alone is what many HR readers act on, so the label says it is crossed first.
  'too-few': 'Below four-fifths, not significant at these numbers',
  significant: 'Significantly different from the rest',
};

/**
 * A group's status in words, saying which way a significant difference goes: "Significant though above
 * four-fifths" was printed on the group promoted least when the groups above it were hidden and it became its
 * own reference (a trial: 4 of 18 against 12 of 17 for everyone else).
 */
export function statusText(status: FairnessStatus, direction: 'lower' | 'higher' | null, hasRatio: boolean, below: boolean): string {
  if (status !== 'significant' || direction === null) return STATUS_LABEL[status];
  if (direction === 'lower') return hasRatio ? 'Significantly lower than the rest, though not below four-fifths' : 'Significantly lower than the rest';
  return below ? 'Significantly higher than the rest, though below four-fifths of the reference' : 'Significantly higher than the rest';
}

export const FAIRNESS_CAVEAT =
  'These figures are an indication to look closer at the decisions and the evidence behind them, not a finding of discrimination, and not legal advice.';


export interface FairnessInput {
  candidates: readonly CandidateRef[];
  decisions: readonly DecisionRef[];
  coverage: readonly Pick<CriterionCoverageRow, 'candidateId' | 'rating' | 'sustained'>[];
  /** Attributes to report; default every key found on the candidates, sorted. */
  attributes?: readonly string[];
  readinessThreshold?: number;
  minGroupSize?: number;
  /** Default MIN_CELL_SIZE (3). */
  minCellSize?: number;
  impactThreshold?: number;
  /** Also suppress the smallest shown group when only one group is suppressed. Default true. */
  complementary?: boolean;
  /**
   * Group sizes another view prints beside this one (the nomination view's cycle sizes), per attribute,
   * for a set of people containing these candidates: bounds the room knows on each group's size, exact
   * when `samePeople`. The suppression check takes them into account.
   */
  sizesElsewhere?: { sizes: Readonly<Record<string, ReadonlyMap<string, number>>>; samePeople: boolean };
}


export interface GroupFairness {
  group: string;
  suppressed: boolean;
  suppressedReason: SuppressionReason | null;
  /** What to print in place of the counts when suppressed. */
  hiddenLabel: string | null;
  /** Null when suppressed. Deferred and undecided are null when below the cell minimum (text.deferred says "fewer than 3"). */
  counts: { members: number; promoted: number; notPromoted: number; n: number; deferred: number | null; undecided: number | null } | null;
  rate: number | null;
  rateInterval: Interval | null;
  impactRatio: number | null;
  ratioInterval: Interval | null;
  reference: boolean;
  /** Fisher's exact test against everyone else, and Holm-adjusted; null when suppressed or nobody decided. */
  p: number | null;
  pAdjusted: number | null;
  status: FairnessStatus | null;
  /** The status in words (statusText), saying which way a significant difference goes; null without a status. */
  statusText: string | null;
  /** Whether the group's rate is lower or higher than everyone else's (the Fisher test's comparison); null when not tested or equal. */
  direction: 'lower' | 'higher' | null;
  /** For "below four-fifths, not significant": more promotions among the group's n that would lift the ratio to the threshold (null when even all would not). */
  toLift: number | null;
  /** Every figure as written, by the one set of formatting functions. */
  text: { rate: string; rateInterval: string; impactRatio: string; ratioInterval: string; p: string; pAdjusted: string; deferred: string; undecided: string };
  /** The figures and the rule behind them, in words, with the same rounding as the table. */
  rule: string;
}

export interface Omnibus extends ChiSquareResult {
  groups: number;
  sentence: string;
}

export interface PromotionFairness {
  reference: string | null;
  /** Why there is no reference, when there is none. */
  noReference: string | null;
  groups: GroupFairness[];
  omnibus: Omnibus | null;
  omnibusNote: string;
  statusGroups: Record<FairnessStatus, string[]>;
  /** Why nothing of the attribute is shown (suppression-plan.ts), or null. */
  withheld: string | null;
}

export interface AttributeFairness {
  attribute: string;
  promotion: PromotionFairness;
  readiness: FairnessMetric;
}

export interface FairnessParams {
  readinessThreshold: number;
  minGroupSize: number;
  /** Fewest promoted and fewest not promoted (ready and not ready) a shown group may have. */
  minCellSize: number;
  minReferenceSize: number;
  impactThreshold: number;
  significance: number;
  complementary: boolean;
}

export interface FairnessReport {
  attributes: AttributeFairness[];
  params: FairnessParams;
  /** The definitions in words. */
  rules: { promotion: string; tests: string; statuses: string; suppression: string; caveat: string };
}

/** The thresholds, from the input's overrides or the defaults. */
export function fairnessParams(input: Pick<FairnessInput, 'readinessThreshold' | 'minGroupSize' | 'minCellSize' | 'impactThreshold' | 'complementary'> = {}): FairnessParams {
  return {
    readinessThreshold: input.readinessThreshold ?? READINESS_RATE_THRESHOLD,
    minGroupSize: input.minGroupSize ?? MIN_GROUP_SIZE,
    minCellSize: input.minCellSize ?? MIN_CELL_SIZE,
    minReferenceSize: MIN_REFERENCE_SIZE,
    impactThreshold: input.impactThreshold ?? IMPACT_RATIO_THRESHOLD,
    significance: SIGNIFICANCE_LEVEL,
    complementary: input.complementary ?? true,
  };
}

export function fairnessReport(input: FairnessInput): FairnessReport {
  const params = fairnessParams(input);
  const candidates = input.candidates.filter((c) => c.archived !== true);
  const decisions = latestDecisions(input.decisions);
  const readiness = new Map<string, number>();
  for (const [id, r] of readinessByShare(input.coverage)) readiness.set(id, r);
  const attributes =
    input.attributes !== undefined ? [...input.attributes] : attributesOf(candidates);

  return {
    params,
    rules: rules(params),
    attributes: attributes.map((attribute) => {
      const counts = new Map<string, GroupCounts>();
      const groupOf = groupsOf(candidates, attribute);
      for (const c of candidates) {
        const group = groupOf(c);
        let g = counts.get(group);
        if (!g) counts.set(group, (g = { group, members: 0, promoted: 0, notPromoted: 0, deferred: 0, undecided: 0, n: 0, ready: 0 }));
        g.members++;
        const d = decisions.get(c.id);
        if (!d) g.undecided++;
        else if (d.outcome === 'defer') g.deferred++;
        else if (isPromotion(d.outcome)) g.promoted++;
        else g.notPromoted++;
        if ((readiness.get(c.id) ?? 0) >= params.readinessThreshold) g.ready++;
      }
      const groups = [...counts.values()].sort((a, b) => byGroupName(a.group, b.group));
      for (const g of groups) g.n = g.promoted + g.notPromoted;
      const promotion = promotionFairness(groups, params, PROMOTION_WORDS, sizesKnown(input.sizesElsewhere, attribute));
      const shown = new Set(promotion.groups.filter((g) => !g.suppressed).map((g) => g.group));
      // One group's figures are the totals: nothing to protect.
      const protect = new Set(groups.length < 2 ? [] : groups.map((g) => g.group).filter((name) => !shown.has(name)));
      return { attribute, promotion, readiness: readinessMetric(groups, params, protect) };
    }),
  };
}

function readinessByShare(coverage: FairnessInput['coverage']): [string, number][] {
  return [...readinessByCandidate(coverage)].map(([id, r]) => [id, r.share]);
}


/**
 * How a selection is named in the rule sentences: promotion among decided
 * candidates (the default), or another step with the same statistics (the
 * nomination view: put forward among all candidates of the cycle).
 */
export interface SelectionWords {
  /** "promoted", "put forward". */
  selected: string;
  /** "decided", "in the cycle": who the rate is taken over. */
  pool: string;
  /** The candidates of the pool, in a sentence: "decided candidates", "candidates in the cycle". */
  poolCandidates: string;
  /** Whether deferred and undecided candidates exist apart from the pool (promotion only). */
  aside: boolean;
}

export const PROMOTION_WORDS: SelectionWords = { selected: 'promoted', pool: 'decided', poolCandidates: 'decided candidates', aside: true };

/**
 * The statistics of one attribute over any selection: groups with `promoted`
 * (selected) and `notPromoted` (not selected) of `n`; reference, impact
 * ratios, Fisher + Holm, the omnibus test and the statuses, as for promotion.
 */
export function selectionFairness(groups: readonly GroupCounts[], p: FairnessParams, words: SelectionWords = PROMOTION_WORDS): PromotionFairness {
  return promotionFairness(groups, p, words);
}

interface SizesKnown {
  exact: ReadonlySet<string>;
  caps: ReadonlyMap<string, number>;
}

function sizesKnown(elsewhere: FairnessInput['sizesElsewhere'], attribute: string): SizesKnown {
  // Own keys only: an attribute named "constructor" is the user's, not the object's.
  const sizes = (elsewhere && Object.prototype.hasOwnProperty.call(elsewhere.sizes, attribute) ? elsewhere.sizes[attribute] : undefined) ?? new Map<string, number>();
  return elsewhere?.samePeople ? { exact: new Set(sizes.keys()), caps: new Map() } : { exact: new Set(), caps: sizes };
}

function promotionFairness(groups: readonly GroupCounts[], p: FairnessParams, w: SelectionWords = PROMOTION_WORDS, known?: SizesKnown): PromotionFairness {
  const plan = suppressionPlan(
    planRows(groups.map((g) => ({ group: g.group, members: g.members, n: g.n, selected: g.promoted, aside: w.aside ? [g.deferred, g.undecided] : [] }))),
    planParams(p),
    new Map(),
    known?.exact,
    known?.caps,
  );
  const hidden = plan.hidden;
  // Tests over the shown groups with anyone decided and the hidden ones pooled as one row: a test over
  // each hidden group would make the adjusted p-values and the whole-attribute statistic functions of the
  // hidden counts (two hidden groups' split could be read back from χ²); their pooled counts are the totals
  // minus the shown groups', which the room can work out anyway. With the hidden groups merged, the pool is the merged row.
  const totalPromoted = groups.reduce((s, g) => s + g.promoted, 0);
  const totalNot = groups.reduce((s, g) => s + g.notPromoted, 0);
  const hiddenDecided = groups.filter((g) => hidden.has(g.group) && g.n > 0);
  const pool = hiddenDecided.length > 0 ? [mergedCounts(groups, groups.filter((g) => hidden.has(g.group)).map((g) => g.group), plan.merged?.length)] : [];
  const tested = [...groups.filter((g) => !hidden.has(g.group) && g.n > 0), ...pool];
  const raw = tested.map((g) => fisherExactTwoSided(g.promoted, g.notPromoted, totalPromoted - g.promoted, totalNot - g.notPromoted));
  const adjusted = holmAdjust(raw);
  const pOf = new Map(tested.map((g, i) => [g.group, { p: raw[i] as number, adjusted: adjusted[i] as number }]));

  // The reference: highest rate among eligible groups, compared as fractions (exact); ties to the first in name order.
  let ref: GroupCounts | null = null;
  for (const g of groups) {
    if (hidden.has(g.group) || g.group === NOT_GIVEN || g.n < p.minReferenceSize) continue;
    if (!ref || g.promoted * ref.n > ref.promoted * g.n) ref = g;
  }
  const shown = plan.withheld ? [] : plan.merged ? [...groups.filter((g) => !hidden.has(g.group)), mergedCounts(groups, plan.merged)] : groups;
  let noReference: string | null = null;
  if (!ref) noReference = `No group is shown with at least ${p.minReferenceSize} ${w.poolCandidates} other than “${NOT_GIVEN}”, so there is no reference and no impact ratio.`;
  else if (ref.promoted === 0) {
    noReference = `Nobody shown has been ${w.selected}, so there is no reference rate and no impact ratio.`;
    ref = null;
  } else if (!shown.some((g) => g !== ref && !hidden.has(g.group) && g.n > 0)) {
    // Its own reference, the group would read 1.00 whatever its rate; the groups above it may be the hidden ones.
    noReference = `Only one group is shown with ${w.poolCandidates}, so there is no other group to compare its rate with: no reference and no impact ratio.`;
    ref = null;
  }

  const out = shown.map((g) => {
    const reason = hidden.get(g.group) ?? null;
    const text = reason === null ? null : hiddenText(g, reason, groups, hidden, { ...p, words: hiddenWords(w) });
    return groupFairness(g, reason, text, ref, pOf.get(g.group) ?? null, tested.length, p, w, { promoted: totalPromoted, n: totalPromoted + totalNot });
  });
  const statusGroups: Record<FairnessStatus, string[]> = { adverse: [], 'too-few': [], significant: [] };
  for (const g of out) if (g.status) statusGroups[g.status].push(g.group);

  // Withheld: not even the whole-attribute test, whose statistic is a function of the hidden counts. With two or more
  // hidden groups pooled, a test over the pool cannot see a difference between them: below 0.05 it still shows that
  // outcomes depend on the group (they would not over the pool if they did not over the real groups), but its "not
  // below 0.05" read as reassurance where the groups it pooled differed (a trial: 7 of 9 and 1 of 7 pooled as 8 of 16
  // gave p = 0.48; over the real groups p = 0.031), so then no result is given.
  const pooled = hiddenDecided.length;
  const overPool = plan.withheld ? null : chiSquareIndependence(tested.map((g) => [g.promoted, g.notPromoted] as const));
  const blindToPool = overPool !== null && pooled >= 2 && overPool.p >= SIGNIFICANCE_LEVEL;
  const chi = blindToPool ? null : overPool;
  const poolNote = pooled >= 2 ? ` The ${pooled} groups too small to show are tested pooled, as one.` : '';
  const omnibus = chi ? { ...chi, groups: tested.length, sentence: `${omnibusSentence(chi, tested.length, w)}${poolNote}` } : null;
  const omnibusNote = plan.withheld
    ? WITHHELD_SENTENCE
    : blindToPool
    ? `No result over the whole attribute: the ${pooled} groups too small to show are pooled for the tests, and the test over the pool, which finds no difference below ${SIGNIFICANCE_LEVEL}, cannot see one between them. Each shown group is still compared with everyone else.`
    : omnibus
    ? omnibus.sentence
    : `No test over the whole attribute: it needs at least two groups with someone ${w.pool}, and both ${w.selected} and not ${w.selected} candidates.`;
  return { reference: ref?.group ?? null, noReference, groups: out, omnibus, omnibusNote, statusGroups, withheld: plan.withheld ? WITHHELD_SENTENCE : null };
}

/** The merged row of the groups hidden together: their counts summed, under one name. */
function mergedCounts(groups: readonly GroupCounts[], names: readonly string[], shownAs = names.length): GroupCounts {
  const inside = groups.filter((g) => names.includes(g.group));
  const sum = (k: 'members' | 'promoted' | 'notPromoted' | 'deferred' | 'undecided' | 'n' | 'ready') => inside.reduce((s, g) => s + g[k], 0);
  return { group: mergedName(shownAs), members: sum('members'), promoted: sum('promoted'), notPromoted: sum('notPromoted'), deferred: sum('deferred'), undecided: sum('undecided'), n: sum('n'), ready: sum('ready') };
}

/** The test's sentence, naming what it tests in the selection's words (the put-forward tables said "promotion"). */
function omnibusSentence(chi: ChiSquareResult, groups: number, w: SelectionWords): string {
  const rough =
    chi.minExpected < 5
      ? ` Approximate: the smallest expected count is ${chi.minExpected.toFixed(1)}, below 5, where this test is rough; read it with care.`
      : '';
  return (
    `Whole attribute: chi-square test of independence of group and being ${w.selected} over ${groups} groups (no continuity correction), ` +
    `χ² = ${chi.statistic.toFixed(2)} on ${chi.df} degrees of freedom, ${pSentence(chi.p)}; ${chi.p < SIGNIFICANCE_LEVEL ? 'below' : 'not below'} ${SIGNIFICANCE_LEVEL}.${rough}`
  );
}

const NO_TEXT = { rate: '—', rateInterval: '—', impactRatio: '—', ratioInterval: '—', p: '—', pAdjusted: '—', deferred: '—', undecided: '—' };

/** The words of a hidden group's label and rule, from the selection's own words. */
function hiddenWords(w: SelectionWords) {
  return { selected: w.selected, notSelected: `not ${w.selected}`, n: w.aside ? `candidates or ${w.pool} candidates` : 'candidates' };
}

function groupFairness(
  g: GroupCounts,
  reason: SuppressionReason | null,
  hidden: { label: string; rule: string } | null,
  ref: GroupCounts | null,
  test: { p: number; adjusted: number } | null,
  tests: number,
  p: FairnessParams,
  w: SelectionWords,
  total: { promoted: number; n: number },
): GroupFairness {
  const empty = { rate: null, rateInterval: null, impactRatio: null, ratioInterval: null, reference: false, p: null, pAdjusted: null, status: null, statusText: null, direction: null, toLift: null };
  if (reason !== null && hidden !== null) {
    return { group: g.group, suppressed: true, suppressedReason: reason, hiddenLabel: hidden.label, counts: null, ...empty, text: NO_TEXT, rule: hidden.rule };
  }
  // Deferred and undecided of a shown group: exact from the cell minimum up, else "fewer than 3" (asideText).
  const exact = (count: number) => (count >= p.minCellSize ? count : null);
  const counts = { members: g.members, promoted: g.promoted, notPromoted: g.notPromoted, deferred: exact(g.deferred), undecided: exact(g.undecided), n: g.n };
  const asideTexts = { deferred: asideText(g.deferred, p.minCellSize), undecided: asideText(g.undecided, p.minCellSize) };
  const aside = w.aside ? ` (${asideTexts.deferred} deferred and ${asideTexts.undecided} undecided, not counted)` : '';
  if (g.n === 0) {
    return { group: g.group, suppressed: false, suppressedReason: null, hiddenLabel: null, counts, ...empty, text: { ...NO_TEXT, ...asideTexts }, rule: `${g.group}: nobody ${w.pool} yet${aside}, so no rate.` };
  }
  const rate = g.promoted / g.n;
  const rateInterval = wilsonInterval(g.promoted, g.n);
  const text = { ...NO_TEXT, ...asideTexts, rate: formatPercent(rate), rateInterval: rateInterval ? formatRateInterval(rateInterval.low, rateInterval.high) : '—' };
  const parts = [`${g.group}: ${g.promoted} ${w.selected} of ${g.n} ${w.pool}${aside} = ${text.rate}, 95% interval ${text.rateInterval}.`];

  let impactRatio: number | null = null;
  let ratioInterval: Interval | null = null;
  let below = false;
  if (ref) {
    impactRatio = (g.promoted * ref.n) / (g.n * ref.promoted);
    below = impactRatio < p.impactThreshold;
    text.impactRatio = formatImpactRatio(g.promoted * ref.n, g.n * ref.promoted);
    if (g === ref) parts.push(`The highest rate among groups eligible as reference, so the reference (impact ratio ${text.impactRatio}).`);
    else {
      ratioInterval = katzRatioInterval(g.promoted, g.n, ref.promoted, ref.n);
      text.ratioInterval = ratioInterval ? formatRatioInterval(ratioInterval.low, ratioInterval.high) : '—';
      parts.push(
        `Impact ratio ${text.rate} ÷ ${formatPercent(ref.promoted / ref.n)} (${ref.group}) = ${text.impactRatio}` +
          (ratioInterval ? `, 95% interval ${text.ratioInterval}` : `, no interval (nobody ${w.selected})`) +
          `, ${below ? 'below' : 'not below'} ${p.impactThreshold}.`,
      );
    }
  }
  let significant = false;
  if (test) {
    significant = test.adjusted < p.significance;
    text.p = formatP(test.p);
    text.pAdjusted = formatP(test.adjusted);
    parts.push(
      `Fisher’s exact test against everyone else: ${pSentence(test.p)}; ${pSentence(test.adjusted).replace(/^p/, 'adjusted p')} after Holm’s adjustment over ${tests} group${tests === 1 ? '' : 's'}, ` +
        `${significant ? 'below' : 'not below'} ${p.significance}.`,
    );
  }
  // Which way the group differs from everyone else, the comparison the test makes (compared as fractions, exact).
  const rest = { promoted: total.promoted - g.promoted, n: total.n - g.n };
  const direction = !test || rest.n === 0 ? null : g.promoted * rest.n < rest.promoted * g.n ? 'lower' : g.promoted * rest.n > rest.promoted * g.n ? 'higher' : null;
  let status: FairnessStatus | null = null;
  let toLift: number | null = null;
  if (significant && direction === 'lower' && below) status = 'adverse';
  else if (significant && direction !== null) status = 'significant';
  else if (below && ref) {
    status = 'too-few';
    toLift = selectionsToLift(g, ref, p.impactThreshold);
  }
  const words = status ? statusText(status, direction, impactRatio !== null, below) : null;
  if (status === 'too-few') {
    parts.push(`→ ${words}` + (toLift === null ? '.' : `: ${toLift} more ${w.selected} among these ${g.n} would lift the ratio to ${p.impactThreshold}.`));
  } else if (status) parts.push(`→ ${words}.`);
  else if (impactRatio !== null) parts.push('→ No status.');
  return { group: g.group, suppressed: false, suppressedReason: null, hiddenLabel: null, counts, rate, rateInterval, impactRatio, ratioInterval, reference: g === ref, p: test?.p ?? null, pAdjusted: test?.adjusted ?? null, status, statusText: words, direction, toLift, text, rule: parts.join(' ') };
}

/** The fewest more promotions among the group's n (the reference held fixed) that bring the ratio to the threshold; null if none would. */
export function selectionsToLift(g: Pick<GroupCounts, 'promoted' | 'n'>, ref: Pick<GroupCounts, 'promoted' | 'n'>, threshold: number): number | null {
  for (let k = 1; g.promoted + k <= g.n; k++) {
    if (((g.promoted + k) * ref.n) / (g.n * ref.promoted) >= threshold) return k;
  }
  return null;
}

function rules(p: FairnessParams): FairnessReport['rules'] {
  return {
    promotion:
      `Promotion rate = candidates promoted (Promote or Promote to another level) ÷ candidates decided with any outcome other than Defer. ` +
      `Deferred and undecided candidates are counted apart and never as “not promoted”. The 95% interval of a rate is Wilson’s.`,
    tests:
      `Impact ratio = the group’s rate ÷ the reference group’s: the highest rate among shown groups with at least ${p.minReferenceSize} decided candidates, never “${NOT_GIVEN}”; ` +
      `its 95% interval is by the Katz log method. Each group is compared with everyone else by Fisher’s exact test (two-sided); ` +
      `the p-values of an attribute’s groups are adjusted together by Holm’s method, with the hidden groups counted as one group (so no shown figure depends on a hidden count). The whole attribute is tested over the same groups by a chi-square test of independence, which is approximate when counts are small; with two or more hidden groups pooled its result is given only below ${SIGNIFICANCE_LEVEL}, since a test over the pool cannot see a difference between the groups in it.`,
    statuses:
      `${STATUS_LABEL.adverse}: impact ratio below ${p.impactThreshold} (the four-fifths rule) and adjusted p below ${p.significance}, the group's rate lower than everyone else's. ` +
      `${STATUS_LABEL['too-few']}: ratio below ${p.impactThreshold} but not significant, with how many more promotions would reach ${p.impactThreshold}. ` +
      `Significantly lower (or higher) than the rest: adjusted p below ${p.significance}, the group's rate lower (or higher) than everyone else's, and not below four-fifths or without a ratio to compare. Ratios and p-values are cut, not rounded, to the decimals shown.`,
    suppression:
      `Groups with fewer than ${p.minGroupSize} candidates or decided candidates are not shown, so no individual can be singled out; ` +
      `nor are groups with fewer than ${p.minCellSize} promoted or fewer than ${p.minCellSize} not promoted (for readiness: ready or not ready), since the outcome of so few could be told` +
      (p.complementary
        ? '; and before anything is shown, each hidden count is worked out as far as the totals everyone sees allow: while any could be told exactly, the smallest shown group is hidden too, then the hidden groups are shown together as “Other groups”, or the attribute is not shown at all.'
        : '.') +
      ` A shown group’s deferred or undecided count below ${p.minCellSize} reads “fewer than ${p.minCellSize}”.` +
      ` Candidates without the attribute are grouped as “${NOT_GIVEN}”.`,
    caveat: FAIRNESS_CAVEAT,
  };
}
