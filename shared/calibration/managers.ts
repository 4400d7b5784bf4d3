/**
 * Distributions by manager, a leniency estimate and an evidence signal:
 * where managers rate differently (the seeds: "different managers apply
 * wildly different standards"), so the committee compares candidates
 * against the criteria rather than against their managers' enthusiasm.
 *
 * Definitions (each figure returns its rule sentence and its inputs):
 *
 * - Rating score: not yet = 0, partially = 0.5, consistently = 1; criteria
 *   the manager has not assessed have no score and are left out.
 * - A manager's candidates: the non-archived candidates whose `manager` is
 *   that manager; their ratings are the coverage rows of their packets. A
 *   rated candidate has at least one rated criterion.
 * - Leniency: the empirical-Bayes manager effect of manager-leniency.ts
 *   (mean rating score per rated candidate, target level as a fixed effect,
 *   the manager effect shrunk towards 0 by how much managers really differ),
 *   with its 95% interval.
 * - Status: "lenient"/"strict" only when the manager has at least
 *   LENIENCY_MIN_CANDIDATES rated candidates, the interval excludes 0, the
 *   estimate is at least the threshold in whole hundredths (as shown), and
 *   the Holm-adjusted p (over the managers with enough candidates) is below
 *   0.05. Fewer candidates: "too few candidates to tell"; otherwise "no clear
 *   difference"; "no estimate" when the model cannot be fitted.
 * - Evidence signal: of the manager's "consistently" ratings, the share
 *   whose criterion has no sustained evidence (coverage `sustained` false).
 * - Recommendation: a submitted packet (the revision the session reviews, reviewedPacket)
 *   recommends promotion to its target level. A draft or no packet makes
 *   no recommendation.
 * - Promoted share of submitted packets: of the manager's candidates with a
 *   submitted packet and a final outcome (anything but Defer), the share
 *   the committee promoted (Promote or Promote to another level: the shared
 *   rule isPromotionOutcome). Deferred and undecided are counted apart,
 *   never as "not promoted".
 * - Readiness vs outcome: over the manager's candidates with a final
 *   outcome and coverage rows, mean readiness share against the share
 *   promoted; gap = readiness − promoted.
 */
import type { Level } from '../domain/framework';
import type { AssessmentRating, Packet } from '../domain/packet';
import type { Outcome } from '../domain/session';
import type { CriterionCoverageRow } from '../packets/coverage';
import { reviewedPacketByCandidate, wasSubmitted } from '../rules/current-packet';
import { isPromotionOutcome } from '../rules/promotion-outcome';
import {
  RATING_SCORE,
  compareNames,
  emptyOutcomeCounts,
  formatPercent,
  formatSigned,
  latestDecisions,
  readinessByCandidate,
  type CandidateRef,
  type DecisionRef,
  type Explained,
  type OutcomeCounts,
} from './common';
import { fitLeniencyModel, holmAdjust, meetsThreshold, type LeniencyModel, type LeniencyObservation } from './manager-leniency';

export const LENIENCY_THRESHOLD = 0.15;
export const LENIENCY_MIN_CANDIDATES = 5;
export const LENIENCY_ALPHA = 0.05;

export interface LeniencyOptions {
  threshold?: number;
  minCandidates?: number;
}

export interface ManagerCalibrationInput {
  candidates: readonly CandidateRef[];
  coverage: readonly Pick<CriterionCoverageRow, 'candidateId' | 'targetLevelId' | 'rating' | 'sustained'>[];
  packets?: readonly (Pick<Packet, 'candidateId' | 'status' | 'revision'> & Partial<Pick<Packet, 'submittedAt'>>)[];
  decisions?: readonly DecisionRef[];
  /** For level codes in the rule sentences; ids are shown otherwise. */
  framework?: { levels: readonly Pick<Level, 'id' | 'code'>[] };
  options?: LeniencyOptions;
}

export interface RatingCounts {
  'not-yet': number;
  partially: number;
  consistently: number;
  unassessed: number;
  /** not-yet + partially + consistently. */
  rated: number;
  /** Shares of the rated criteria (0 when nothing is rated). */
  shares: Record<AssessmentRating, number>;
}

export interface RecommendationCounts {
  candidates: number;
  /** Submitted packets: recommendations to promote. */
  promote: number;
  /** Draft packets: no recommendation yet. */
  draft: number;
  noPacket: number;
  /** promote ÷ candidates (0 without candidates). */
  promoteShare: number;
}

