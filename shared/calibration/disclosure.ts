/**
 * What the room can work out about the cells it is not shown.
 *
 * A table of groups (rows) by outcome (columns: promoted, not promoted,
 * deferred, undecided; or ready / not ready) whose column totals the
 * committee knows from elsewhere (the decision list and the levels view show
 * every candidate's decision). What the view prints about each row is a
 * predicate over that row's cells: a shown group's exact counts, "fewer than
 * 3" for a small count, or the reason a hidden group is hidden ("fewer than
 * 5" tells that the group is small). This module computes, exactly, the
 * range [min, max] each cell (and each row's size) can take over every
 * integer table consistent with the totals and the predicates.
 *
 * Method: each row's possible cell vectors are listed inside the box of the
 * column totals; the reachable column sums of the rows before and after a
 * row are built as sets (prefix and suffix); a vector of a row is possible
 * when some prefix sum plus it plus some suffix sum equals the totals. At
 * committee sizes (tens of candidates) this is small; past `cap` steps the
 * answer is null ("cannot tell"), and callers treat that as disclosing.
 * When one column alone has a total above 0 (rangesInOneColumn) the same
 * search runs over counts as bits, for the hundreds a big session has.
 */

export type RowRule = (cells: readonly number[]) => boolean;

export interface RowRange {
  /** Per column: the fewest and most the cell can be. */
  cells: [number, number][];
  /** The row's size (sum of its cells). */
  size: [number, number];
}

export const DEFAULT_CAP = 12_000_000;

/**
 * Ranges per row, or null when the totals are infeasible or the work passes
 * `cap`. `maxes[i]`, when given, bounds row i's cells (a shown row's unknown
 * cells are below the cell minimum), which keeps its list short.
 */
export function cellRanges(
  totals: readonly number[],
  rows: readonly RowRule[],
  cap = DEFAULT_CAP,
  maxes: readonly (readonly number[] | undefined)[] = [],
  /** 'sets' always takes the general search (tests compare the one-column search with it). */
  method: 'auto' | 'sets' = 'auto',
): RowRange[] | null {
  const radix = totals.map((t) => t + 1);
  const encode = (v: readonly number[]) => v.reduce((code, x, j) => code * (radix[j] as number) + x, 0);
  const decode = (code: number) => {
    const v = new Array<number>(totals.length);
    for (let j = totals.length - 1; j >= 0; j--) {
      v[j] = code % (radix[j] as number);
      code = Math.floor(code / (radix[j] as number));
    }
    return v;
  };
  let work = 0;
  const boxOf = (max: readonly number[]): number[][] | null => {
    const bound = totals.map((t, j) => Math.min(t, max[j] ?? t));
    if (bound.reduce((a, b) => a * (b + 1), 1) > cap) return null;
    let box: number[][] = [[]];
    for (const b of bound) box = box.flatMap((prefix) => Array.from({ length: b + 1 }, (_, x) => [...prefix, x]));
    work += box.length;
    return box;
  };
  const options: number[][][] = [];
  for (let i = 0; i < rows.length; i++) {
    const box = boxOf(maxes[i] ?? totals);
    if (box === null || work > cap) return null;
    options.push(box.filter((v) => (rows[i] as RowRule)(v)));
  }
  // One column with a total above 0 (early in a session every candidate is undecided; nobody is ready yet): the same
  // search over plain counts, in typed arrays (the general search took about 1.4 s of the fairness view for 1,000).
  const live = totals.flatMap((t, j) => (t > 0 ? [j] : []));
  if (live.length === 1 && method === 'auto') return rangesInOneColumn(totals, live[0] as number, options, cap, work);
  // Codes are mixed-radix numbers; with every digit within its total, adding two codes adds their vectors.
  const optionCodes = options.map((opts) => opts.map(encode));
  /** Whether s + x stays within the totals (x added) or totals − s − x stays at 0 or above (x taken away). */
  const fits = (s: readonly number[], x: readonly number[], sign: 1 | -1) => {
    for (let j = 0; j < x.length; j++) {
      const v = sign === 1 ? (s[j] as number) + (x[j] as number) : (totals[j] as number) - (s[j] as number) - (x[j] as number);
      if (v < 0 || v > (totals[j] as number)) return false;
    }
    return true;
  };
  const zeros = totals.map(() => 0);
  const add = (set: Set<number>, i: number): Set<number> | null => {
    const out = new Set<number>();
    const opts = options[i] as number[][];
    const codes = optionCodes[i] as number[];
    for (const code of set) {
      const s = decode(code);
      if ((work += opts.length) > cap) return null;
      for (let k = 0; k < opts.length; k++) if (fits(s, opts[k] as number[], 1)) out.add(code + (codes[k] as number));
    }
    return out;
  };
  const zero = encode(zeros);
  const prefix: Set<number>[] = [new Set([zero])];
  for (let i = 0; i < rows.length; i++) {
    const next = add(prefix[prefix.length - 1] as Set<number>, i);
    if (next === null) return null;
    prefix.push(next);
  }
  const full = encode(totals);
  if (!(prefix[rows.length] as Set<number>).has(full)) return null;
  const suffix: Set<number>[] = new Array(rows.length + 1);
  suffix[rows.length] = new Set([zero]);
  for (let i = rows.length - 1; i >= 0; i--) {
    const next = add(suffix[i + 1] as Set<number>, i);
    if (next === null) return null;
    suffix[i] = next;
  }
  const out: RowRange[] = [];
  for (let i = 0; i < rows.length; i++) {
    const before = [...(prefix[i] as Set<number>)].map((code) => ({ code, digits: decode(code) }));
    const after = suffix[i + 1] as Set<number>;
    const cells: [number, number][] = totals.map(() => [Infinity, -Infinity]);
    const size: [number, number] = [Infinity, -Infinity];
    const opts = options[i] as number[][];
    if ((work += opts.length * before.length) > cap) return null;
    opts.forEach((x, k) => {
      const xc = (optionCodes[i] as number[])[k] as number;
      // The rest, totals − prefix − x, must be a reachable suffix with no digit below 0.
      const possible = before.some(({ code, digits }) => fits(digits, x, -1) && after.has(full - code - xc));
      if (!possible) return;
      x.forEach((v, j) => {
        const c = cells[j] as [number, number];
        c[0] = Math.min(c[0], v);
        c[1] = Math.max(c[1], v);
      });
      const n = x.reduce((a, b) => a + b, 0);
      size[0] = Math.min(size[0], n);
      size[1] = Math.max(size[1], n);
    });
    out.push({ cells, size });
  }
  return out;
}

