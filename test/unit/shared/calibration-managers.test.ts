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
 * Leniency (empirical Bayes, checked against Python in
 * calibration-manager-leniency.test.ts): every manager here has fewer than 5
 * rated candidates, so each is "too few candidates to tell" whatever the
 * estimate; Cal's C2 has no rated criterion and is not a rated candidate.
 *
 * Evidence signal ("consistently" without sustained evidence):
 *   Ava: consistently A1a S, A1b S, A3d → 1 of 3; others: C1a → 1 of 1.
 *
 * Promoted share of submitted packets (Promote and Promote to another level
 * both count; Defer and undecided apart):
 *   Ava: submitted A1 (promote ✓), A2 (not-yet ✗); A3 is a draft → 1 of 2 = 0.5
 *   Bo:  B1's current packet is the r2 draft; B2 submitted, undecided → null
 *   Cal: C1 promote-other ✓ → 1 of 1 = 1
 * Readiness vs outcome for Ava: readiness A1 2/2 = 1, A2 0/2 = 0 (b not ready,
 * a only partially), A3 0/1 (not sustained) → mean 1/3; promoted A1, A3 →
 * 2 of 3; gap 1/3 − 2/3 = −1/3. Bo's B1 was deferred: left out.
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

  it('says too few candidates to tell under 5 rated candidates, however large the estimate', () => {
    expect(result.observations.map((o) => o.manager)).toEqual(['Ava', 'Ava', 'Ava', 'Bo', 'Bo', 'Cal']);
    for (const m of [ava, bo, cal]) expect(m.leniency.status).toBe('too-few');
    expect(ava.leniency.inputs.ratedCandidates).toBe(3);
    expect(cal.leniency.inputs.ratedCandidates).toBe(1);
    expect(ava.leniency.inputs.pAdjusted).toBeNull();
    expect(ava.leniency.rule).toContain('Too few candidates to tell: fewer than 5 rated.');
  });

  it('counts “consistently” ratings without sustained evidence', () => {
    expect(ava.evidence.inputs).toEqual({ consistently: 3, withoutSustained: 1, othersConsistently: 1, othersWithoutSustained: 1 });
    expect(ava.evidence.value).toBeCloseTo(1 / 3, 12);
    expect(ava.evidence.others).toBe(1);
    expect(ava.evidence.rule).toContain('1 of 3 = 33.3%');
    expect(bo.evidence.value).toBeNull();
  });

  it('counts Promote to another level as a promotion in the promoted share of submitted packets', () => {
    expect(ava.promotedShare.value).toBe(0.5);
    expect(ava.promotedShare.inputs).toEqual({ submitted: 2, decided: 2, promoted: 1, deferred: 0, undecided: 0 });
    expect(ava.promotedShare.rule).toContain('1 of 2 = 50%');
    expect(bo.promotedShare.value).toBeNull();
    expect(bo.promotedShare.inputs).toEqual({ submitted: 1, decided: 0, promoted: 0, deferred: 0, undecided: 1 });
    expect(cal.promotedShare.value).toBe(1);
  });

  it('compares mean readiness with the committee outcome', () => {
    const v = ava.readinessVsOutcome.value;
    expect(v?.meanReadiness).toBeCloseTo(1 / 3, 10);
    expect(v?.promotedShare).toBeCloseTo(2 / 3, 10);
    expect(v?.gap).toBeCloseTo(-1 / 3, 10);
    expect(ava.readinessVsOutcome.inputs).toEqual({ candidates: 3, readinessShares: [1, 0, 0], promoted: 2 });
    // Said how to read it, and how far one of these 3 decisions moves it (1/3): "−0.33" is not "over-promoted by 33 points".
    expect(ava.readinessVsOutcome.rule).toMatch(/A prompt to look, not a measure of over- or under-promotion: .*, and with 3 candidates one decision moves it by 0\.33\.$/);
    // Bo's only decided candidate, B1, was deferred: no final outcome yet.
    expect(bo.readinessVsOutcome.value).toBeNull();
    // Cal's C1 (promote-other) counts as promoted.
    expect(cal.readinessVsOutcome.inputs.promoted).toBe(1);
  });
});

