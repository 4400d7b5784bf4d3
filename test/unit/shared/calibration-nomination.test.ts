/**
 * Nomination and track views on hand-computed examples.
 *
 * Nomination: A 8 of 10 put forward, B 4 of 10. Reference A (0.8); B's ratio
 * 0.4 / 0.8 = 0.50. Fisher on [[8, 2], [4, 6]]: P(X = k) = C(12,k)·C(8,10−k)
 * / C(20,10) = 184756; tables as likely or less than the observed 13860 are
 * k = 2, 3, 4, 8, 9, 10: 2·(66 + 1760 + 13860) = 31372 → p = 0.16980…;
 * Holm over 2 groups → 0.33960…. B: 3 more put forward give 7/10 ÷ 0.8 =
 * 0.875 ≥ 0.8, 2 more give 0.75. B's 4 are three submitted packets and one
 * submitted revision 1 reopened since (superseded, its revision 2 a draft):
 * the committee reviews revision 1, so the manager put the candidate forward.
 * A draft beside a kept conflict copy (superseded, never submitted) is not.
 *
 * Track: IC1–IC3 and M1–M2 with IC2 ~ M1 and IC3 ~ M2. Band IC2 ~ M1: IC 2
 * of 6, managers 5 of 6 (a Promote to another level among them). Fisher on
 * [[2, 4], [5, 1]]: C(7,k)·C(5,6−k) / 924 = 7, 105, 350, 350, 105, 7 for
 * k = 1…6; as likely or less than 105: 7 + 105 + 105 + 7 = 224 → p =
 * 0.242424…. Wilson bounds from statsmodels proportion_confint(method='wilson').
 */
import { describe, expect, it } from 'vitest';
import type { CandidateRef, DecisionRef } from '../../../shared/calibration/common';
import { nominationReport } from '../../../shared/calibration/nomination';
import { trackFairness } from '../../../shared/calibration/track-fairness';
import type { Packet } from '../../../shared/domain/packet';
import type { Framework } from '../../../shared/domain/framework';

type PacketRef = Pick<Packet, 'id' | 'candidateId' | 'revision' | 'status'> & Partial<Pick<Packet, 'submittedAt' | 'conflictOf'>>;

function nominationData() {
  const candidates: CandidateRef[] = [];
  const packets: PacketRef[] = [];
  const add = (group: string, count: number, forward: number) => {
    for (let i = 0; i < count; i++) {
      const id = `${group}-${i}`;
      candidates.push({ id, manager: 'M', groups: { team: group } });
      if (i < forward) packets.push({ id: `p-${id}`, candidateId: id, revision: 1, status: 'submitted' });
      else if (i === forward) packets.push({ id: `p-${id}`, candidateId: id, revision: 1, status: 'draft' });
    }
  };
  add('A', 10, 8);
  add('B', 10, 3);
  // Submitted, then reopened: revision 1 superseded after its submission, revision 2 a draft. Put forward.
  packets.push(
    { id: 'p-B-9-1', candidateId: 'B-9', revision: 1, status: 'superseded', submittedAt: '2026-10-01T09:00:00.000Z' },
    { id: 'p-B-9-2', candidateId: 'B-9', revision: 2, status: 'draft' },
  );
  // A draft and the copy a bundle's conflict kept beside it: never given to the committee. Not put forward.
  packets.push(
    { id: 'p-B-8-1', candidateId: 'B-8', revision: 1, status: 'draft' },
    { id: 'p-B-8-1-unsent', candidateId: 'B-8', revision: 1, status: 'superseded', submittedAt: null, conflictOf: 'p-B-8-1' },
  );
  return { candidates, packets };
}

describe('nominationReport', () => {
  it('share put forward per group with the promotion statistics', () => {
    // A statistics example: cells of 2 are shown here (the small-cell rule is tested in fairness-cells.test.ts).
    const report = nominationReport({ ...nominationData(), minCellSize: 0 });
    expect(report.totals).toEqual({ candidates: 20, putForward: 12 });
    const n = report.attributes[0]!.nomination;
    expect(n.reference).toBe('A');
    const [a, b] = n.groups;
    expect(a!.counts).toMatchObject({ members: 10, promoted: 8, notPromoted: 2, n: 10 });
    expect(b!.counts).toMatchObject({ members: 10, promoted: 4, notPromoted: 6, n: 10 });
    expect(a!.rateInterval!.low).toBeCloseTo(0.49016247153664183, 12);
    expect(a!.rateInterval!.high).toBeCloseTo(0.9433178485456247, 12);
    expect(b!.rateInterval!.low).toBeCloseTo(0.1681803297062361, 12);
    expect(b!.impactRatio).toBe(0.5);
    expect(b!.p).toBeCloseTo(31372 / 184756, 12);
    expect(b!.pAdjusted).toBeCloseTo((2 * 31372) / 184756, 12);
    expect(b!.status).toBe('too-few');
    expect(b!.toLift).toBe(3);
    expect(b!.rule).toContain('B: 4 put forward of 10 in the cycle = 40%');
    expect(b!.rule).toContain('3 more put forward among these 10 would lift the ratio to 0.8');
    expect(b!.rule).not.toContain('deferred');
    // The whole-attribute test says what it tests: being put forward, not promotion.
    expect(n.omnibusNote).toMatch(/^Whole attribute: chi-square test of independence of group and being put forward over 2 groups/);
  });

  it('never takes "Not given" as reference, and hides groups under 5', () => {
    const { candidates, packets } = nominationData();
    for (let i = 0; i < 6; i++) {
      candidates.push({ id: `x-${i}`, manager: 'M', groups: {} });
      packets.push({ id: `p-x-${i}`, candidateId: `x-${i}`, revision: 1, status: 'submitted' });
    }
    // Two small groups of one, neither put forward: everyone not shown in A, B and Not given (6 of 6 put
    // forward) is one of them, and the totals leave 0 put forward, so both would be known "not put forward".
    // The smallest shown group (Not given, 6) is hidden to protect them; then C's and D's counts can be 0 or 1.
    candidates.push({ id: 'c-0', manager: 'M', groups: { team: 'C' } }, { id: 'd-0', manager: 'M', groups: { team: 'D' } });
    const n = nominationReport({ candidates, packets, minCellSize: 0 }).attributes[0]!.nomination;
    expect(n.reference).toBe('A');
    expect(n.groups.map((g) => [g.group, g.suppressedReason])).toEqual([
      ['A', null],
      ['B', null],
      ['C', 'small-group'],
      ['D', 'small-group'],
      ['Not given', 'complementary'],
    ]);
    expect(n.groups[4]!.hiddenLabel).toBe('hidden to protect a smaller group');
  });
});

