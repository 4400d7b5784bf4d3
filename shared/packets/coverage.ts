/**
 * Per-criterion coverage of a promotion packet.
 *
 * The seeds' rule: promotion confirms what is already true, so the candidate
 * must operate at the target level consistently, for two to three quarters;
 * doing it once is not enough. Here that becomes "sustained": evidence for a
 * criterion dated in at least SUSTAINED_MIN_QUARTERS distinct calendar
 * quarters inside the cycle's evidence window. What counts as ready, and the
 * readiness figure, are in shared/rules/readiness.ts.
 *
 * Built for big cycles (hundreds of candidates, tens of thousands of evidence
 * items): evidence is sorted once and bucketed by criterion in one pass, so a
 * packet costs O(E log E + C) rather than a scan of all evidence per
 * criterion. `coverageRows` flattens the result into one row per criterion,
 * keyed by cycle, target level, manager and criterion, for storage beside the
 * packet so calibration views can query aggregates without rescanning evidence.
 */
import type { Candidate } from '../domain/candidate';
import type { Evidence } from '../domain/evidence';
import type { Criterion, Framework } from '../domain/framework';
import type { AssessmentRating, Packet } from '../domain/packet';
import { SUSTAINED_MIN_QUARTERS } from '../rules/readiness';
import { isRealDate, quarterKey } from '../util/dates';
import { packetEvidence } from './snapshot';
import { andList } from '../util/plural';

// The readiness rule lives in shared/rules/readiness.ts; re-exported for the modules that read it with coverage.
export { readiness, readinessRule, SUSTAINED_MIN_QUARTERS, type Readiness } from '../rules/readiness';

/** The cycle's evidence window; both ends are inclusive ISO dates (`YYYY-MM-DD`). */
export interface EvidenceWindow {
  from: string;
  to: string;
}

/**
 * Why a criterion is a gap. A criterion is a gap exactly when it does not
 * count towards readiness, so "no gaps" and 100% readiness say the same:
 * - `no-evidence`: nothing is linked to it at all;
 * - `no-evidence-in-window`: evidence is linked, but none is dated inside the window;
 * - `not-sustained`: evidence inside the window, but in fewer than SUSTAINED_MIN_QUARTERS quarters;
 * - `not-yet`: the manager assessed it "not yet";
 * - `partially`: the manager assessed it "partially";
 * - `unassessed`: the manager has not assessed it.
 */
export const GAP_REASONS = ['no-evidence', 'no-evidence-in-window', 'not-sustained', 'not-yet', 'partially', 'unassessed'] as const;
export type GapReason = (typeof GAP_REASONS)[number];

export interface CriterionCoverage {
  criterion: Criterion;
  /** Every evidence item linked to the criterion (inside the window or not), oldest first. */
  evidence: Evidence[];
  evidenceInWindow: number;
  /** Distinct quarter keys ("2026-Q1") of the evidence inside the window, sorted. */
  quarters: string[];
  /** At least SUSTAINED_MIN_QUARTERS distinct quarters inside the window. */
  sustained: boolean;
  /** The manager's assessment, or null when not assessed. */
  rating: AssessmentRating | null;
  gap: boolean;
  /** The first of `gapReasons` (evidence before assessment), or null when not a gap. */
  gapReason: GapReason | null;
  /** Every reason that applies, in the order evidence, then assessment. */
  gapReasons: GapReason[];
}

/** Where a criterion stands on "sustained", as the candidate page and the packet both say it. */
export interface SustainedStatus {
  kind: 'sustained' | 'no-evidence' | 'none-in-window' | 'too-few-quarters';
  /** "✓", "○", "✕" or "◔": shown beside the words, hidden from screen readers (the words say it). */
  symbol: string;
  text: string;
}

/**
 * The one wording of a criterion's sustained status. Evidence linked but all
 * dated outside the window is "No evidence in the window", not "Not yet"
 * (the candidate page said "Not yet" where the packet said "No evidence in
 * the window", for the same criterion).
 */
