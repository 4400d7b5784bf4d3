/**
 * Which groups of one attribute are shown, hidden, merged or withheld, so
 * that no hidden count can be worked out from what the committee sees.
 *
 * A row's cells are [selected, not selected, ...aside] (promotion: promoted,
 * not promoted, deferred, undecided; readiness: ready, not ready). The
 * column totals over all groups are taken as known: the decision list and
 * the levels view show every candidate's decision (and the heatmap each
 * candidate's evidence). What the room knows of each row (disclosure.ts
 * RowRule): a shown row's selected and not selected exactly, each aside count
 * exactly when at least minCell and otherwise only that it is below minCell,
 * and its size (the readiness view prints it); a hidden row only what its
 * label implies (see hiddenRule) and that the group exists.
 *
 * The order, stopping as soon as no hidden row has a cell or a size pinned to
 * one value (disclosure.ts pinned; a cell whose column total is 0 tells
 * nothing and does not count; a search past its cap counts as pinned):
 * 1. groups hidden for their own reason: fewer than minGroup members or
 *    decided ('small-group'), else fewer than minCell selected or not
 *    selected ('small-cell'), plus any the caller forces;
 * 2. the smallest shown group (by n, then members, then name) is hidden too,
 *    'complementary' (once: hiding groups one by one would mostly end in
 *    hiding them all, which step 3 does in one go with more shown);
 * 3. the hidden groups, if two or more and together passing the rule
 *    (minGroup members and decided, minCell selected and not selected), are
 *    shown as one merged row ("Other groups (k)") and their individual rows,
 *    with their labels, are dropped; the check is rerun knowing only that
 *    each merged group exists, and taking every shown count as exact (the
 *    merged row's exact counts give the rest away);
 * 4. otherwise the whole attribute is withheld.
 * With `complementary: false` only step 1 runs (no check at all); nor is
 * there a check for an attribute with one group, whose figures are the totals.
 */
import { DEFAULT_CAP, cellRangesAsideBySum, pinned, type RowRule } from './disclosure';
import type { SuppressionReason } from './fairness-groups';

export interface PlanRow {
  group: string;
  members: number;
  /** [selected, not selected, ...aside]. */
  cells: readonly number[];
}

export interface PlanParams {
  minGroupSize: number;
  minCellSize: number;
  complementary: boolean;
}

export interface SuppressionPlan {
  /** Hidden groups and why (every group when merged or withheld). */
  hidden: Map<string, SuppressionReason>;
  /** The groups shown together as one row, in input order; null when not merged. */
  merged: string[] | null;
  /** Nothing of the attribute is shown. */
  withheld: boolean;
}

const decided = (c: readonly number[]) => (c[0] as number) + (c[1] as number);
const sum = (c: readonly number[]) => c.reduce((a, b) => a + b, 0);

export function ownReason(row: PlanRow, p: Pick<PlanParams, 'minGroupSize' | 'minCellSize'>): SuppressionReason | null {
  if (row.members < p.minGroupSize || decided(row.cells) < p.minGroupSize) return 'small-group';
  if ((row.cells[0] as number) < p.minCellSize || (row.cells[1] as number) < p.minCellSize) return 'small-cell';
  return null;
}

/** What a hidden row's label tells: its own reason, or (protecting another) that it passes on its own. */
export function hiddenRule(reason: SuppressionReason | 'merged', p: Pick<PlanParams, 'minGroupSize' | 'minCellSize'>): RowRule {
  const G = p.minGroupSize;
  const C = p.minCellSize;
  return (c) => {
    const m = sum(c);
    const n = decided(c);
    if (m < 1) return false;
    if (reason === 'merged') return true;
    if (reason === 'small-group') return m < G || n < G;
    const passesSize = m >= G && n >= G;
    const smallCell = (c[0] as number) < C || (c[1] as number) < C;
    return reason === 'small-cell' ? passesSize && smallCell : passesSize && !smallCell;
  };
}

/**
 * True when some hidden row has a cell or its size pinned (or the search gave
 * up). `exactShown`: take the shown rows' aside counts as known exactly (used
 * with a merged row, whose own exact counts give the rest's sum away).
 */
