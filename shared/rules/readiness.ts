/**
 * Readiness: how much of the target level a candidate already shows. The
 * single home of this rule; the packet builder, the packets list, the
 * heatmap, side by side, the presenter, the decision book, fairness and the
 * manager view all call it, so no two places can count differently.
 *
 * The seeds' rule: promotion confirms what is already true, so the candidate
 * must operate at the target level consistently, for two to three quarters.
 * A criterion of the target level counts as ready when the manager assessed
 * it "consistently" AND its evidence is sustained (dated in at least
 * SUSTAINED_MIN_QUARTERS distinct quarters of the evidence window).
 * Readiness = ready criteria ÷ all criteria of the target level (the
 * framework's, not however many rows happen to be stored), 0 when the level
 * has none. The figure always travels with the sentence that states the rule.
 */
import type { AssessmentRating } from '../domain/packet';

/** Distinct quarters with evidence a criterion needs to count as sustained (the seeds: two to three quarters). */
export const SUSTAINED_MIN_QUARTERS = 2;

/** The rule in one sentence, without the figures (for table notes and legends). */
export const READINESS_RULE =
  `Readiness = criteria assessed “consistently” with evidence in at least ${SUSTAINED_MIN_QUARTERS} distinct quarters of the evidence window` +
  ' ÷ all criteria of the target level';

/** What the rule needs to know of one criterion. */
export interface ReadinessInput {
  rating: AssessmentRating | null;
  sustained: boolean;
}

/** Whether one criterion counts toward readiness. */
export function isReadyCriterion(c: ReadinessInput): boolean {
  return c.rating === 'consistently' && c.sustained;
}

export interface ReadinessFigure {
  /** Criteria assessed "consistently" and sustained. */
  ready: number;
  /** All criteria of the target level. */
  total: number;
  /** ready ÷ total, 0 when the level has no criteria. */
  share: number;
}

export interface Readiness extends ReadinessFigure {
  /** The rule and its inputs in one plain sentence, shown beside the figure. */
  rule: string;
  /** Which criteria counted, in the order given, so the UI can point at them. */
  readyCriterionIds: string[];
}

/** The sentence shown beside the readiness figure. */
export function readinessRule(ready: number, total: number): string {
  return `${READINESS_RULE} (${ready} of ${total})`;
}

/** "67% (2 of 3)", or "—" when the level has no criteria: how every view prints the figure. */
export function readinessText(figure: ReadinessFigure): string {
  return figure.total === 0 ? '—' : `${Math.round(figure.share * 100)}% (${figure.ready} of ${figure.total})`;
}

/**
 * Readiness over the criteria of the target level. `criterionIds` are those
 * criteria (the denominator); `stateOf` gives each one's rating and whether
 * it is sustained, or undefined when nothing is known (not ready).
 */
export function readinessOver(criterionIds: readonly string[], stateOf: (criterionId: string) => ReadinessInput | undefined): Readiness {
  const readyCriterionIds: string[] = [];
  for (const id of criterionIds) {
    const state = stateOf(id);
    if (state && isReadyCriterion(state)) readyCriterionIds.push(id);
  }
  const ready = readyCriterionIds.length;
  const total = criterionIds.length;
  return { ready, total, share: total === 0 ? 0 : ready / total, rule: readinessRule(ready, total), readyCriterionIds };
}

/** Readiness from a live coverage list (one entry per criterion of the target level, see shared/packets/coverage.ts). */
export function readiness(coverage: readonly (ReadinessInput & { criterion: { id: string } })[]): Readiness {
  const byId = new Map(coverage.map((c) => [c.criterion.id, c]));
  return readinessOver(
    coverage.map((c) => c.criterion.id),
    (id) => byId.get(id),
  );
}

/** A stored coverage row, as far as readiness needs it. */
export interface ReadinessRow extends ReadinessInput {
  candidateId: string;
  criterionId: string;
  targetLevelId: string;
}

/**
 * Readiness of one candidate from stored coverage rows: the target level's
 * criteria from the framework, each looked up in the candidate's rows for
 * that level. Rows of other candidates or other levels are ignored; a
 * criterion without a row is not ready. With no target level the figure is
 * 0 of 0.
 */
export function readinessFromRows(
  framework: { criteria: readonly { id: string; levelId: string }[] },
  candidate: { id: string; targetLevelId: string | null },
  rows: readonly ReadinessRow[],
): Readiness {
  const level = candidate.targetLevelId;
  const criterionIds = level === null ? [] : framework.criteria.filter((c) => c.levelId === level).map((c) => c.id);
  const mine = new Map<string, ReadinessRow>();
  for (const r of rows) if (r.candidateId === candidate.id && r.targetLevelId === level) mine.set(r.criterionId, r);
  return readinessOver(criterionIds, (id) => mine.get(id));
}

/**
 * Readiness per candidate straight from stored coverage rows, for the
 * aggregate views that have no framework at hand (fairness, managers). The
 * stored rows of a packet are exactly the criteria of its target level (one
 * row each, kept in step by the write path), so counting rows gives the same
 * denominator as `readinessFromRows`. Candidates without rows are absent.
 */
export function readinessByCandidate(rows: readonly Pick<ReadinessRow, 'candidateId' | 'rating' | 'sustained'>[]): Map<string, ReadinessFigure> {
  const counts = new Map<string, { ready: number; total: number }>();
  for (const row of rows) {
    let c = counts.get(row.candidateId);
    if (!c) counts.set(row.candidateId, (c = { ready: 0, total: 0 }));
    c.total++;
    if (isReadyCriterion(row)) c.ready++;
  }
  const out = new Map<string, ReadinessFigure>();
  for (const [id, c] of counts) out.set(id, { ready: c.ready, total: c.total, share: c.total === 0 ? 0 : c.ready / c.total });
  return out;
}
