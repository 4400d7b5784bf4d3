/**
 * The latest decision of a candidate: the one that counts when a candidate
 * has been decided more than once (a reopened session, a decision recorded
 * again, a deferral decided later). The single home of this rule; the
 * presenter, the decisions list, the decision book, the CSV and the charts
 * all call it, so the PDF and the CSV can never pick different decisions.
 *
 * One deterministic order, never the order rows came out of the database:
 * the later `decidedAt` wins; on equal `decidedAt` the later `updatedAt`;
 * then the greater id. A missing timestamp sorts before any present one.
 * Callers that mean "in this session" pass that session's decisions
 * (`latestDecisionOf` can filter by session for them).
 */
import type { Decision } from '../domain/session';

/** What the rule reads of a decision; the timestamps and id may be absent in hand-made test data. */
export type DecisionOrderRef = Pick<Decision, 'candidateId'> & Partial<Pick<Decision, 'decidedAt' | 'updatedAt' | 'id'>>;

/** Positive when `a` is later than `b`, negative when earlier, 0 only for the same decision. */
export function compareDecisions(a: DecisionOrderRef, b: DecisionOrderRef): number {
  return cmp(a.decidedAt, b.decidedAt) || cmp(a.updatedAt, b.updatedAt) || cmp(a.id, b.id);
}

function cmp(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The latest decision of each candidate, keyed by candidate id. */
export function latestDecisionByCandidate<D extends DecisionOrderRef>(decisions: readonly D[]): Map<string, D> {
  const out = new Map<string, D>();
  for (const d of decisions) {
    const seen = out.get(d.candidateId);
    if (!seen || compareDecisions(d, seen) > 0) out.set(d.candidateId, d);
  }
  return out;
}

/** The latest decision of one candidate, optionally only among one session's decisions. */
export function latestDecisionOf<D extends DecisionOrderRef & Partial<Pick<Decision, 'sessionId'>>>(
  decisions: readonly D[],
  candidateId: string,
  sessionId?: string,
): D | undefined {
  let best: D | undefined;
  for (const d of decisions) {
    if (d.candidateId !== candidateId || (sessionId !== undefined && d.sessionId !== sessionId)) continue;
    if (!best || compareDecisions(d, best) > 0) best = d;
  }
  return best;
}
