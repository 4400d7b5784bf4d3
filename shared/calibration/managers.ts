/**
 * Distributions by manager and a leniency measure: where managers rate
 * differently (the seeds: "different managers apply wildly different
 * standards"), so the committee compares candidates against the criteria
 * rather than against their managers' enthusiasm.
 *
 * Definitions (each figure returns its rule sentence and its inputs):
 *
 * - Rating score: not yet = 0, partially = 0.5, consistently = 1; criteria
 *   the manager has not assessed have no score and are left out.
 * - A manager's candidates: the non-archived candidates whose `manager` is
 *   that manager; their ratings are the coverage rows of their packets.
 * - Leniency of manager M: for each target level L where M rated at least
 *   one criterion and at least one other manager did too,
 *     d(L) = mean score of M's ratings at L − mean score of all other
 *            managers' ratings at L (their rows pooled),
 *   weighted by w(L) = the number of M's candidates rated at L:
 *     leniency(M) = Σ w(L)·d(L) ÷ Σ w(L).
 *   Comparing level by level means a manager whose candidates aim at
 *   harder levels is not called harsh for that (direct standardisation).
 *   Null when no level can be compared.
 * - Flag: flagged when |leniency| ≥ 0.15 AND |leniency − median| >
 *   1.5 × MAD, the median and the median absolute deviation being taken
 *   over every manager with a leniency figure. With fewer than 3 such
 *   managers the spread cannot be estimated and only the 0.15 threshold
 *   applies. Direction: positive = lenient, negative = strict.
 * - Recommendation: a submitted packet (the candidate's current revision,
 *   i.e. the highest non-superseded one) is a recommendation to promote to
 *   its target level. A draft or no packet makes no recommendation.
 * - Agreement rate: among the manager's candidates with a recommendation
 *   and a committee decision, the share whose outcome matches it, i.e. is
 *   "promote". Promote to another level, Not yet and Defer do not match.
 * - Readiness vs outcome: over the manager's decided candidates with
 *   coverage rows, mean readiness share against the share decided
 *   "promote" (promote = 1, anything else = 0); gap = readiness − promoted.
 *   A large positive gap means the packets read readier than the committee
 *   found them.
 */
import type { Level } from '../domain/framework';
import type { AssessmentRating, Packet } from '../domain/packet';
import type { Outcome } from '../domain/session';
import type { CriterionCoverageRow } from '../packets/coverage';
import { currentPacketByCandidate } from '../rules/current-packet';
import {
  RATING_SCORE,
  compareNames,
  emptyOutcomeCounts,
  formatPercent,
  formatRatio,
  formatSigned,
  latestDecisions,
  median,
  readinessByCandidate,
  type CandidateRef,
  type DecisionRef,
  type Explained,
  type OutcomeCounts,
} from './common';

export const LENIENCY_THRESHOLD = 0.15;
export const LENIENCY_MAD_MULTIPLIER = 1.5;
export const LENIENCY_MIN_MANAGERS_FOR_SPREAD = 3;

export interface LeniencyFlagOptions {
  threshold?: number;
  madMultiplier?: number;
  minManagersForSpread?: number;
}

