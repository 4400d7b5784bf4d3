/**
 * Group membership, the counts per group and which groups are hidden: shared
 * by the promotion statistics (fairness.ts) and the readiness rate
 * (fairness-readiness.ts).
 */
import { compareNames, type CandidateRef } from './common';
import { suppressionPlan, type PlanParams, type PlanRow } from './suppression-plan';
import { distinctNames, nameSpellings } from '../rules/manager-names';
import { nameKey } from '../rules/record-name';

export const NOT_GIVEN = 'Not given';

/**
 * Why a group's figures are hidden: too few people ('small-group'), too few
 * on one side of the outcome ('small-cell': fewer than MIN_CELL_SIZE
 * promoted or not promoted, so the outcome of the few could be told), or
 * to protect the groups hidden for either reason, whose counts the totals
 * would otherwise give away ('complementary').
 */
export type SuppressionReason = 'small-group' | 'small-cell' | 'complementary';

export const MIN_CELL_SIZE = 3;

export interface SuppressionParams {
  minGroupSize: number;
  /** Fewest selected and fewest not selected a shown group may have; default MIN_CELL_SIZE. */
  minCellSize?: number;
  /** Check what the totals give away and coarsen (suppression-plan.ts); false: own reasons only. */
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

/**
 * The attributes the candidates carry, one per name as nameKey compares them ("Gender" and "gender" are one), each in
 * its most used spelling, in name order.
 */
export function attributesOf(candidates: readonly CandidateRef[]): string[] {
  return distinctNames(candidates.flatMap((c) => Object.keys(c.groups ?? {})));
}

/**
 * Each candidate's group for `attribute`, as the fairness figures count it: the attribute found whatever its case,
 * the value the same for every spelling of it ("Woman", "woman") in the one most of the candidates carry, "Not
 * given" when empty. A manager's bundle typed "woman" where the others typed "Woman", and the figures split one group
 * into two, each small enough to be hidden.
 */
export function groupsOf(candidates: readonly CandidateRef[], attribute: string): (candidate: CandidateRef) => string {
  const key = nameKey(attribute);
  const raw = (c: CandidateRef): string => {
    const groups = c.groups ?? {};
    if (Object.prototype.hasOwnProperty.call(groups, attribute)) return groupValue(c, attribute);
    const other = Object.keys(groups).find((k) => nameKey(k) === key);
    return other === undefined ? NOT_GIVEN : groupValue(c, other);
  };
  const values = new Map(candidates.map((c) => [c, raw(c)]));
  const spelling = nameSpellings([...values.values()]);
  return (c) => {
    const value = values.get(c) ?? raw(c);
    return value === NOT_GIVEN ? value : (spelling.get(nameKey(value)) ?? value);
  };
}

export function byGroupName(a: string, b: string): number {
  if (a === b) return 0;
  if (a === NOT_GIVEN) return 1;
  if (b === NOT_GIVEN) return -1;
  return compareNames(a, b);
}

/**
 * Which groups are hidden, and why: the plan of suppression-plan.ts (own
 * reasons, then the smallest shown group to protect them, then a merged row
 * or the whole attribute withheld, until no hidden count can be worked out
 * from the totals). Cells are [selected, not selected, ...aside]; `aside`
 * (deferred, undecided) defaults to the members outside n as one cell.
 */
export function suppression(
  groups: readonly (Pick<GroupCounts, 'group' | 'members' | 'n'> & { selected: number; aside?: readonly number[] })[],
  p: SuppressionParams,
  forced?: ReadonlyMap<string, SuppressionReason>,
  knownSizes?: ReadonlySet<string>,
): Map<string, SuppressionReason> {
  return suppressionPlan(planRows(groups), planParams(p), forced, knownSizes).hidden;
}

export function planRows(groups: readonly (Pick<GroupCounts, 'group' | 'members' | 'n'> & { selected: number; aside?: readonly number[] })[]): PlanRow[] {
  return groups.map((g) => ({ group: g.group, members: g.members, cells: [g.selected, g.n - g.selected, ...(g.aside ?? [g.members - g.n])] }));
}

export function planParams(p: SuppressionParams): PlanParams {
  return { minGroupSize: p.minGroupSize, minCellSize: p.minCellSize ?? MIN_CELL_SIZE, complementary: p.complementary };
}

/** A count of a shown group outside the rate (deferred, undecided): exact from minCell up, else "fewer than minCell", since a count of 0–2 lets the room tell those few. */
export function asideText(count: number, minCell: number = MIN_CELL_SIZE): string {
  return count >= minCell || minCell <= 0 ? String(count) : `fewer than ${minCell}`;
}

/** The name of the merged row of k hidden groups. */
export function mergedName(k: number): string {
  return `Other groups (${k})`;
}

/** Why an attribute shows nothing. */
export const WITHHELD_SENTENCE =
  'Not shown for this attribute: with the totals everyone can see in the session, any figure by group would let someone work out the count of a small group.';

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
