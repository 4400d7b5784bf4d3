/**
 * Manager distributions, leniency, agreement and flags on hand-computed
 * examples. Scores: not yet = 0, partially = 0.5, consistently = 1.
 *
 * Example 1. IC3 has criteria a, b; IC4 has d.
 *
 *   candidate  manager  level  ratings (sustained?)                    packet              decision
 *   A1         Ava      IC3    a consistently S, b consistently S      submitted           promote
 *   A2         Ava      IC3    a partially S, b not-yet                submitted           not-yet
 *   A3         Ava      IC4    d consistently                          draft               promote
 *   B1         Bo       IC3    a partially, b partially                r1 superseded,      defer
 *                                                                      r2 draft
 *   B2         Bo       IC4    d not-yet                               submitted           —
 *   C1         Cal      IC3    a consistently, b not-yet               submitted           promote-other
 *   C2         Cal      IC3    (both unassessed)                       —                   —
 *
 * Leniency, level by level (others' rows pooled), weighted by the manager's
 * candidates rated at the level:
 *   Ava  IC3: own (1+1+0.5+0)/4 = 0.625, others (B1 0.5+0.5, C1 1+0)/4 = 0.5 → +0.125, w 2
 *        IC4: own 1, others (B2) 0 → +1, w 1
 *        leniency = (2×0.125 + 1×1) / 3 = 1.25/3 = 0.41667
 *   Bo   IC3: own 0.5, others (Ava 2.5 + Cal 1)/6 = 0.58333 → −0.08333, w 1
 *        IC4: own 0, others 1 → −1, w 1
 *        leniency = (−0.08333 − 1)/2 = −0.54167
 *   Cal  IC3: own (1+0)/2 = 0.5 (C2 unassessed, left out; w 1), others (2.5 + 1)/6 = 0.58333 → −0.08333
 * Median of {0.41667, −0.54167, −0.08333} = −0.08333; absolute deviations
 * {0.5, 0.45833, 0} → MAD 0.45833; 1.5 × MAD = 0.6875. Ava is 0.5 from the
 * median, Bo 0.45833: both within the spread, so nobody is flagged although
 * |Ava| and |Bo| ≥ 0.15.
 *
 * Agreement (a submitted packet recommends Promote; only Promote matches):
 *   Ava: decided with a recommendation A1 (promote ✓), A2 (not-yet ✗); A3 is a draft → 1 of 2 = 0.5
 *   Bo:  B1's current packet is the r2 draft → no recommendation → null
 *   Cal: C1 promote-other ✗ → 0 of 1 = 0
 * Readiness vs outcome for Ava: readiness A1 2/2 = 1, A2 0/2 = 0 (b not ready,
 * a only partially), A3 0/1 (not sustained) → mean 1/3; promoted (Promote) A1,
 * A3 → 2 of 3; gap 1/3 − 2/3 = −1/3.
 */
import { describe, expect, it } from 'vitest';
import { assessmentSeries, managerCalibration, type ManagerStats } from '../../../shared/calibration/managers';
import type { CandidateRef, DecisionRef } from '../../../shared/calibration/common';
import type { AssessmentRating, PacketStatus } from '../../../shared/domain/packet';

const c = (id: string, manager: string): CandidateRef => ({ id, manager, name: id });
const r = (candidateId: string, targetLevelId: string, rating: AssessmentRating | null, sustained = false) => ({ candidateId, targetLevelId, rating, sustained });
const p = (candidateId: string, status: PacketStatus, revision = 1) => ({ candidateId, status, revision });
const d = (candidateId: string, outcome: DecisionRef['outcome']): DecisionRef => ({ candidateId, outcome, decidedAt: '2026-10-01T10:00:00.000Z' });

const candidates = [c('A1', 'Ava'), c('A2', 'Ava'), c('A3', 'Ava'), c('B1', 'Bo'), c('B2', 'Bo'), c('C1', 'Cal'), c('C2', 'Cal')];
const coverage = [
  r('A1', 'ic3', 'consistently', true),
  r('A1', 'ic3', 'consistently', true),
  r('A2', 'ic3', 'partially', true),
  r('A2', 'ic3', 'not-yet'),
  r('A3', 'ic4', 'consistently'),
  r('B1', 'ic3', 'partially'),
  r('B1', 'ic3', 'partially'),
  r('B2', 'ic4', 'not-yet'),
  r('C1', 'ic3', 'consistently'),
  r('C1', 'ic3', 'not-yet'),
  r('C2', 'ic3', null),
  r('C2', 'ic3', null),
];
const packets = [p('A1', 'submitted'), p('A2', 'submitted'), p('A3', 'draft'), p('B1', 'superseded', 1), p('B1', 'draft', 2), p('B2', 'submitted'), p('C1', 'submitted')];
const decisions = [d('A1', 'promote'), d('A2', 'not-yet'), d('A3', 'promote'), d('B1', 'defer'), d('C1', 'promote-other')];
const framework = { levels: [{ id: 'ic3', code: 'IC3' }, { id: 'ic4', code: 'IC4' }] };