/**
 * Example 2: three managers with 6 IC3 candidates each, two criteria;
 * Ava rates far higher (mean 0.92 against 0.5 and 0.5).
 */
describe('managerCalibration: statuses', () => {
  const scores: Record<string, AssessmentRating[][]> = {
    Ava: [['consistently', 'consistently'], ['consistently', 'consistently'], ['consistently', 'partially'], ['consistently', 'consistently'], ['consistently', 'partially'], ['consistently', 'consistently']],
    Bo: [['partially', 'partially'], ['partially', 'not-yet'], ['partially', 'partially'], ['partially', 'consistently'], ['partially', 'partially'], ['not-yet', 'partially']],
    Cal: [['partially', 'partially'], ['not-yet', 'partially'], ['partially', 'partially'], ['partially', 'consistently'], ['partially', 'partially'], ['partially', 'not-yet']],
  };
  const people = Object.entries(scores).flatMap(([m, list]) => list.map((_, i) => c(`${m}${i}`, m)));
  const rows = Object.entries(scores).flatMap(([m, list]) => list.flatMap((pair, i) => pair.map((x) => r(`${m}${i}`, 'ic3', x))));
  const result = managerCalibration({ candidates: people, coverage: rows });

  it('calls the outlier lenient, with an interval excluding 0 and an adjusted p below 0.05', () => {
    const ava = byName(result.managers, 'Ava');
    expect(ava.leniency.status).toBe('lenient');
    expect(ava.leniency.interval?.[0]).toBeGreaterThan(0);
    expect(ava.leniency.inputs.pAdjusted).toBeLessThan(0.05);
    expect(ava.leniency.rule).toContain('Rates higher than other managers at the same levels');
    for (const m of ['Bo', 'Cal']) expect(byName(result.managers, m).leniency.status).not.toBe('lenient');
  });

  it('needs the stated threshold: a higher threshold turns the flag into no clear difference', () => {
    const ava = byName(result.managers, 'Ava').leniency.value as number;
    const strictThreshold = managerCalibration({ candidates: people, coverage: rows, options: { threshold: Math.round(ava * 100) / 100 + 0.01 } });
    expect(byName(strictThreshold.managers, 'Ava').leniency.status).toBe('no-clear-difference');
    expect(byName(strictThreshold.managers, 'Ava').leniency.rule).toContain('the estimate is below');
  });

  it('gives no interval or p-value when the managers differ no more than chance, rather than a zero-width interval', () => {
    // Bo and Cal alone: their candidates' scores are the same multiset, so each manager's average difference is 0, Q = 0
    // and τ² = max(0, (0 − 1)/…) = 0. Every estimate is shrunk to 0 and the naive interval would be "0.00 to 0.00", p = 1.
    const two = managerCalibration({ candidates: people.filter((x) => x.manager !== 'Ava'), coverage: rows.filter((x) => !x.candidateId.startsWith('Ava')) });
    expect(two.model.ok && two.model.tau2).toBe(0);
    for (const m of ['Bo', 'Cal']) {
      const { leniency } = byName(two.managers, m);
      expect(leniency.value).toBe(0);
      expect(leniency.interval).toBeNull();
      expect(leniency.status).toBe('no-clear-difference');
      expect(leniency.rule).toContain('with no interval or p-value');
      expect(leniency.rule).not.toMatch(/95% interval|p = 1/);
      // Only that reason: not also "the adjusted p is not below 0.05" beside "no p-value".
      expect(leniency.rule).toMatch(/No clear difference: the managers differ no more than chance\.$/);
    }
  });

  it('gives no estimate with a single manager', () => {
    const alone = managerCalibration({ candidates: people.slice(0, 6), coverage: rows.slice(0, 12) });
    expect(alone.model.ok).toBe(false);
    expect(byName(alone.managers, 'Ava').leniency).toMatchObject({ value: null, status: 'no-estimate' });
  });
});