export function sustainedStatus(c: Pick<CriterionCoverage, 'evidence' | 'quarters' | 'sustained'>): SustainedStatus {
  const n = c.quarters.length;
  const quarters = `${n} ${n === 1 ? 'quarter' : 'quarters'}`;
  if (c.sustained) return { kind: 'sustained', symbol: '✓', text: `Sustained · ${quarters}` };
  if (c.evidence.length === 0) return { kind: 'no-evidence', symbol: '○', text: 'No evidence' };
  if (n === 0) return { kind: 'none-in-window', symbol: '✕', text: 'No evidence in the window' };
  return { kind: 'too-few-quarters', symbol: '◔', text: `${quarters} — needs ${SUSTAINED_MIN_QUARTERS}` };
}

/**
 * What coverage is computed for: a packet (its target level and assessments)
 * or just a target level with assessments, e.g. while a packet is being built.
 */
export interface CoverageSubject {
  targetLevelId: string | null;
  assessments?: Packet['assessments'];
}

/** Inclusive on both ends; ISO dates compare correctly as strings. A date that is not a real calendar day (month 00, 30 February) is never inside. */
export function isInWindow(date: string, window: EvidenceWindow): boolean {
  return isRealDate(date) && date >= window.from && date <= window.to;
}

function byDateThenId(a: Evidence, b: Evidence): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Coverage of each criterion of the subject's target level, in the
 * framework's order. Evidence linked only to other levels' criteria is
 * ignored; an item linked twice to the same criterion counts once. With no
 * target level (or one the framework does not know) the result is empty.
 */
export function criterionCoverage(
  framework: Pick<Framework, 'criteria'>,
  subject: CoverageSubject,
  evidence: readonly Evidence[],
  window: EvidenceWindow,
): CriterionCoverage[] {
  const levelId = subject.targetLevelId;
  if (levelId === null) return [];
  const criteria = framework.criteria.filter((c) => c.levelId === levelId);
  if (criteria.length === 0) return [];

  // One bucket per target criterion; evidence sorted once so every bucket is already in date order.
  const buckets = new Map<string, Evidence[]>();
  for (const c of criteria) buckets.set(c.id, []);
  const sorted = [...evidence].sort(byDateThenId);
  for (const item of sorted) {
    for (const criterionId of item.criterionIds) {
      const bucket = buckets.get(criterionId);
      // A duplicate link within one item lands right after itself in the bucket.
      if (bucket && bucket[bucket.length - 1] !== item) bucket.push(item);
    }
  }

  const assessments = subject.assessments ?? {};
  return criteria.map((criterion) => {
    const linked = buckets.get(criterion.id) ?? [];
    let inWindow = 0;
    const quarters: string[] = [];
    for (const item of linked) {
      if (!isInWindow(item.date, window)) continue;
      inWindow++;
      // Sorted by date, so equal quarter keys are adjacent and the list stays sorted.
      const key = quarterKey(item.date);
      if (key !== null && quarters[quarters.length - 1] !== key) quarters.push(key);
    }
    const rating = Object.prototype.hasOwnProperty.call(assessments, criterion.id) ? (assessments[criterion.id]?.rating ?? null) : null;
    const gapReasons: GapReason[] = [];
    if (linked.length === 0) gapReasons.push('no-evidence');
    else if (inWindow === 0) gapReasons.push('no-evidence-in-window');
    else if (quarters.length < SUSTAINED_MIN_QUARTERS) gapReasons.push('not-sustained');
    if (rating === null) gapReasons.push('unassessed');
    else if (rating === 'not-yet') gapReasons.push('not-yet');
    else if (rating === 'partially') gapReasons.push('partially');
    return {
      criterion,
      evidence: linked,
      evidenceInWindow: inWindow,
      quarters,
      sustained: quarters.length >= SUSTAINED_MIN_QUARTERS,
      rating,
      gap: gapReasons.length > 0,
      gapReason: gapReasons[0] ?? null,
      gapReasons,
    };
  });
}

