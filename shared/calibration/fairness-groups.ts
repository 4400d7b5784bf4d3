/**
 * Group membership, the counts per group and which groups are hidden: shared
 * by the promotion statistics (fairness.ts) and the readiness rate
 * (fairness-readiness.ts).
 */
import { compareNames, type CandidateRef } from './common';

export const NOT_GIVEN = 'Not given';

/**
 * Why a group's figures are hidden: too few people ('small-group'), too few
 * on one side of the outcome ('small-cell': fewer than MIN_CELL_SIZE
 * promoted or not promoted, so the outcome of the few could be told), or
 * to protect the one group hidden for either reason ('complementary').
 */
export type SuppressionReason = 'small-group' | 'small-cell' | 'complementary';

export const MIN_CELL_SIZE = 3;

export interface SuppressionParams {
  minGroupSize: number;
  /** Fewest selected and fewest not selected a shown group may have; default MIN_CELL_SIZE. */
  minCellSize?: number;
  complementary: boolean;
}

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

/**
 * Which groups are hidden: fewer than minGroupSize members or n; else fewer
 * than minCellSize selected or not selected (of n; a group with no
 * `selected` given has no cells to check); plus, when exactly one group is
 * hidden, the smallest shown one, whose figures and the totals would give
 * the hidden one away.
 */
export function suppression(
  groups: readonly (Pick<GroupCounts, 'group' | 'members' | 'n'> & { selected?: number })[],
  p: SuppressionParams,
): Map<string, SuppressionReason> {
  const minCell = p.minCellSize ?? MIN_CELL_SIZE;
  const out = new Map<string, SuppressionReason>();
  for (const g of groups) {
    if (g.members < p.minGroupSize || g.n < p.minGroupSize) out.set(g.group, 'small-group');
    else if (g.selected !== undefined && (g.selected < minCell || g.n - g.selected < minCell)) out.set(g.group, 'small-cell');
  }
  if (p.complementary && out.size === 1) {
    const shown = groups.filter((g) => !out.has(g.group));
    const smallest = [...shown].sort((a, b) => a.n - b.n || byGroupName(a.group, b.group))[0];
    if (smallest) out.set(smallest.group, 'complementary');
  }
  return out;
}

/**
 * What a hidden group shows in place of its figures, and the sentence why.
 * A group hidden to protect another says "a smaller group" only when the
 * group it protects has fewer members; otherwise "another group".
 */
export function hiddenText(
  group: Pick<GroupCounts, 'group' | 'members'>,
  reason: SuppressionReason,
  groups: readonly Pick<GroupCounts, 'group' | 'members'>[],
  hidden: ReadonlyMap<string, SuppressionReason>,
  p: SuppressionParams & { words: { selected: string; notSelected: string; n: string } },
): { label: string; rule: string } {
  const minCell = p.minCellSize ?? MIN_CELL_SIZE;
  if (reason === 'small-group') return { label: `fewer than ${p.minGroupSize}`, rule: `${group.group}: fewer than ${p.minGroupSize} ${p.words.n}, not shown.` };
  if (reason === 'small-cell') {
    return {
      label: `fewer than ${minCell} ${p.words.selected} or ${p.words.notSelected}`,
      rule: `${group.group}: fewer than ${minCell} ${p.words.selected} or fewer than ${minCell} ${p.words.notSelected}, not shown, since the outcome of so few could be told.`,
    };
  }
  const protectedGroup = groups.find((g) => g.group !== group.group && hidden.has(g.group) && hidden.get(g.group) !== 'complementary');
  const smaller = protectedGroup !== undefined && protectedGroup.members < group.members;
  const which = smaller ? 'a smaller group' : 'another group';
  return { label: `hidden to protect ${which}`, rule: `${group.group}: not shown, because its figures would reveal those of ${which} hidden beside it.` };
}