const track = (id: string, kind: 'ic' | 'manager') => ({ id, name: id, kind, description: '' });
const level = (id: string, trackId: string, order: number) => ({ id, trackId, code: id.toUpperCase(), title: id, order }) as Framework['levels'][number];
const FRAMEWORK = {
  tracks: [track('ic', 'ic'), track('m', 'manager')],
  levels: [level('ic1', 'ic', 0), level('ic2', 'ic', 1), level('ic3', 'ic', 2), level('m1', 'm', 0), level('m2', 'm', 1)],
  equivalences: [
    { id: 'e1', levelIds: ['ic2', 'm1'] as [string, string], note: '' },
    { id: 'e2', levelIds: ['ic3', 'm2'] as [string, string], note: '' },
  ],
};

describe('trackFairness', () => {
  it('compares IC and manager promotion rates per band of equivalent levels', () => {
    const candidates: CandidateRef[] = [];
    const decisions: DecisionRef[] = [];
    const add = (id: string, targetLevelId: string | null, outcome: DecisionRef['outcome'] | null) => {
      candidates.push({ id, manager: 'X', targetLevelId });
      if (outcome) decisions.push({ candidateId: id, outcome });
    };
    for (let i = 0; i < 6; i++) add(`ic2-${i}`, 'ic2', i < 2 ? 'promote' : 'not-yet');
    add('ic2-deferred', 'ic2', 'defer');
    add('ic2-undecided', 'ic2', null);
    for (let i = 0; i < 6; i++) add(`m1-${i}`, 'm1', i === 0 ? 'promote-other' : i < 5 ? 'promote' : 'not-yet');
    add('ic3-0', 'ic3', 'promote');
    add('ic1-0', 'ic1', 'promote');
    add('none', null, 'not-yet');

    const report = trackFairness({ candidates, decisions, framework: FRAMEWORK });
    expect(report.leftOut).toBe(2);
    expect(report.bands.map((b) => b.label)).toEqual(['IC2 ~ M1', 'IC3 ~ M2']);
    const [low, high] = report.bands;
    expect([low!.ic.promoted, low!.ic.n, low!.manager.promoted, low!.manager.n]).toEqual([2, 6, 5, 6]);
    expect(low!.ic.interval!.low).toBeCloseTo(0.09677141110578041, 12);
    expect(low!.manager.interval!.high).toBeCloseTo(0.9699466302516933, 12);
    expect(low!.p).toBeCloseTo(224 / 924, 12);
    expect(low!.pAdjusted).toBeCloseTo(224 / 924, 12);
    expect(low!.significant).toBe(false);
    expect(low!.rule).toContain('individual contributors 2 of 6 = 33.3%');
    expect(low!.rule).toContain('managers 5 of 6 = 83.3%');
    expect([high!.ic.n, high!.manager.n, high!.p]).toEqual([1, 0, null]);
    expect(high!.manager.text).toBe('none decided');
    // One person in the band: no figures, as a group under 5 has none, so their outcome cannot be read off the table.
    expect([high!.ic.text, high!.ic.rate, high!.ic.interval, high!.ic.suppressed]).toEqual(['fewer than 5', null, null, true]);
    expect(high!.rule).not.toMatch(/1 of 1|100/);
  });

  it('tests a band only when both tracks have at least 5 decided, and shows no figures for the smaller track', () => {
    const candidates: CandidateRef[] = [];
    const decisions: DecisionRef[] = [];
    for (let i = 0; i < 6; i++) {
      candidates.push({ id: `ic2-${i}`, manager: 'X', targetLevelId: 'ic2' });
      decisions.push({ candidateId: `ic2-${i}`, outcome: i < 3 ? 'promote' : 'not-yet' });
    }
    for (let i = 0; i < 4; i++) {
      candidates.push({ id: `m1-${i}`, manager: 'X', targetLevelId: 'm1' });
      decisions.push({ candidateId: `m1-${i}`, outcome: 'promote' });
    }
    const [band] = trackFairness({ candidates, decisions, framework: FRAMEWORK }).bands;
    expect(band!.ic.text).toMatch(/^3 of 6 = 50(\.0)?%/);
    expect([band!.manager.text, band!.p, band!.pAdjusted, band!.significant]).toEqual(['fewer than 5', null, null, false]);
    expect(band!.rule).toContain('No test: both tracks need at least 5 decided in this band.');
  });
});