function byName(stats: ManagerStats[], name: string): ManagerStats {
  const s = stats.find((m) => m.manager === name);
  if (!s) throw new Error(`no ${name}`);
  return s;
}

describe('managerCalibration: example 1', () => {
  const result = managerCalibration({ candidates, coverage, packets, decisions, framework });
  const ava = byName(result.managers, 'Ava');
  const bo = byName(result.managers, 'Bo');
  const cal = byName(result.managers, 'Cal');

  it('lists managers by name with their candidates', () => {
    expect(result.managers.map((m) => m.manager)).toEqual(['Ava', 'Bo', 'Cal']);
    expect(ava.candidateIds).toEqual(['A1', 'A2', 'A3']);
  });

  it('counts assessments, own and everyone else’s', () => {
    // Ava: consistently A1a, A1b, A3d = 3; partially A2a = 1; not-yet A2b = 1.
    expect(ava.assessments.own).toMatchObject({ consistently: 3, partially: 1, 'not-yet': 1, unassessed: 0, rated: 5 });
    expect(ava.assessments.own.shares.consistently).toBeCloseTo(3 / 5, 10);
    // Others: Bo partially 2, not-yet 1; Cal consistently 1, not-yet 1, unassessed 2.
    expect(ava.assessments.others).toMatchObject({ consistently: 1, partially: 2, 'not-yet': 2, unassessed: 2, rated: 5 });
    expect(assessmentSeries(ava).map((b) => b.who)).toEqual(['Ava', 'Everyone else']);
  });

  it('counts recommendations (submitted = promote) and outcomes, own and everyone else’s', () => {
    expect(ava.recommendations.own).toEqual({ candidates: 3, promote: 2, draft: 1, noPacket: 0, promoteShare: 2 / 3 });
    // Others: B1 draft (r2), B2 submitted, C1 submitted, C2 no packet.
    expect(ava.recommendations.others).toEqual({ candidates: 4, promote: 2, draft: 1, noPacket: 1, promoteShare: 0.5 });
    expect(ava.outcomes.own).toEqual({ promote: 2, 'not-yet': 1, defer: 0, 'promote-other': 0 });
    expect(ava.outcomes.others).toEqual({ promote: 0, 'not-yet': 0, defer: 1, 'promote-other': 1 });
  });

  it('computes leniency level by level, weighted by the manager’s candidates', () => {
    expect(ava.leniency.value).toBeCloseTo(1.25 / 3, 10);
    expect(ava.leniency.inputs.levels).toEqual([
      { levelId: 'ic3', weight: 2, ownMean: 0.625, ownRatings: 4, othersMean: 0.5, othersRatings: 4, difference: 0.125 },
      { levelId: 'ic4', weight: 1, ownMean: 1, ownRatings: 1, othersMean: 0, othersRatings: 1, difference: 1 },
    ]);
    expect(ava.leniency.rule).toContain('IC3 (2 candidates): 0.63 − 0.50 = +0.13');
    expect(ava.leniency.rule).toContain('→ +0.42');
    expect(bo.leniency.value).toBeCloseTo((0.5 - 3.5 / 6 + (0 - 1)) / 2, 10);
    expect(cal.leniency.value).toBeCloseTo(0.5 - 3.5 / 6, 10);
    expect(cal.leniency.inputs.levels[0]?.weight).toBe(1);
  });

  it('flags nobody: both large figures lie within 1.5 × MAD of the median', () => {
    expect(result.spread.median).toBeCloseTo(0.5 - 3.5 / 6, 10);
    expect(result.spread.mad).toBeCloseTo(0.45833333, 6);
    expect(ava.flag.flagged).toBe(false);
    expect(ava.flag.inputs).toMatchObject({ beyondThreshold: true, beyondSpread: false, spreadApplied: true, managersCompared: 3 });
    expect(ava.flag.inputs.distanceFromMedian).toBeCloseTo(0.5, 10);
    expect(bo.flag.flagged).toBe(false);
    expect(cal.flag.inputs.beyondThreshold).toBe(false);
    expect(ava.flag.rule).toContain('not flagged');
  });

  it('computes agreement with the committee', () => {
    expect(ava.agreement.value).toBe(0.5);
    expect(ava.agreement.inputs).toEqual({ decided: 3, withRecommendation: 2, matched: 1 });
    expect(ava.agreement.rule).toContain('1 of 2 = 50%');
    expect(bo.agreement.value).toBeNull();
    expect(bo.agreement.inputs).toEqual({ decided: 1, withRecommendation: 0, matched: 0 });
    expect(cal.agreement.value).toBe(0);
  });

  it('compares mean readiness with the committee outcome', () => {
    const v = ava.readinessVsOutcome.value;
    expect(v?.meanReadiness).toBeCloseTo(1 / 3, 10);
    expect(v?.promotedShare).toBeCloseTo(2 / 3, 10);
    expect(v?.gap).toBeCloseTo(-1 / 3, 10);
    expect(ava.readinessVsOutcome.inputs).toEqual({ candidates: 3, readinessShares: [1, 0, 0], promoted: 2 });
    // Bo's only decided candidate, B1, has rows: readiness 0, outcome defer → 0.
    expect(bo.readinessVsOutcome.value).toEqual({ meanReadiness: 0, promotedShare: 0, gap: 0 });
  });
});

