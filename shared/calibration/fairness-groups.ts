/**
 * Group membership, the counts per group and which groups are hidden: shared
 * by the promotion statistics (fairness.ts) and the readiness rate
 * (fairness-readiness.ts).
 */
import { compareNames, type CandidateRef } from './common';

export const NOT_GIVEN = 'Not given';

export type SuppressionReason = 'small-group' | 'complementary';

/** The raw counts of one group; computed for every group, shown only when not suppressed. */
export interface GroupCounts {
  group: string;
  members: number;
  promoted: number;
  notPromoted: number;
  deferred: number;
  undecided: number;
  /** The rate's denominator: promoted + not promoted. */
  n: number;
  ready: number;
}

export function groupValue(candidate: CandidateRef, attribute: string): string {
  const groups = candidate.groups ?? {};
  const raw = Object.prototype.hasOwnProperty.call(groups, attribute) ? groups[attribute] : undefined;
  const value = typeof raw === 'string' ? raw.trim() : '';
  return value === '' ? NOT_GIVEN : value;
}

export function byGroupName(a: string, b: string): number {
  if (a === b) return 0;
  if (a === NOT_GIVEN) return 1;
  if (b === NOT_GIVEN) return -1;
  return compareNames(a, b);
}

/** Which groups are hidden: fewer than minGroupSize members or n, plus the complementary one. */
export function suppression(groups: readonly Pick<GroupCounts, 'group' | 'members' | 'n'>[], p: { minGroupSize: number; complementary: boolean }): Map<string, SuppressionReason> {
  const out = new Map<string, SuppressionReason>();
  for (const g of groups) if (g.members < p.minGroupSize || g.n < p.minGroupSize) out.set(g.group, 'small-group');
  if (p.complementary && out.size === 1) {
    const shown = groups.filter((g) => !out.has(g.group));
    const smallest = [...shown].sort((a, b) => a.n - b.n || byGroupName(a.group, b.group))[0];
    if (smallest) out.set(smallest.group, 'complementary');
  }
  return out;
}