export function disclosing(
  rows: readonly PlanRow[],
  hidden: ReadonlyMap<string, SuppressionReason | 'merged'>,
  p: PlanParams,
  knownSizes: ReadonlySet<string> = new Set(),
  exactShown = false,
  sizeCaps: ReadonlyMap<string, number> = new Map(),
): boolean {
  // Take away what the shown rows show exactly; what is left is the hidden rows' cells and the shown rows' small unknown ones.
  const minCell = exactShown ? 0 : p.minCellSize;
  const known = (r: PlanRow, j: number) => (hidden.has(r.group) ? 0 : j < 2 || (r.cells[j] as number) >= minCell ? (r.cells[j] as number) : 0);
  const totals = rows[0]?.cells.map((_, j) => rows.reduce((s, r) => s + (r.cells[j] as number) - known(r, j), 0)) ?? [];
  const maxes = rows.map((r) => (hidden.has(r.group) ? undefined : r.cells.map((v, j) => (j < 2 || v >= minCell ? 0 : minCell - 1))));
  const rules = rows.map((r) => {
    const reason = hidden.get(r.group);
    if (reason === undefined) {
      const left = r.members - r.cells.reduce((s, _, j) => s + known(r, j), 0);
      return (c: readonly number[]) => sum(c) === left;
    }
    const rule = hiddenRule(reason, p);
    const cap = sizeCaps.get(r.group);
    const capped = cap === undefined ? rule : (c: readonly number[]) => sum(c) <= cap && rule(c);
    return knownSizes.has(r.group) ? (c: readonly number[]) => sum(c) === r.members && capped(c) : capped;
  });
  // The rules below look at aside cells only through the row's size, so the faster search applies when no shown row has a small aside count.
  const ranges = cellRangesAsideBySum(totals, rules, DEFAULT_CAP, maxes);
  if (ranges === null) return true;
  // A cell pinned at 0 counts unless its whole column is 0 (then it tells nothing about any group).
  const full = rows[0]?.cells.map((_, j) => rows.reduce((s, r) => s + (r.cells[j] as number), 0)) ?? [];
  return rows.some((r, i) => hidden.has(r.group) && pinned(ranges[i]!, full, knownSizes.has(r.group)));
}

export function suppressionPlan(
  rows: readonly PlanRow[],
  p: PlanParams,
  forced: ReadonlyMap<string, SuppressionReason> = new Map(),
  knownSizes: ReadonlySet<string> = new Set(),
  /** The most members a group can have, from another view (e.g. the cycle's sizes beside a session's): a bound the room knows. */
  sizeCaps: ReadonlyMap<string, number> = new Map(),
): SuppressionPlan {
  const hidden = new Map<string, SuppressionReason>();
  for (const r of rows) {
    const reason = ownReason(r, p) ?? forced.get(r.group);
    if (reason) hidden.set(r.group, reason);
  }
  const plan = (): SuppressionPlan => ({ hidden, merged: null, withheld: false });
  // One group: its figures are the session's totals, which everyone sees anyway.
  if (!p.complementary || hidden.size === 0 || rows.length < 2) return plan();
  if (!disclosing(rows, hidden, p, knownSizes, false, sizeCaps)) return plan();
  const shown = rows.filter((r) => !hidden.has(r.group));
  const smallest = [...shown].sort((a, b) => decided(a.cells) - decided(b.cells) || a.members - b.members || (a.group < b.group ? -1 : 1))[0];
  if (smallest) {
    hidden.set(smallest.group, 'complementary');
    if (!disclosing(rows, hidden, p, knownSizes, false, sizeCaps)) return plan();
  }
  return mergeOrWithhold(rows, hidden, p, knownSizes, sizeCaps);
}

function mergeOrWithhold(rows: readonly PlanRow[], hidden: Map<string, SuppressionReason>, p: PlanParams, knownSizes: ReadonlySet<string>, sizeCaps: ReadonlyMap<string, number>): SuppressionPlan {
  const inside = rows.filter((r) => hidden.has(r.group));
  const total: PlanRow = { group: '', members: sum(inside.map((r) => r.members)), cells: inside[0]?.cells.map((_, j) => sum(inside.map((r) => r.cells[j] as number))) ?? [] };
  const merged = new Map(inside.map((r) => [r.group, 'merged' as const]));
  if (inside.length >= 2 && ownReason(total, p) === null && !disclosing(rows, merged, p, knownSizes, true, sizeCaps)) {
    return { hidden, merged: inside.map((r) => r.group), withheld: false };
  }
  return { hidden, merged: null, withheld: true };
}
