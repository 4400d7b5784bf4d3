/**
 * The fairness view: do outcomes differ by group? For each optional group
 * attribute (the keys of `candidate.groups`, e.g. gender, location) and each
 * value of it, the promotion rate and the readiness rate, and each group's
 * impact ratio against the group with the highest rate, flagged below 0.8
 * (the four-fifths rule used in adverse-impact analysis). The seeds: without
 * a shared framework "the demographic patterns in who gets promoted and who
 * doesn't become very visible, very fast"; this view makes them visible on
 * purpose, while the committee can still act.
 *
 * Definitions:
 * - Promotion rate = candidates promoted (Promote or Promote to another
 *   level, by their latest decision) ÷ candidates decided (any outcome,
 *   Defer included). n is the number decided.
 * - Readiness rate = candidates whose readiness share (coverage rows: rated
 *   "consistently" and sustained ÷ all criteria of the target level) is at
 *   least the threshold (default 0.75) ÷ all candidates of the group; a
 *   candidate without a packet counts as not ready. n is the group size.
 * - Impact ratio = group rate ÷ highest rate among the groups shown; the
 *   reference group has 1. Computed from counts in one division, so a ratio
 *   of exactly 0.8 (4 of 10 against 5 of 10) is exactly 0.8, not flagged.
 *   When every shown rate is 0 there is no reference and no ratio.
 *
 * Suppression, so no individual can be singled out: a group whose members
 * (or, for the promotion rate, whose decided members) number fewer than 5 is
 * shown as "fewer than 5" with no n, no rate and no ratio, and cannot be the
 * reference. When exactly one group of an attribute is suppressed, its
 * figures could be worked out by subtracting the shown groups from the
 * cycle's totals, so the smallest shown group is suppressed as well
 * (complementary suppression; option `complementary`, on by default).
 * Candidates without the attribute (or with an empty value) form the group
 * "Not given", which is subject to the same suppression.
 */
import type { CriterionCoverageRow } from '../packets/coverage';
import {
  compareNames,
  formatPercent,
  isPromotion,
  latestDecisions,
  readinessByCandidate,
  type CandidateRef,
  type DecisionRef,
} from './common';

export const NOT_GIVEN = 'Not given';
export const MIN_GROUP_SIZE = 5;
export const IMPACT_RATIO_THRESHOLD = 0.8;
export const READINESS_RATE_THRESHOLD = 0.75;

export interface FairnessInput {
  candidates: readonly CandidateRef[];
  decisions: readonly DecisionRef[];
  coverage: readonly Pick<CriterionCoverageRow, 'candidateId' | 'rating' | 'sustained'>[];
  /** Attributes to report; default every key found on the candidates, sorted. */
  attributes?: readonly string[];
  readinessThreshold?: number;
  minGroupSize?: number;
  impactThreshold?: number;
  /** Also suppress the smallest shown group when only one group is suppressed. Default true. */
  complementary?: boolean;
}

export type SuppressionReason = 'small-group' | 'complementary';

/** One bar of a Recharts chart. */
export interface FairnessPoint {
  group: string;
  /** Null when suppressed. */
  rate: number | null;
  /** The rate's denominator; null when suppressed. */
  n: number | null;
  /** What to print for n: the number, or "fewer than 5". */
  nLabel: string;
  suppressed: boolean;
  suppressedReason: SuppressionReason | null;
  impactRatio: number | null;
  flagged: boolean;
  /** The group the ratios are taken against. */
  reference: boolean;
  /** The sentence behind this bar. Never contains a suppressed group's counts. */
  rule: string;
}

export interface FairnessMetric {
  metric: 'promotion' | 'readiness';
  /** The rate's definition, the ratio's and the suppression rule. */
  rule: string;
  reference: string | null;
  series: FairnessPoint[];
  flaggedGroups: string[];
}

export interface AttributeFairness {
  attribute: string;
  promotion: FairnessMetric;
  readiness: FairnessMetric;
}

export interface FairnessReport {
  attributes: AttributeFairness[];
  params: { readinessThreshold: number; minGroupSize: number; impactThreshold: number; complementary: boolean };
}

interface GroupCounts {
  group: string;
  members: number;
  decided: number;
  promoted: number;
  ready: number;
}

/** Three decimals, trailing zeros dropped: 2/3 → "0.667", 0.9 → "0.9". */
function formatImpact(ratio: number): string {
  return String(Math.round(ratio * 1000) / 1000);
}

function groupValue(candidate: CandidateRef, attribute: string): string {
  const groups = candidate.groups ?? {};
  const raw = Object.prototype.hasOwnProperty.call(groups, attribute) ? groups[attribute] : undefined;
  const value = typeof raw === 'string' ? raw.trim() : '';
  return value === '' ? NOT_GIVEN : value;
}

function byGroupName(a: string, b: string): number {
  if (a === b) return 0;
  if (a === NOT_GIVEN) return 1;
  if (b === NOT_GIVEN) return -1;
  return compareNames(a, b);
}