/**
 * Example 2: five managers, one IC3 candidate each, criteria a and b.
 *   M1 consistently, consistently → mean 1;   others (M2–M4 1 each + M5 1.5)/8 = 4.5/8 = 0.5625 → +0.4375
 *   M2, M3, M4 partially, partially → 0.5;    others (M1 2 + 1 + 1 + M5 1.5)/8 = 5.5/8 = 0.6875 → −0.1875
 *   M5 consistently, partially → 0.75;        others (M1 2 + 1 + 1 + 1)/8 = 5/8 = 0.625 → +0.125
 * Median −0.1875; deviations {0.625, 0, 0, 0, 0.3125} → MAD 0.
 *   M1: |0.4375| ≥ 0.15 and 0.625 > 1.5 × 0 → flagged, lenient.
 *   M2–M4: |−0.1875| ≥ 0.15 but at the median (0 > 0 is false) → not flagged.
 *   M5: 0.3125 from the median, but |0.125| < 0.15 → not flagged.
 */
describe('managerCalibration: flags', () => {
  const ratings: Record<string, [AssessmentRating, AssessmentRating]> = {
    M1: ['consistently', 'consistently'],
    M2: ['partially', 'partially'],
    M3: ['partially', 'partially'],
    M4: ['partially', 'partially'],
    M5: ['consistently', 'partially'],
  };
  const people = Object.keys(ratings).map((m) => c(`${m}-cand`, m));
  const rows = Object.entries(ratings).flatMap(([m, [x, y]]) => [r(`${m}-cand`, 'ic3', x), r(`${m}-cand`, 'ic3', y)]);

  it('flags the outlier beyond both the threshold and the spread', () => {
    const result = managerCalibration({ candidates: people, coverage: rows });
    const get = (m: string) => byName(result.managers, m);
    expect(get('M1').leniency.value).toBe(0.4375);
    expect(get('M2').leniency.value).toBe(-0.1875);
    expect(get('M5').leniency.value).toBe(0.125);
    expect(result.spread).toEqual({ median: -0.1875, mad: 0, managersCompared: 5 });
    expect(get('M1').flag).toMatchObject({ flagged: true, direction: 'lenient' });
    expect(get('M1').flag.rule).toMatch(/^Flagged when \|leniency\| ≥ 0.15/);
    expect(get('M1').flag.rule).toContain('→ flagged.');
    expect(get('M2').flag.flagged).toBe(false);
    expect(get('M5').flag.flagged).toBe(false);
    expect(get('M5').flag.inputs).toMatchObject({ beyondThreshold: false, beyondSpread: true });
  });

  it('uses only the threshold with fewer than 3 managers compared', () => {
    // M1 vs M2 alone: M1 1 − 0.5 = +0.5 (lenient), M2 0.5 − 1 = −0.5 (strict).
    const two = managerCalibration({ candidates: people.slice(0, 2), coverage: rows.slice(0, 4) });
    expect(byName(two.managers, 'M1').flag).toMatchObject({ flagged: true, direction: 'lenient' });
    expect(byName(two.managers, 'M2').flag).toMatchObject({ flagged: true, direction: 'strict' });
    expect(byName(two.managers, 'M1').flag.inputs.spreadApplied).toBe(false);
  });

  it('accepts other parameters', () => {
    const strict = managerCalibration({ candidates: people, coverage: rows, options: { threshold: 0.1, madMultiplier: 0 } });
    // With MAD 0 and threshold 0.1, M5 (0.125, 0.3125 from the median) is flagged too.
    expect(strict.managers.filter((m) => m.flag.flagged).map((m) => m.manager)).toEqual(['M1', 'M5']);
  });

  it('gives no leniency to a manager alone at their levels', () => {
    const alone = managerCalibration({ candidates: [c('x', 'Solo'), c('y', 'Other')], coverage: [r('x', 'ic5', 'consistently'), r('y', 'ic3', 'partially')] });
    const solo = byName(alone.managers, 'Solo');
    expect(solo.leniency.value).toBeNull();
    expect(solo.leniency.inputs.levelsWithoutComparison).toEqual(['ic5']);
    expect(solo.flag.flagged).toBe(false);
  });
});