/**
 * The criteria count and the gaps by number, as the builder's heading says
 * them: "6 criteria, no gaps", "6 criteria, 1 with a gap (criterion 3)",
 * "6 criteria, 2 with gaps (criteria 3 and 5)". Numbers follow the
 * framework order, as the criteria table numbers its rows.
 */
export function gapSummary(coverage: readonly Pick<CriterionCoverage, 'gap'>[]): string {
  const numbers = coverage.flatMap((c, i) => (c.gap ? [i + 1] : []));
  const head = `${coverage.length} ${coverage.length === 1 ? 'criterion' : 'criteria'}`;
  if (numbers.length === 0) return `${head}, no gaps`;
  if (numbers.length === 1) return `${head}, 1 with a gap (criterion ${numbers[0]})`;
  return `${head}, ${numbers.length} with gaps (criteria ${andList(numbers.map(String))})`;
}

/**
 * One stored aggregate per packet and criterion. The id is stable
 * (`<packetId>:<criterionId>`) so rewriting a packet's rows replaces them.
 */
export interface CriterionCoverageRow {
  id: string;
  packetId: string;
  candidateId: string;
  cycleId: string;
  targetLevelId: string;
  manager: string;
  criterionId: string;
  rating: AssessmentRating | null;
  evidenceCount: number;
  evidenceInWindow: number;
  quarters: string[];
  sustained: boolean;
  gap: boolean;
  gapReasons: GapReason[];
  /** Latest evidence date inside the window, or null. */
  lastEvidenceDate: string | null;
}

/**
 * Flattens a packet's coverage into rows a database can index by cycle,
 * target level, manager and criterion (e.g. a heatmap of one level's
 * criteria across a cycle, or one manager's ratings for a criterion).
 */
export function coverageRows(
  packet: Pick<Packet, 'id' | 'candidateId' | 'cycleId' | 'targetLevelId'>,
  candidate: Pick<Candidate, 'manager'>,
  coverage: readonly CriterionCoverage[],
  window: EvidenceWindow,
): CriterionCoverageRow[] {
  const targetLevelId = packet.targetLevelId;
  if (targetLevelId === null) return [];
  return coverage.map((c) => {
    let last: string | null = null;
    for (const item of c.evidence) if (isInWindow(item.date, window)) last = item.date;
    return {
      id: `${packet.id}:${c.criterion.id}`,
      packetId: packet.id,
      candidateId: packet.candidateId,
      cycleId: packet.cycleId,
      targetLevelId,
      manager: candidate.manager,
      criterionId: c.criterion.id,
      rating: c.rating,
      evidenceCount: c.evidence.length,
      evidenceInWindow: c.evidenceInWindow,
      quarters: [...c.quarters],
      sustained: c.sustained,
      gap: c.gap,
      gapReasons: [...c.gapReasons],
      lastEvidenceDate: last,
    };
  });
}

/**
 * One packet's coverage rows as the committee judges it: against the evidence frozen in its snapshot once
 * submitted, the live evidence while a draft (packetEvidence). The write path stores these for each candidate's
 * current packet; a session computes them for the revision it reviews when that is not the current one, and its
 * frozen record for the packets it keeps.
 */
export function packetCoverageRows(
  framework: Pick<Framework, 'criteria'>,
  packet: Pick<Packet, 'id' | 'candidateId' | 'cycleId' | 'targetLevelId' | 'assessments' | 'snapshot'>,
  candidate: Pick<Candidate, 'manager'>,
  liveEvidence: readonly Evidence[],
  window: EvidenceWindow,
): CriterionCoverageRow[] {
  return coverageRows(packet, candidate, criterionCoverage(framework, packet, packetEvidence(packet, liveEvidence), window), window);
}