/**
 * cellRanges when only column `col` has a total above 0: every other cell is 0,
 * so a row's vector is its count in `col`, and the reachable sums are counts
 * 0..T, kept as bits (a sum set is the union of shifted copies, 32 counts a
 * step) instead of sets of decoded vectors. The same answer as the general
 * search, and the same `work` counted, so it gives up (null) exactly where
 * the general search would.
 */
function rangesInOneColumn(totals: readonly number[], col: number, options: readonly (readonly number[])[][], cap: number, work: number): RowRange[] | null {
  const total = totals[col] as number;
  const values = options.map((opts) => [...new Set(opts.map((v) => v[col] as number))]);
  const counts = options.map((opts) => opts.length);
  const rows = options.length;
  const single = (v: number) => Bits.of(total, [v]);
  const prefix: Bits[] = [single(0)];
  for (let i = 0; i < rows; i++) {
    const from = prefix[i] as Bits;
    if ((work += from.size() * (counts[i] as number)) > cap) return null;
    prefix.push(from.plus(values[i] as number[]));
  }
  if (!(prefix[rows] as Bits).has(total)) return null;
  const suffix: Bits[] = new Array(rows + 1);
  suffix[rows] = single(0);
  for (let i = rows - 1; i >= 0; i--) {
    const from = suffix[i + 1] as Bits;
    if ((work += from.size() * (counts[i] as number)) > cap) return null;
    suffix[i] = from.plus(values[i] as number[]);
  }
  const out: RowRange[] = [];
  for (let i = 0; i < rows; i++) {
    const before = prefix[i] as Bits;
    if ((work += (counts[i] as number) * before.size()) > cap) return null;
    // The counts a prefix and a suffix make together: a row's value x is possible when total − x is one of them.
    const around = before.plus((suffix[i + 1] as Bits).members());
    const possible = (values[i] as number[]).filter((x) => around.has(total - x));
    const lo = possible.reduce((a, b) => Math.min(a, b), Infinity);
    const hi = possible.reduce((a, b) => Math.max(a, b), -Infinity);
    const other: [number, number] = possible.length ? [0, 0] : [Infinity, -Infinity];
    out.push({ cells: totals.map((_, j) => (j === col ? [lo, hi] : [other[0], other[1]])), size: [lo, hi] });
  }
  return out;
}

