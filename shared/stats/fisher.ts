/**
 * Fisher's exact test on a 2×2 table, two-sided, as scipy.stats.fisher_exact
 * defines it: the p-value is the probability, under the hypergeometric
 * distribution with the table's margins, of every table at most as likely as
 * the observed one. "At most as likely" allows a relative tolerance of 1e-7
 * (scipy's), so tables that are equally likely in exact arithmetic but differ
 * in the last bits of floating point are counted. The distribution comes from
 * @stdlib (a maintained numerical library) rather than hand-written
 * factorials.
 *
 * Table layout: [[a, b], [c, d]] — row 1 the group (a selected, b not),
 * row 2 everyone else (c selected, d not).
 */
import hypergeometricPmf from '@stdlib/stats-base-dists-hypergeometric-pmf';

export const FISHER_RELATIVE_TOLERANCE = 1 + 1e-7;

export function fisherExactTwoSided(a: number, b: number, c: number, d: number): number {
  const n1 = a + b;
  const n2 = c + d;
  const n = a + c;
  // A row or column of zeros: nothing can differ, p = 1 (scipy returns 1 too).
  if (n1 === 0 || n2 === 0 || n === 0 || b + d === 0) return 1;
  const total = n1 + n2;
  const observed = hypergeometricPmf(a, total, n1, n);
  const limit = observed * FISHER_RELATIVE_TOLERANCE;
  let p = 0;
  let every = true;
  for (let x = Math.max(0, n - n2); x <= Math.min(n, n1); x++) {
    const px = hypergeometricPmf(x, total, n1, n);
    if (px <= limit) p += px;
    else every = false;
  }
  // Every possible table counted: p is 1 exactly, not the float sum (0.9999… would be shown truncated as 0.999).
  return every ? 1 : Math.min(p, 1);
}
