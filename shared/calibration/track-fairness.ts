/**
 * The track view: are individual contributors promoted as often as managers
 * at the same seniority? The seeds warn that calibration can treat IC
 * progression as lesser; comparing all IC promotions with all manager ones
 * would mix seniorities, so the comparison is made per band of equivalent
 * levels.
 *
 * A decided candidate (latest decision, outcome other than Defer) belongs to
 * the track of their target level; tracks of kind 'ic' against kind
 * 'manager' (other kinds, and candidates without a target level, are left
 * out and counted). The band is the row of the target level in the ladder
 * layout (shared/frameworks/ladder-layout.ts), which lines up equivalent
 * levels (IC4 ~ M2) across tracks; only bands with levels on both tracks are
 * compared. Per band and track: promoted of n with a Wilson 95% interval;
 * per band Fisher's exact test (two-sided) of IC against manager, with the
 * bands' p-values Holm-adjusted together. A track with fewer than
 * MIN_GROUP_SIZE decided in a band is shown as "fewer than 5", as a group
 * is, and its band is not tested: track and level are on every packet, so
 * "individual contributors 0 of 1" in a band named the one person in it and
 * their outcome, on the page that says small groups are hidden so no one can
 * be singled out.
 */
import type { Framework } from '../domain/framework';
import { ladderLayout } from '../frameworks/ladder-layout';
import { fisherExactTwoSided } from '../stats/fisher';
import { holmAdjust } from '../stats/holm';
import { wilsonInterval, type Interval } from '../stats/wilson';
import { isPromotion, latestDecisions, type CandidateRef, type DecisionRef } from './common';
import { formatPercent, formatRateInterval, pSentence } from './fairness-format';
import { MIN_GROUP_SIZE, SIGNIFICANCE_LEVEL } from './fairness';

export interface TrackCell {
  promoted: number;
  n: number;
  rate: number | null;
  interval: Interval | null;
  /** "3 of 7 = 42.9% (15.8%–75%)", "fewer than 5" (no figures: see the top of this file) or "none decided". */
  text: string;
  /** Fewer than MIN_GROUP_SIZE decided: no rate, interval or test is given. */
  suppressed: boolean;
}

export interface TrackBand {
  /** The ladder row, 0 = most junior. */
  row: number;
  /** The levels of the band, e.g. "IC4 ~ M2". */
  label: string;
  ic: TrackCell;
  manager: TrackCell;
  p: number | null;
  pAdjusted: number | null;
  significant: boolean;
  rule: string;
}

export interface TrackReport {
  bands: TrackBand[];
  /** Decided candidates left out: target level on another kind of track, or none. */
  leftOut: number;
  rules: string;
}

type Pf = Pick<Framework, 'tracks' | 'levels' | 'equivalences'>;

export function trackFairness(input: { candidates: readonly CandidateRef[]; decisions: readonly DecisionRef[]; framework: Pf }): TrackReport {
  const { framework } = input;
  const layout = ladderLayout(framework);
  const kindOfTrack = new Map(framework.tracks.map((t) => [t.id, t.kind]));
  const levelById = new Map(framework.levels.map((l) => [l.id, l]));
  // Bands with levels on both an IC and a manager track.
  const codes = new Map<number, { ic: string[]; manager: string[] }>();
  for (const l of framework.levels) {
    const kind = kindOfTrack.get(l.trackId);
    const row = layout.rowOf.get(l.id);
    if ((kind !== 'ic' && kind !== 'manager') || row === undefined) continue;
    const c = codes.get(row) ?? { ic: [], manager: [] };
    c[kind].push(l.code);
    codes.set(row, c);
  }
  const rows = [...codes.entries()].filter(([, c]) => c.ic.length > 0 && c.manager.length > 0).sort((a, b) => a[0] - b[0]);
  const tally = new Map(rows.map(([row]) => [row, { ic: { promoted: 0, n: 0 }, manager: { promoted: 0, n: 0 } }]));

  const decisions = latestDecisions(input.decisions);
  let leftOut = 0;
  for (const c of input.candidates) {
    if (c.archived === true) continue;
    const d = decisions.get(c.id);
    if (!d || d.outcome === 'defer') continue;
    const level = c.targetLevelId ? levelById.get(c.targetLevelId) : undefined;
    const kind = level ? kindOfTrack.get(level.trackId) : undefined;
    const t = level ? tally.get(layout.rowOf.get(level.id) ?? -1) : undefined;
    if (!t || (kind !== 'ic' && kind !== 'manager')) {
      leftOut++;
      continue;
    }
    t[kind].n++;
    if (isPromotion(d.outcome)) t[kind].promoted++;
  }

  const tested = rows.filter(([row]) => {
    const t = tally.get(row)!;
    return t.ic.n >= MIN_GROUP_SIZE && t.manager.n >= MIN_GROUP_SIZE;
  });
  const raw = tested.map(([row]) => {
    const { ic, manager } = tally.get(row)!;
    return fisherExactTwoSided(ic.promoted, ic.n - ic.promoted, manager.promoted, manager.n - manager.promoted);
  });
  const adjusted = holmAdjust(raw);
  const pOf = new Map(tested.map(([row], i) => [row, { p: raw[i] as number, adjusted: adjusted[i] as number }]));

  const bands = rows.map(([row, c]): TrackBand => {
    const t = tally.get(row)!;
    const label = [...c.ic, ...c.manager].join(' ~ ');
    const ic = cell(t.ic);
    const manager = cell(t.manager);
    const test = pOf.get(row);
    const significant = test !== undefined && test.adjusted < SIGNIFICANCE_LEVEL;
    const parts = [`${label}: individual contributors ${ic.text}; managers ${manager.text}.`];
    if (test) {
      parts.push(
        `Fisher’s exact test of IC against manager: ${pSentence(test.p)}; ${pSentence(test.adjusted).replace(/^p/, 'adjusted p')} after Holm’s adjustment over ${tested.length} band${tested.length === 1 ? '' : 's'}, ` +
          `${significant ? 'below' : 'not below'} ${SIGNIFICANCE_LEVEL}.`,
      );
    } else parts.push(`No test: both tracks need at least ${MIN_GROUP_SIZE} decided in this band.`);
    return { row, label, ic, manager, p: test?.p ?? null, pAdjusted: test?.adjusted ?? null, significant, rule: parts.join(' ') };
  });
  return {
    bands,
    leftOut,
    rules:
      'Each decided candidate (latest decision, any outcome but Defer) counts on the track of their target level; levels the framework marks as equivalent share a band. ' +
      `Promotion rate = promoted (Promote or Promote to another level) ÷ decided, with Wilson’s 95% interval; Fisher’s exact test compares the two tracks in each band, Holm-adjusted across the bands. ` +
      `A track with fewer than ${MIN_GROUP_SIZE} decided in a band shows no figures, as a small group does, so no one’s outcome can be read off it. ` +
      `Small bands give wide intervals: a difference is an indication to look closer, not a finding.`,
  };
}

function cell({ promoted, n }: { promoted: number; n: number }): TrackCell {
  if (n === 0) return { promoted, n, rate: null, interval: null, text: 'none decided', suppressed: false };
  if (n < MIN_GROUP_SIZE) return { promoted, n, rate: null, interval: null, text: `fewer than ${MIN_GROUP_SIZE}`, suppressed: true };
  const rate = promoted / n;
  const interval = wilsonInterval(promoted, n);
  return { promoted, n, rate, interval, text: `${promoted} of ${n} = ${formatPercent(rate)} (${interval ? formatRateInterval(interval.low, interval.high) : '—'})`, suppressed: false };
}