/** A set of counts 0..max as bits. */
class Bits {
  private constructor(
    readonly max: number,
    readonly words: Uint32Array,
  ) {}

  static of(max: number, values: readonly number[]): Bits {
    const bits = new Bits(max, new Uint32Array((max >> 5) + 1));
    for (const v of values) if (v >= 0 && v <= max) bits.words[v >> 5]! |= 1 << (v & 31);
    return bits;
  }

  has(v: number): boolean {
    return v >= 0 && v <= this.max && ((this.words[v >> 5] as number) >>> (v & 31)) % 2 === 1;
  }

  members(): number[] {
    const out: number[] = [];
    for (let v = 0; v <= this.max; v++) if (this.has(v)) out.push(v);
    return out;
  }

  size(): number {
    let n = 0;
    for (let w of this.words) {
      while (w !== 0) {
        w &= w - 1;
        n++;
      }
    }
    return n;
  }

  /** { a + x : a in this, x in xs, a + x ≤ max }. */
  plus(xs: readonly number[]): Bits {
    const src = this.words;
    const out = new Uint32Array(src.length);
    for (const x of xs) {
      if (x < 0 || x > this.max) continue;
      const whole = x >> 5;
      const bit = x & 31;
      for (let k = src.length - 1; k >= whole; k--) {
        const lowPart = (src[k - whole] as number) << bit;
        const carried = bit && k - whole - 1 >= 0 ? (src[k - whole - 1] as number) >>> (32 - bit) : 0;
        out[k]! |= lowPart | carried;
      }
    }
    // Bits past max in the last word are not counts.
    const spare = (this.max & 31) + 1;
    if (spare < 32) out[out.length - 1]! &= (1 << spare) - 1;
    return new Bits(this.max, out);
  }
}

/** Whether a range is one value; a column whose total is 0 tells nothing about any group, so it never counts. */
export function pinned(range: RowRange, totals: readonly number[], sizeShown: boolean): boolean {
  if (!sizeShown && range.size[0] === range.size[1]) return true;
  return range.cells.some(([lo, hi], j) => lo === hi && (totals[j] as number) > 0);
}

/**
 * cellRanges for the fairness tables, faster: [selected, not selected,
 * aside a, aside b] where every rule looks at the two aside cells only
 * through their sum (a hidden group's label, a shown group's size), and
 * no row caps an aside cell other than at 0. Then the aside columns can be
 * searched as one, and each one's range read off the merged one: with the
 * other rows free to take the rest, a row with o aside can have anywhere
 * from max(0, o − B) to min(o, A) in column a (A, B the column totals), so
 * over the row's possible o the range is [max(0, oLo − B), min(oHi, A)].
 * Anything else goes to cellRanges unchanged. The fairness view's sample
 * cycle (most candidates undecided) needed this: the four-column search
 * took about 0.1 s a report.
 */
export function cellRangesAsideBySum(totals: readonly number[], rows: readonly RowRule[], cap = DEFAULT_CAP, maxes: readonly (readonly number[] | undefined)[] = []): RowRange[] | null {
  const mergeable = totals.length === 4 && maxes.every((m) => m === undefined || (m[2] === 0 && m[3] === 0));
  if (!mergeable) return cellRanges(totals, rows, cap, maxes);
  const [p, n, a, b] = totals as [number, number, number, number];
  const merged = cellRanges(
    [p, n, a + b],
    rows.map((rule) => (c: readonly number[]) => rule([c[0] as number, c[1] as number, c[2] as number, 0])),
    cap,
    maxes.map((m) => m && [m[0] as number, m[1] as number, 0]),
  );
  if (merged === null) return null;
  return merged.map(({ cells, size }) => {
    const [lo, hi] = cells[2] as [number, number];
    return { cells: [cells[0] as [number, number], cells[1] as [number, number], [Math.max(0, lo - b), Math.min(hi, a)], [Math.max(0, lo - a), Math.min(hi, b)]], size };
  });
}