export interface ManagerCalibrationInput {
  candidates: readonly CandidateRef[];
  coverage: readonly Pick<CriterionCoverageRow, 'candidateId' | 'targetLevelId' | 'rating' | 'sustained'>[];
  packets?: readonly Pick<Packet, 'candidateId' | 'status' | 'revision'>[];
  decisions?: readonly DecisionRef[];
  /** For level codes in the rule sentences; ids are shown otherwise. */
  framework?: { levels: readonly Pick<Level, 'id' | 'code'>[] };
  options?: LeniencyFlagOptions;
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

export interface LeniencyLevel {
  levelId: string;
  /** w(L): the manager's candidates rated at this level. */
  weight: number;
  ownMean: number;
  ownRatings: number;
  othersMean: number;
  othersRatings: number;
  difference: number;
}

export interface LeniencyInputs {
  levels: LeniencyLevel[];
  /** Levels where only this manager rated, left out of the comparison. */
  levelsWithoutComparison: string[];
  weightTotal: number;
}

export interface AgreementInputs {
  /** Candidates with a committee decision. */
  decided: number;
  /** Decided candidates whose packet was submitted (a recommendation to promote). */
  withRecommendation: number;
  /** …of which the outcome was "promote". */
  matched: number;
}

export interface ReadinessVsOutcomeInputs {
  /** Decided candidates with coverage rows. */
  candidates: number;
  readinessShares: number[];
  promoted: number;
}

export interface LeniencyFlagInputs {
  leniency: number | null;
  threshold: number;
  madMultiplier: number;
  median: number | null;
  mad: number | null;
  managersCompared: number;
  spreadApplied: boolean;
  distanceFromMedian: number | null;
  beyondThreshold: boolean;
  beyondSpread: boolean;
}

export interface ManagerStats {
  manager: string;
  candidateIds: string[];
  assessments: { own: RatingCounts; others: RatingCounts };
  recommendations: { own: RecommendationCounts; others: RecommendationCounts };
  /** Committee outcomes of decided candidates. */
  outcomes: { own: OutcomeCounts; others: OutcomeCounts };
  leniency: Explained<LeniencyInputs> & { value: number | null };
  agreement: Explained<AgreementInputs> & { value: number | null };
  readinessVsOutcome: Explained<ReadinessVsOutcomeInputs> & { value: { meanReadiness: number; promotedShare: number; gap: number } | null };
  flag: Explained<LeniencyFlagInputs> & { flagged: boolean; direction: 'lenient' | 'strict' | null };
}

export interface ManagerCalibration {
  /** Sorted by manager name. */
  managers: ManagerStats[];
  spread: { median: number | null; mad: number | null; managersCompared: number };
  /** The flag rule, for a legend. */
  flagRule: string;
}

const RATINGS: readonly AssessmentRating[] = ['not-yet', 'partially', 'consistently'];

interface RatingTally {
  'not-yet': number;
  partially: number;
  consistently: number;
  unassessed: number;
}

function ratingCounts(t: RatingTally): RatingCounts {
  const rated = t['not-yet'] + t.partially + t.consistently;
  const share = (n: number): number => (rated === 0 ? 0 : n / rated);
  return {
    ...t,
    rated,
    shares: { 'not-yet': share(t['not-yet']), partially: share(t.partially), consistently: share(t.consistently) },
  };
}

function recommendationCounts(candidates: number, promote: number, draft: number): RecommendationCounts {
  return { candidates, promote, draft, noPacket: candidates - promote - draft, promoteShare: candidates === 0 ? 0 : promote / candidates };
}

/** The flag rule with its parameters, as shown in the legend. */
export function leniencyFlagRule(threshold: number, madMultiplier: number, minManagers: number): string {
  return (
    `Flagged when |leniency| ≥ ${threshold} and the leniency lies more than ${madMultiplier} × the median absolute deviation (MAD) ` +
    `from the median leniency of all managers; with fewer than ${minManagers} managers compared, only the ${threshold} threshold applies.`
  );
}

const LENIENCY_RULE =
  'Leniency = the manager’s mean rating score minus the other managers’ mean at the same target level (not yet = 0, partially = 0.5, consistently = 1; unassessed criteria left out), ' +
  'averaged over levels weighted by the manager’s candidates at each level, so the mix of levels does not bias it.';

export function managerCalibration(input: ManagerCalibrationInput): ManagerCalibration {
  const threshold = input.options?.threshold ?? LENIENCY_THRESHOLD;
  const madMultiplier = input.options?.madMultiplier ?? LENIENCY_MAD_MULTIPLIER;
  const minManagers = input.options?.minManagersForSpread ?? LENIENCY_MIN_MANAGERS_FOR_SPREAD;
  const levelCode = new Map((input.framework?.levels ?? []).map((l) => [l.id, l.code]));
  const codeOf = (levelId: string): string => levelCode.get(levelId) ?? levelId;

  const candidates = input.candidates.filter((c) => c.archived !== true);
  const managerOf = new Map(candidates.map((c) => [c.id, c.manager]));
  const managerNames = [...new Set(candidates.map((c) => c.manager))].sort(compareNames);
  const candidatesOf = new Map<string, CandidateRef[]>(managerNames.map((m) => [m, []]));
  for (const c of candidates) candidatesOf.get(c.manager)?.push(c);

  // Ratings: per manager tallies, per (manager, level) and per level sums.
  const tallies = new Map<string, RatingTally>();
  const total: RatingTally = { 'not-yet': 0, partially: 0, consistently: 0, unassessed: 0 };
  interface LevelSum {
    sum: number;
    n: number;
    candidates: Set<string>;
  }
  const byManagerLevel = new Map<string, Map<string, LevelSum>>();
  const byLevel = new Map<string, { sum: number; n: number }>();
  for (const m of managerNames) {
    tallies.set(m, { 'not-yet': 0, partially: 0, consistently: 0, unassessed: 0 });
    byManagerLevel.set(m, new Map());
  }
  const rowsOfKnown = input.coverage.filter((r) => managerOf.has(r.candidateId));
  for (const row of rowsOfKnown) {
    const m = managerOf.get(row.candidateId) as string;
    const tally = tallies.get(m) as RatingTally;
    if (row.rating === null) {
      tally.unassessed++;
      total.unassessed++;
      continue;
    }
    tally[row.rating]++;
    total[row.rating]++;
    const score = RATING_SCORE[row.rating];
    const levels = byManagerLevel.get(m) as Map<string, LevelSum>;
    let own = levels.get(row.targetLevelId);
    if (!own) levels.set(row.targetLevelId, (own = { sum: 0, n: 0, candidates: new Set() }));
    own.sum += score;
    own.n++;
    own.candidates.add(row.candidateId);
    let all = byLevel.get(row.targetLevelId);
    if (!all) byLevel.set(row.targetLevelId, (all = { sum: 0, n: 0 }));
    all.sum += score;
    all.n++;
  }

  // Recommendations from each candidate's current packet.
  const current = currentPacketByCandidate((input.packets ?? []).filter((p) => managerOf.has(p.candidateId)));
  const decisions = latestDecisions(input.decisions ?? []);
  const readiness = readinessByCandidate(rowsOfKnown);

  const recTotal = { candidates: 0, promote: 0, draft: 0 };
  const outcomesTotal = emptyOutcomeCounts();
  for (const c of candidates) {
    recTotal.candidates++;
    const status = current.get(c.id)?.status;
    if (status === 'submitted') recTotal.promote++;
    else if (status === 'draft') recTotal.draft++;
    const d = decisions.get(c.id);
    if (d) outcomesTotal[d.outcome]++;
  }

  // First pass: leniency of every manager (the flag needs all of them).
  const leniencies = new Map<string, ManagerStats['leniency']>();
  for (const m of managerNames) {
    const levels: LeniencyLevel[] = [];
    const without: string[] = [];
    for (const [levelId, own] of [...(byManagerLevel.get(m) as Map<string, LevelSum>)].sort((a, b) => compareNames(a[0], b[0]))) {
      const all = byLevel.get(levelId) as { sum: number; n: number };
      const othersN = all.n - own.n;
      if (othersN === 0) {
        without.push(levelId);
        continue;
      }
      const ownMean = own.sum / own.n;
      const othersMean = (all.sum - own.sum) / othersN;
      levels.push({ levelId, weight: own.candidates.size, ownMean, ownRatings: own.n, othersMean, othersRatings: othersN, difference: ownMean - othersMean });
    }
    const weightTotal = levels.reduce((s, l) => s + l.weight, 0);
    const value = weightTotal === 0 ? null : levels.reduce((s, l) => s + l.weight * l.difference, 0) / weightTotal;
    const detail =
      value === null
        ? ' No leniency: no target level where both this manager and another manager rated criteria.'
        : ` Here: ${levels
            .map((l) => `${codeOf(l.levelId)} (${l.weight} ${l.weight === 1 ? 'candidate' : 'candidates'}): ${formatRatio(l.ownMean)} − ${formatRatio(l.othersMean)} = ${formatSigned(l.difference)}`)
            .join('; ')} → ${formatSigned(value)}.`;
    leniencies.set(m, { value, rule: LENIENCY_RULE + detail, inputs: { levels, levelsWithoutComparison: without, weightTotal } });
  }

  const values = [...leniencies.values()].map((l) => l.value).filter((v): v is number => v !== null);
  const med = median(values);
  const mad = med === null ? null : median(values.map((v) => Math.abs(v - med)));
  const spreadApplied = values.length >= minManagers;
  const flagRule = leniencyFlagRule(threshold, madMultiplier, minManagers);

  const managers = managerNames.map((m): ManagerStats => {
    const own = candidatesOf.get(m) ?? [];
    const tally = tallies.get(m) as RatingTally;
    const others: RatingTally = {
      'not-yet': total['not-yet'] - tally['not-yet'],
      partially: total.partially - tally.partially,
      consistently: total.consistently - tally.consistently,
      unassessed: total.unassessed - tally.unassessed,
    };

    let promote = 0;
    let draft = 0;
    const outcomes = emptyOutcomeCounts();
    let decided = 0;
    let withRecommendation = 0;
    let matched = 0;
    const readinessShares: number[] = [];
    let promoted = 0;
    for (const c of own) {
      const status = current.get(c.id)?.status;
      if (status === 'submitted') promote++;
      else if (status === 'draft') draft++;
      const d = decisions.get(c.id);
      if (!d) continue;
      decided++;
      outcomes[d.outcome]++;
      if (status === 'submitted') {
        withRecommendation++;
        if (d.outcome === 'promote') matched++;
      }
      const r = readiness.get(c.id);
      if (r) {
        readinessShares.push(r.share);
        if (d.outcome === 'promote') promoted++;
      }
    }
    const othersOutcomes = emptyOutcomeCounts();
    for (const o of Object.keys(outcomes) as Outcome[]) othersOutcomes[o] = outcomesTotal[o] - outcomes[o];

    const agreementValue = withRecommendation === 0 ? null : matched / withRecommendation;
    const agreement: ManagerStats['agreement'] = {
      value: agreementValue,
      rule:
        'Agreement = decided candidates whose committee outcome matched the manager’s recommendation ÷ decided candidates with a recommendation. ' +
        'A submitted packet is a recommendation to promote to its target level, so only “Promote” matches; a draft makes no recommendation.' +
        (agreementValue === null ? ' No agreement rate: no decided candidate with a submitted packet.' : ` Here: ${matched} of ${withRecommendation} = ${formatPercent(agreementValue)}.`),
      inputs: { decided, withRecommendation, matched },
    };

    const n = readinessShares.length;
    const meanReadiness = n === 0 ? 0 : readinessShares.reduce((s, x) => s + x, 0) / n;
    const promotedShare = n === 0 ? 0 : promoted / n;
    const readinessVsOutcome: ManagerStats['readinessVsOutcome'] = {
      value: n === 0 ? null : { meanReadiness, promotedShare, gap: meanReadiness - promotedShare },
      rule:
        'Mean readiness share of the manager’s decided candidates against the share the committee promoted to the target level (Promote = 1, any other outcome = 0); gap = readiness − promoted.' +
        (n === 0
          ? ' Not available: no decided candidate with a packet.'
          : ` Here: ${formatPercent(meanReadiness)} readiness vs ${promoted} of ${n} promoted (${formatPercent(promotedShare)}), gap ${formatSigned(meanReadiness - promotedShare)}.`),
      inputs: { candidates: n, readinessShares, promoted },
    };

    const leniency = leniencies.get(m) as ManagerStats['leniency'];
    const l = leniency.value;
    const distance = l === null || med === null ? null : Math.abs(l - med);
    const beyondThreshold = l !== null && Math.abs(l) >= threshold;
    const beyondSpread = !spreadApplied || (distance !== null && mad !== null && distance > madMultiplier * mad);
    const flagged = l !== null && beyondThreshold && beyondSpread;
    const flagDetail =
      l === null
        ? ' Not flagged: no leniency figure.'
        : ` Here: |${formatSigned(l)}| ${beyondThreshold ? '≥' : '<'} ${threshold}` +
          (spreadApplied
            ? `; distance from the median ${formatRatio(distance ?? 0)} ${beyondSpread ? '>' : '≤'} ${madMultiplier} × ${formatRatio(mad ?? 0)} = ${formatRatio(madMultiplier * (mad ?? 0))} (${values.length} managers)`
            : `; ${values.length} managers compared, so the spread test does not apply`) +
          ` → ${flagged ? 'flagged' : 'not flagged'}.`;
    const flag: ManagerStats['flag'] = {
      flagged,
      direction: flagged ? ((l as number) > 0 ? 'lenient' : 'strict') : null,
      rule: flagRule + flagDetail,
      inputs: {
        leniency: l,
        threshold,
        madMultiplier,
        median: med,
        mad,
        managersCompared: values.length,
        spreadApplied,
        distanceFromMedian: distance,
        beyondThreshold,
        beyondSpread: l !== null && beyondSpread,
      },
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
      leniency,
      agreement,
      readinessVsOutcome,
      flag,
    };
  });

  return { managers, spread: { median: med, mad, managersCompared: values.length }, flagRule };
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
