/**
 * Whether a committee outcome is a promotion: the one rule every figure that
 * counts promotions uses (fairness rates, the managers' "promoted share of
 * submitted packets", readiness against outcome). Promote and Promote to
 * another level both move the candidate up; Not yet and Defer do not.
 */
import type { Outcome } from '../domain/session';

export function isPromotionOutcome(outcome: Outcome): boolean {
  return outcome === 'promote' || outcome === 'promote-other';
}
