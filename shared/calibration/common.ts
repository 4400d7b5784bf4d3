/**
 * Small pieces every calibration view shares: the order and score of the
 * manager's ratings, the latest decision per candidate, readiness from the
 * stored coverage rows, a deterministic name order and number formatting for
 * the "say why" sentences.
 *
 * Every computed figure in this folder travels with the sentence that states
 * its rule and the inputs it was computed from (UX: "Say why"), in the shape
 * of `Explained`.
 */
import type { Candidate } from '../domain/candidate';
import type { AssessmentRating } from '../domain/packet';
import type { Decision, Outcome } from '../domain/session';
import { latestDecisionByCandidate } from '../rules/latest-decision';
import { isPromotionOutcome } from '../rules/promotion-outcome';
import { readinessByCandidate, type ReadinessFigure } from '../rules/readiness';

/** A figure's rule in one plain sentence and the numbers it was computed from. */
export interface Explained<TInputs = Record<string, unknown>> {
  rule: string;
  inputs: TInputs;
}

/** What the calibration functions need of a candidate. */
export type CandidateRef = Pick<Candidate, 'id' | 'manager'> &
  Partial<Pick<Candidate, 'name' | 'team' | 'currentLevelId' | 'targetLevelId' | 'groups' | 'archived'>>;

/** What the calibration functions need of a decision. */
export type DecisionRef = Pick<Decision, 'candidateId' | 'outcome'> & Partial<Pick<Decision, 'newLevelId' | 'decidedAt' | 'updatedAt' | 'id'>>;

/** Rank for sorting: consistently > partially > not yet > not assessed. */
export const RATING_RANK: Readonly<Record<AssessmentRating, number>> = { consistently: 3, partially: 2, 'not-yet': 1 };

export function ratingRank(rating: AssessmentRating | null): number {
  return rating === null ? 0 : RATING_RANK[rating];
}

/** Score for averages (leniency): not yet = 0, partially = 0.5, consistently = 1. Unassessed criteria have no score. */
export const RATING_SCORE: Readonly<Record<AssessmentRating, number>> = { 'not-yet': 0, partially: 0.5, consistently: 1 };

export const OUTCOMES: readonly Outcome[] = ['promote', 'not-yet', 'defer', 'promote-other'];

/** The words for each outcome, everywhere one is shown or exported (views, CSV, the decision book, the rules' explanations). */
export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  promote: 'Promote',
  'not-yet': 'Not yet',
  defer: 'Defer',
  'promote-other': 'Promote to another level',
};

export type OutcomeCounts = Record<Outcome, number>;

export function emptyOutcomeCounts(): OutcomeCounts {
  return { promote: 0, 'not-yet': 0, defer: 0, 'promote-other': 0 };
}

/** Promote and Promote to another level both move the candidate up: the shared rule in shared/rules/promotion-outcome.ts. */
export const isPromotion = isPromotionOutcome;

/** The decision that counts for each candidate: see shared/rules/latest-decision.ts. */
export const latestDecisions = latestDecisionByCandidate;

// Readiness from stored coverage rows: see shared/rules/readiness.ts.
export { readinessByCandidate, type ReadinessFigure };

const COLLATOR = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Name order that does not depend on the machine's locale: English
 * collation with numbers in numeric order ("K-2" before "K-17"), then code
 * units, so two names that collate equal still have a fixed order.
 */
export function compareNames(a: string, b: string): number {
  const c = COLLATOR.compare(a, b);
  if (c !== 0) return c;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 0.6 → "60%", 0.4167 → "41.7%". */
export function formatPercent(share: number): string {
  const pct = Math.round(share * 1000) / 10;
  return `${pct}%`;
}

/** Two decimals with an explicit sign: 0.125 → "+0.13", -0.5 → "−0.50". */
export function formatSigned(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  if (rounded === 0) return '0.00';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(2)}`;
}

/** Two decimals: 0.6667 → "0.67". */
export function formatRatio(value: number): string {
  return (Math.round(value * 100) / 100).toFixed(2);
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid] as number;
  return ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