export type LeniencyStatus = 'lenient' | 'strict' | 'no-clear-difference' | 'too-few' | 'no-estimate';

export const LENIENCY_STATUS_TEXT: Readonly<Record<LeniencyStatus, string>> = {
  lenient: 'Rates higher',
  strict: 'Rates lower',
  'no-clear-difference': 'No clear difference',
  'too-few': 'Too few candidates to tell',
  'no-estimate': 'No estimate',
};

export interface LeniencyInputs {
  ratedCandidates: number;
  /** Mean residual after level means, before shrinkage. */
  raw: number | null;
  shrinkage: number | null;
  se: number | null;
  p: number | null;
  /** Holm-adjusted over the managers with enough rated candidates; null for the others. */
  pAdjusted: number | null;
  threshold: number;
  minCandidates: number;
  excludesZero: boolean;
  meetsThreshold: boolean;
}

export interface PromotedShareInputs {
  /** Candidates whose reviewed packet was submitted. */
  submitted: number;
  /** …with a final outcome (Promote, Promote to another level, Not yet). */
  decided: number;
  promoted: number;
  deferred: number;
  undecided: number;
}

export interface EvidenceSignalInputs {
  consistently: number;
  withoutSustained: number;
  othersConsistently: number;
  othersWithoutSustained: number;
}

export interface ReadinessVsOutcomeInputs {
  /** Candidates with a final outcome and coverage rows. */
  candidates: number;
  readinessShares: number[];
  promoted: number;
}

export interface ManagerStats {
  manager: string;
  candidateIds: string[];
  assessments: { own: RatingCounts; others: RatingCounts };
  recommendations: { own: RecommendationCounts; others: RecommendationCounts };
  /** Committee outcomes of decided candidates. */
  outcomes: { own: OutcomeCounts; others: OutcomeCounts };
  leniency: Explained<LeniencyInputs> & { value: number | null; interval: [number, number] | null; status: LeniencyStatus };
  promotedShare: Explained<PromotedShareInputs> & { value: number | null };
  evidence: Explained<EvidenceSignalInputs> & { value: number | null; others: number | null };
  readinessVsOutcome: Explained<ReadinessVsOutcomeInputs> & { value: { meanReadiness: number; promotedShare: number; gap: number } | null };
}

export interface ManagerCalibration {
  /** Sorted by manager name. */
  managers: ManagerStats[];
  /** One per rated candidate, in candidate order: the model's data. */
  observations: LeniencyObservation[];
  model: LeniencyModel;
  /** The method and the flag rule, for a legend. */
  flagRule: string;
}

const RATINGS: readonly AssessmentRating[] = ['not-yet', 'partially', 'consistently'];

interface RatingTally {
  'not-yet': number;
  partially: number;
  consistently: number;
  unassessed: number;
  /** Consistently, without sustained evidence. */
  unbacked: number;
}

const emptyTally = (): RatingTally => ({ 'not-yet': 0, partially: 0, consistently: 0, unassessed: 0, unbacked: 0 });

function ratingCounts(t: RatingTally): RatingCounts {
  const rated = t['not-yet'] + t.partially + t.consistently;
  const share = (n: number): number => (rated === 0 ? 0 : n / rated);
  return {
    'not-yet': t['not-yet'],
    partially: t.partially,
    consistently: t.consistently,
    unassessed: t.unassessed,
    rated,
    shares: { 'not-yet': share(t['not-yet']), partially: share(t.partially), consistently: share(t.consistently) },
  };
}

function recommendationCounts(candidates: number, promote: number, draft: number): RecommendationCounts {
  return { candidates, promote, draft, noPacket: candidates - promote - draft, promoteShare: candidates === 0 ? 0 : promote / candidates };
}

const f3 = (x: number): string => (Math.round(x * 1000) / 1000).toFixed(3);
const fp = (p: number): string => (p < 0.001 ? '< 0.001' : `= ${f3(p)}`);

/** The method and the flag rule with its parameters, as shown in the legend. */
export function leniencyFlagRule(threshold: number, minCandidates: number): string {
  return (
    'Leniency = how much higher (+) or lower (−) a manager rates than other managers at the same target levels, on the mean rating score per candidate ' +
    '(not yet 0, partially 0.5, consistently 1). It is an empirical-Bayes estimate: the manager’s average difference is shrunk towards 0 by how much managers ' +
    'really differ beyond chance, so a few candidates cannot make an extreme figure. ' +
    `A manager is called lenient or strict only with at least ${minCandidates} rated candidates, a 95% interval that excludes 0, an estimate of at least ` +
    `${threshold.toFixed(2)} as shown, and a p-value below 0.05 after Holm’s adjustment for the number of managers tested. ` +
    'It cannot tell a lenient manager from one whose candidates are all strong: read the evidence signal and the packets before concluding anything.'
  );
}

