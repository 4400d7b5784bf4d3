/**
 * The manager effect on ratings, estimated by empirical-Bayes shrinkage: a
 * transparent closed-form estimator, so an independent script
 * (test/fixtures/stats/make_manager_fixtures.py, numpy/scipy/statsmodels)
 * reproduces every figure to 1e-9.
 *
 * Model: y_i = μ_level(i) + u_manager(i) + ε_i, u ~ N(0, τ²), ε ~ N(0, σ²),
 * one observation per rated candidate: y_i = the mean rating score of the
 * candidate's rated criteria (not yet 0, partially 0.5, consistently 1).
 * Candidates, not criteria, are the unit because one manager rates all of a
 * candidate's criteria at once: counting criteria as independent would make
 * the interval far too narrow.
 *
 * 1. Level as a fixed effect: e_i = y_i − mean y of all candidates at the
 *    same target level. A manager whose candidates aim at harder levels is
 *    not called strict for that.
 * 2. d_j = mean e_i of manager j's n_j candidates (the raw manager effect).
 * 3. σ² = Σ_j Σ_i (e_i − d_j)² ÷ (N − L − J + 1), the within-manager
 *    variance with the degrees of freedom of the additive model (N
 *    candidates, L levels, J managers).
 * 4. τ² by the method of moments of DerSimonian and Laird: weights
 *    w_j = n_j/σ², d̄ = Σ w_j d_j ÷ Σ w_j, Q = Σ w_j (d_j − d̄)²,
 *    τ² = max(0, (Q − (J − 1)) ÷ (Σ w_j − Σ w_j² ÷ Σ w_j)).
 * 5. Shrinkage B_j = τ²/(τ² + σ²/n_j); estimate θ_j = B_j · d_j (the
 *    residuals sum to 0, so the average manager is 0); standard error
 *    √(B_j σ²/n_j); 95% interval θ_j ± z₀.₉₇₅ · SE; two-sided p from
 *    θ_j/SE against the normal distribution.
 * 6. Holm's adjustment over the managers eligible for a flag.
 *
 * When τ² = 0 the managers differ no more than chance would make them:
 * every estimate is 0 with p = 1. The intervals ignore the uncertainty in
 * τ² and σ² (the usual "naive" empirical-Bayes interval); shrinkage already
 * makes the test more cautious than the unshrunk z-test.
 *
 * What it cannot do: tell a lenient manager from one whose candidates at a
 * level are all genuinely strong. Only the evidence can, hence the
 * evidence signal shown beside it.
 */
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { groupBy } from '../util/group-by';

export interface LeniencyObservation {
  manager: string;
  levelId: string;
  /** Mean rating score of the candidate's rated criteria, 0 to 1. */
  score: number;
}

export interface ManagerEffect {
  manager: string;
  /** Rated candidates. */
  n: number;
  /** d_j: mean residual after level means, before shrinkage. */
  raw: number;
  /** B_j. */
  shrinkage: number;
  /** θ_j; positive = rates higher than other managers at the same levels. */
  estimate: number;
  se: number;
  lower: number;
  upper: number;
  /** Two-sided p of θ_j/SE (1 when SE is 0). */
  p: number;
}

export type LeniencyModel =
  | {
      ok: true;
      candidates: number;
      managers: number;
      levels: number;
      df: number;
      sigma2: number;
      tau2: number;
      q: number;
      effects: ManagerEffect[];
    }
  | { ok: false; candidates: number; managers: number; levels: number; reason: string };

/** z₀.₉₇₅ ≈ 1.959964, from the library rather than a typed constant. */
export const Z_975 = normalQuantile(0.975, 0, 1);

/** Two-sided normal p-value of z: P(χ²₁ ≥ z²). */
export function twoSidedNormalP(z: number): number {
  return 1 - chisquareCdf(z * z, 1);
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

export function fitLeniencyModel(observations: readonly LeniencyObservation[]): LeniencyModel {
  const byLevel = groupBy(observations, (o) => o.levelId);
  const levelMean = new Map([...byLevel].map(([l, os]) => [l, mean(os.map((o) => o.score))]));
  const residuals = observations.map((o) => ({ manager: o.manager, e: o.score - (levelMean.get(o.levelId) as number) }));
  const byManager = groupBy(residuals, (r) => r.manager);
  const N = observations.length;
  const J = byManager.size;
  const L = byLevel.size;
  const base = { candidates: N, managers: J, levels: L };
  const df = N - L - J + 1;
  if (J < 2) return { ok: false, ...base, reason: 'fewer than 2 managers have rated candidates, so there is no one to compare with' };
  if (df < 1) return { ok: false, ...base, reason: 'too few rated candidates for the number of managers and levels' };

  const groups = [...byManager].map(([manager, rs]) => ({ manager, n: rs.length, d: mean(rs.map((r) => r.e)), es: rs.map((r) => r.e) }));
  let within = 0;
  for (const g of groups) for (const e of g.es) within += (e - g.d) ** 2;
  const sigma2 = within / df;
  if (!(sigma2 > 0)) return { ok: false, ...base, reason: 'every manager rates all their candidates alike, so the spread within managers cannot be estimated' };

  const w = groups.map((g) => g.n / sigma2);
  const sw = w.reduce((s, x) => s + x, 0);
  const sw2 = w.reduce((s, x) => s + x * x, 0);
  const dbar = groups.reduce((s, g, i) => s + (w[i] as number) * g.d, 0) / sw;
  const q = groups.reduce((s, g, i) => s + (w[i] as number) * (g.d - dbar) ** 2, 0);
  const tau2 = Math.max(0, (q - (J - 1)) / (sw - sw2 / sw));

  const effects = groups.map((g): ManagerEffect => {
    const v = sigma2 / g.n;
    const shrinkage = tau2 / (tau2 + v);
    const estimate = shrinkage * g.d;
    const se = Math.sqrt(shrinkage * v);
    const p = se === 0 ? 1 : twoSidedNormalP(estimate / se);
    return { manager: g.manager, n: g.n, raw: g.d, shrinkage, estimate, se, lower: estimate - Z_975 * se, upper: estimate + Z_975 * se, p };
  });
  return { ok: true, ...base, df, sigma2, tau2, q, effects };
}

/** Holm's step-down adjustment: the adjusted p-values in the input order. */
export function holmAdjust(ps: readonly number[]): number[] {
  const m = ps.length;
  const order = ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const out = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    out[i] = running;
  });
  return out;
}

/**
 * |value| ≥ threshold as the table shows them, both in whole hundredths: a
 * leniency of 0.35 − 0.2 = 0.14999… is shown as 0.15 and meets a 0.15
 * threshold, so the sentence and the table never disagree.
 */
export function meetsThreshold(value: number, threshold: number): boolean {
  return Math.round(Math.abs(value) * 100) >= Math.round(threshold * 100);
}