export function fairnessReport(input: FairnessInput): FairnessReport {
  const readinessThreshold = input.readinessThreshold ?? READINESS_RATE_THRESHOLD;
  const minGroupSize = input.minGroupSize ?? MIN_GROUP_SIZE;
  const impactThreshold = input.impactThreshold ?? IMPACT_RATIO_THRESHOLD;
  const complementary = input.complementary ?? true;
  const candidates = input.candidates.filter((c) => c.archived !== true);
  const decisions = latestDecisions(input.decisions);
  const readiness = readinessByCandidate(input.coverage);

  const attributes =
    input.attributes !== undefined ? [...input.attributes] : [...new Set(candidates.flatMap((c) => Object.keys(c.groups ?? {})))].sort(compareNames);

  const params = { readinessThreshold, minGroupSize, impactThreshold, complementary };
  return {
    params,
    attributes: attributes.map((attribute) => {
      const counts = new Map<string, GroupCounts>();
      for (const c of candidates) {
        const group = groupValue(c, attribute);
        let g = counts.get(group);
        if (!g) counts.set(group, (g = { group, members: 0, decided: 0, promoted: 0, ready: 0 }));
        g.members++;
        const d = decisions.get(c.id);
        if (d) {
          g.decided++;
          if (isPromotion(d.outcome)) g.promoted++;
        }
        if ((readiness.get(c.id)?.share ?? 0) >= readinessThreshold) g.ready++;
      }
      const groups = [...counts.values()].sort((a, b) => byGroupName(a.group, b.group));
      return {
        attribute,
        promotion: metric('promotion', groups, params),
        readiness: metric('readiness', groups, params),
      };
    }),
  };
}

function metricRule(kind: 'promotion' | 'readiness', p: FairnessReport['params']): string {
  const rate =
    kind === 'promotion'
      ? 'Promotion rate = candidates promoted (Promote or Promote to another level) ÷ candidates decided.'
      : `Readiness rate = candidates with a readiness share of at least ${formatPercent(p.readinessThreshold)} ÷ all candidates in the group (no packet counts as not ready).`;
  return (
    `${rate} Impact ratio = the group’s rate ÷ the highest rate among the groups shown; below ${p.impactThreshold} is flagged (the four-fifths rule). ` +
    `Groups with fewer than ${p.minGroupSize} ${kind === 'promotion' ? 'decided candidates' : 'candidates'} are not shown, so no individual can be singled out` +
    (p.complementary ? '; when only one group would be hidden, the next smallest is hidden too, since its figures could be worked out from the totals.' : '.') +
    ` Candidates without the attribute are grouped as “${NOT_GIVEN}”.`
  );
}

function metric(kind: 'promotion' | 'readiness', groups: readonly GroupCounts[], p: FairnessReport['params']): FairnessMetric {
  const rows = groups.map((g) => {
    const n = kind === 'promotion' ? g.decided : g.members;
    const hits = kind === 'promotion' ? g.promoted : g.ready;
    const small = g.members < p.minGroupSize || n < p.minGroupSize;
    return { group: g.group, n, hits, reason: small ? ('small-group' as SuppressionReason) : null };
  });
  if (p.complementary) {
    const suppressed = rows.filter((r) => r.reason !== null);
    const shown = rows.filter((r) => r.reason === null);
    if (suppressed.length === 1 && shown.length > 0) {
      const smallest = [...shown].sort((a, b) => a.n - b.n || byGroupName(a.group, b.group))[0];
      if (smallest) smallest.reason = 'complementary';
    }
  }

  // Reference: the shown group with the highest rate (compared as fractions, exactly).
  let ref: (typeof rows)[number] | null = null;
  for (const r of rows) {
    if (r.reason !== null || r.n === 0) continue;
    if (!ref || r.hits * ref.n > ref.hits * r.n) ref = r;
  }
  if (ref && ref.hits === 0) ref = null;

  const hidden = `fewer than ${p.minGroupSize}`;
  const series = rows.map((r): FairnessPoint => {
    if (r.reason !== null) {
      return {
        group: r.group,
        rate: null,
        n: null,
        nLabel: hidden,
        suppressed: true,
        suppressedReason: r.reason,
        impactRatio: null,
        flagged: false,
        reference: false,
        rule:
          r.reason === 'small-group'
            ? `${r.group}: ${hidden} ${kind === 'promotion' ? 'decided candidates' : 'candidates'}, not shown.`
            : `${r.group}: not shown, because it would reveal the figures of a smaller group hidden beside it.`,
      };
    }
    const rate = r.n === 0 ? 0 : r.hits / r.n;
    const what = kind === 'promotion' ? 'promoted' : 'ready';
    const base = `${r.group}: ${r.hits} of ${r.n} ${what} = ${formatPercent(rate)}`;
    if (!ref) {
      return { group: r.group, rate, n: r.n, nLabel: String(r.n), suppressed: false, suppressedReason: null, impactRatio: null, flagged: false, reference: false, rule: `${base}; no impact ratio, since no group shown has a rate above 0.` };
    }
    // (hits/n) ÷ (refHits/refN) as one division of integers.
    const impactRatio = (r.hits * ref.n) / (r.n * ref.hits);
    const flagged = impactRatio < p.impactThreshold;
    const isRef = r === ref;
    const refRate = ref.hits / ref.n;
    return {
      group: r.group,
      rate,
      n: r.n,
      nLabel: String(r.n),
      suppressed: false,
      suppressedReason: null,
      impactRatio,
      flagged,
      reference: isRef,
      rule: isRef
        ? `${base}; the highest rate shown, so the reference (impact ratio 1).`
        : `${base}; impact ratio ${formatPercent(rate)} ÷ ${formatPercent(refRate)} (${ref.group}) = ${formatImpact(impactRatio)} ${flagged ? '<' : '≥'} ${p.impactThreshold} → ${flagged ? 'flagged' : 'not flagged'}.`,
    };
  });
  return { metric: kind, rule: metricRule(kind, p), reference: ref?.group ?? null, series, flaggedGroups: series.filter((s) => s.flagged).map((s) => s.group) };
}