function leniencyFigure(
  model: LeniencyModel,
  manager: string,
  rated: number,
  pAdjusted: number | null,
  threshold: number,
  minCandidates: number,
): ManagerStats['leniency'] {
  const effect = model.ok ? model.effects.find((e) => e.manager === manager) : undefined;
  const base = { threshold, minCandidates, ratedCandidates: rated };
  if (!effect) {
    const why = !model.ok ? `No estimate: ${model.reason}.` : 'No estimate: none of this manager’s candidates has a rated criterion.';
    return {
      value: null,
      interval: null,
      status: rated > 0 && rated < minCandidates ? 'too-few' : 'no-estimate',
      rule: why,
      inputs: { ...base, raw: null, shrinkage: null, se: null, p: null, pAdjusted: null, excludesZero: false, meetsThreshold: false },
    };
  }
  // With the spread between managers estimated at 0 the estimate is shrunk all the way to 0, and the naive interval
  // has no width: "0.00 (0.00 to 0.00), p = 1" would claim that the managers are known to rate alike, which the data
  // cannot show. Such an estimate is given without an interval or a p-value.
  const spreadless = effect.se === 0;
  const excludesZero = effect.lower > 0 || effect.upper < 0;
  const meets = meetsThreshold(effect.estimate, threshold);
  const significant = pAdjusted !== null && pAdjusted < LENIENCY_ALPHA;
  const status: LeniencyStatus =
    effect.n < minCandidates ? 'too-few' : excludesZero && meets && significant ? (effect.estimate > 0 ? 'lenient' : 'strict') : 'no-clear-difference';
  const counted = `${effect.n} rated ${effect.n === 1 ? 'candidate' : 'candidates'}; average difference ${formatSigned(effect.raw)}`;
  const figures = spreadless
    ? `${counted}, shrunk to ${formatSigned(effect.estimate)}: the managers differ no more than chance would make them, so every estimate is 0, ` +
      'with no interval or p-value. That is not evidence that this manager rates like the others, only that these candidates cannot tell them apart.'
    : `${counted}, shrunk ×${f3(effect.shrinkage)} → ` +
      `${formatSigned(effect.estimate)}, 95% interval ${formatSigned(effect.lower)} to ${formatSigned(effect.upper)}, p ${fp(effect.p)}` +
      (pAdjusted === null ? '' : `, Holm-adjusted p ${fp(pAdjusted)}`) +
      '.';
  const verdict =
    status === 'too-few'
      ? ` Too few candidates to tell: fewer than ${minCandidates} rated.`
      : status === 'no-clear-difference'
        ? ` No clear difference: ${(spreadless
            ? // Only the reason there is: the figures above say there is no interval or p-value (a trial read "the adjusted p is not below 0.05" beside "no p-value").
              ['the managers differ no more than chance']
            : [excludesZero ? null : 'the interval includes 0', meets ? null : `the estimate is below ${threshold.toFixed(2)}`, significant ? null : 'the adjusted p is not below 0.05']
          )
            .filter((x) => x !== null)
            .join('; ')}.`
        : ` ${status === 'lenient' ? 'Rates higher' : 'Rates lower'} than other managers at the same levels: an indication to read this manager’s packets closely, not a finding.`;
  return {
    value: effect.estimate,
    interval: spreadless ? null : [effect.lower, effect.upper],
    status,
    rule: `Here: ${figures}${verdict}`,
    inputs: { ...base, raw: effect.raw, shrinkage: effect.shrinkage, se: effect.se, p: effect.p, pAdjusted, excludesZero, meetsThreshold: meets },
  };
}

export function managerCalibration(input: ManagerCalibrationInput): ManagerCalibration {
  const threshold = input.options?.threshold ?? LENIENCY_THRESHOLD;
  const minCandidates = input.options?.minCandidates ?? LENIENCY_MIN_CANDIDATES;

  const candidates = input.candidates.filter((c) => c.archived !== true);
  const managerOf = new Map(candidates.map((c) => [c.id, c.manager]));
  const managerNames = [...new Set(candidates.map((c) => c.manager))].sort(compareNames);
  const candidatesOf = new Map<string, CandidateRef[]>(managerNames.map((m) => [m, []]));
  for (const c of candidates) candidatesOf.get(c.manager)?.push(c);

  // Ratings: per manager tallies, and per rated candidate the mean score at its target level.
  const tallies = new Map<string, RatingTally>(managerNames.map((m) => [m, emptyTally()]));
  const total = emptyTally();
  const scores = new Map<string, { levelId: string; sum: number; n: number }>();
  const rowsOfKnown = input.coverage.filter((r) => managerOf.has(r.candidateId));
  for (const row of rowsOfKnown) {
    const tally = tallies.get(managerOf.get(row.candidateId) as string) as RatingTally;
    if (row.rating === null) {
      tally.unassessed++;
      total.unassessed++;
      continue;
    }
    tally[row.rating]++;
    total[row.rating]++;
    if (row.rating === 'consistently' && !row.sustained) {
      tally.unbacked++;
      total.unbacked++;
    }
    let s = scores.get(row.candidateId);
    if (!s) scores.set(row.candidateId, (s = { levelId: row.targetLevelId, sum: 0, n: 0 }));
    s.sum += RATING_SCORE[row.rating];
    s.n++;
  }
  // In candidate order (already a fixed order), so the model's sums are reproducible.
  const observations: LeniencyObservation[] = [];
  for (const c of candidates) {
    const s = scores.get(c.id);
    if (s) observations.push({ manager: c.manager, levelId: s.levelId, score: s.sum / s.n });
  }
  const ratedOf = new Map<string, number>();
  for (const o of observations) ratedOf.set(o.manager, (ratedOf.get(o.manager) ?? 0) + 1);
  const model = fitLeniencyModel(observations);
  const tested = model.ok ? model.effects.filter((e) => e.n >= minCandidates) : [];
  const adjusted = holmAdjust(tested.map((e) => e.p));
  const pAdjustedOf = new Map(tested.map((e, i) => [e.manager, adjusted[i] as number]));

  const reviewed = reviewedPacketByCandidate((input.packets ?? []).filter((p) => managerOf.has(p.candidateId)));
  // A reopened revision the session still reviews is the manager's recommendation as submitted.
  const statusOf = (id: string): 'submitted' | 'draft' | undefined => {
    const p = reviewed.get(id);
    return p === undefined ? undefined : wasSubmitted(p) ? 'submitted' : 'draft';
  };
  const decisions = latestDecisions(input.decisions ?? []);
  const readiness = readinessByCandidate(rowsOfKnown);

  const recTotal = { candidates: 0, promote: 0, draft: 0 };
  const outcomesTotal = emptyOutcomeCounts();
  for (const c of candidates) {
    recTotal.candidates++;
    const status = statusOf(c.id);
    if (status === 'submitted') recTotal.promote++;
    else if (status === 'draft') recTotal.draft++;
    const d = decisions.get(c.id);
    if (d) outcomesTotal[d.outcome]++;
  }

  const managers = managerNames.map((m): ManagerStats => {
    const own = candidatesOf.get(m) ?? [];
    const tally = tallies.get(m) as RatingTally;
    const others: RatingTally = {
      'not-yet': total['not-yet'] - tally['not-yet'],
      partially: total.partially - tally.partially,
      consistently: total.consistently - tally.consistently,
      unassessed: total.unassessed - tally.unassessed,
      unbacked: total.unbacked - tally.unbacked,
    };

    let promote = 0;
    let draft = 0;
    const outcomes = emptyOutcomeCounts();
    const ps: PromotedShareInputs = { submitted: 0, decided: 0, promoted: 0, deferred: 0, undecided: 0 };
    const readinessShares: number[] = [];
    let promoted = 0;
    for (const c of own) {
      const status = statusOf(c.id);
      if (status === 'submitted') promote++;
      else if (status === 'draft') draft++;
      const d = decisions.get(c.id);
      if (status === 'submitted') {
        ps.submitted++;
        if (!d) ps.undecided++;
        else if (d.outcome === 'defer') ps.deferred++;
        else {
          ps.decided++;
          if (isPromotionOutcome(d.outcome)) ps.promoted++;
        }
      }
      if (!d) continue;
      outcomes[d.outcome]++;
      const r = readiness.get(c.id);
      if (r && d.outcome !== 'defer') {
        readinessShares.push(r.share);
        if (isPromotionOutcome(d.outcome)) promoted++;
      }
    }
    const othersOutcomes = emptyOutcomeCounts();
    for (const o of Object.keys(outcomes) as Outcome[]) othersOutcomes[o] = outcomesTotal[o] - outcomes[o];

    const psValue = ps.decided === 0 ? null : ps.promoted / ps.decided;
    const promotedShare: ManagerStats['promotedShare'] = {
      value: psValue,
      rule:
        'Promoted share = of the manager’s submitted packets with a final outcome, the share the committee promoted (Promote or Promote to another level). ' +
        'Deferred and undecided candidates are counted apart, not as “not promoted”.' +
        (psValue === null
          ? ' None yet: no submitted packet has a final outcome.'
          : ` Here: ${ps.promoted} of ${ps.decided} = ${formatPercent(psValue)}.`) +
        (ps.deferred + ps.undecided > 0 ? ` ${ps.deferred} deferred, ${ps.undecided} undecided.` : ''),
      inputs: ps,
    };

    const evValue = tally.consistently === 0 ? null : tally.unbacked / tally.consistently;
    const evOthers = others.consistently === 0 ? null : others.unbacked / others.consistently;
    const evidence: ManagerStats['evidence'] = {
      value: evValue,
      others: evOthers,
      rule:
        'Unbacked “consistently” = of the manager’s “consistently” ratings, the share whose criterion has no sustained evidence (dated evidence in fewer than the required quarters).' +
        (evValue === null ? ' None: this manager has given no “consistently” rating.' : ` Here: ${tally.unbacked} of ${tally.consistently} = ${formatPercent(evValue)}`) +
        (evValue === null ? '' : evOthers === null ? '; other managers gave none.' : `; other managers ${others.unbacked} of ${others.consistently} = ${formatPercent(evOthers)}.`),
      inputs: { consistently: tally.consistently, withoutSustained: tally.unbacked, othersConsistently: others.consistently, othersWithoutSustained: others.unbacked },
    };

    const n = readinessShares.length;
    const meanReadiness = n === 0 ? 0 : readinessShares.reduce((s, x) => s + x, 0) / n;
    const promotedRate = n === 0 ? 0 : promoted / n;
    const readinessVsOutcome: ManagerStats['readinessVsOutcome'] = {
      value: n === 0 ? null : { meanReadiness, promotedShare: promotedRate, gap: meanReadiness - promotedRate },
      rule:
        'Mean readiness share of the manager’s candidates with a final outcome against the share the committee promoted (Promote or Promote to another level; Defer left out); gap = readiness − promoted.' +
        (n === 0
          ? ' Not available: no candidate with a final outcome and a packet.'
          : ` Here: ${formatPercent(meanReadiness)} readiness vs ${promoted} of ${n} promoted (${formatPercent(promotedRate)}), gap ${formatSigned(meanReadiness - promotedRate)}.` +
            // A trial read "−0.57" as "the committee over-promoted by 57 points": it sets an average share of criteria against a share of people.
            ` A prompt to look, not a measure of over- or under-promotion: it sets an average share of criteria ready against a share of people${n < 5 ? `, and with ${n} ${n === 1 ? 'candidate' : 'candidates'} one decision moves it by ${(1 / n).toFixed(2)}` : ''}.`),
      inputs: { candidates: n, readinessShares, promoted },
    };

    return {
      manager: m,
      candidateIds: own.map((c) => c.id),
      assessments: { own: ratingCounts(tally), others: ratingCounts(others) },
      recommendations: {
        own: recommendationCounts(own.length, promote, draft),
        others: recommendationCounts(recTotal.candidates - own.length, recTotal.promote - promote, recTotal.draft - draft),
      },
      outcomes: { own: outcomes, others: othersOutcomes },
      leniency: leniencyFigure(model, m, ratedOf.get(m) ?? 0, pAdjustedOf.get(m) ?? null, threshold, minCandidates),
      promotedShare,
      evidence,
      readinessVsOutcome,
    };
  });

  return { managers, observations, model, flagRule: leniencyFlagRule(threshold, minCandidates) };
}

/**
 * Chart series for a stacked bar per manager: the shares of their rated
 * criteria by rating, with "Everyone else" as the last bar.
 */
export function assessmentSeries(stats: ManagerStats): { who: string; rated: number; 'not-yet': number; partially: number; consistently: number }[] {
  const bar = (who: string, c: RatingCounts) => ({ who, rated: c.rated, ...Object.fromEntries(RATINGS.map((r) => [r, c.shares[r]])) }) as {
    who: string;
    rated: number;
    'not-yet': number;
    partially: number;
    consistently: number;
  };
  return [bar(stats.manager, stats.assessments.own), bar('Everyone else', stats.assessments.others)];
}
