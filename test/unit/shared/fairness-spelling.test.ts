/**
 * One group per value, whatever its case: a bundle typed "woman" and "gender" where the rest typed "Woman" and
 * "Gender", and the fairness figures counted two groups (each small enough to be hidden) and two attributes.
 *
 * The example, counted by hand: 12 candidates. Gender: 6 women (4 typed "Woman" under "Gender", 2 "woman" under
 * "gender"), of whom 3 promoted and 3 not; 6 men ("Man"), 5 promoted, 1 not. Minimum cell size 1 and group size 1,
 * so nothing is hidden and the counts are read as they are.
 */
import { describe, expect, it } from 'vitest';
import { fairnessReport } from '../../../shared/calibration/fairness';
import { nominationReport } from '../../../shared/calibration/nomination';
import type { CandidateRef, DecisionRef } from '../../../shared/calibration/common';
import { blindNames } from '../../../shared/calibration/pseudonyms';

const people: CandidateRef[] = [];
const decisions: DecisionRef[] = [];
function add(id: string, groups: Record<string, string>, promoted: boolean) {
  people.push({ id, manager: 'M', groups, targetLevelId: 'l2', currentLevelId: 'l1' } as CandidateRef);
  decisions.push({ candidateId: id, sessionId: 's', outcome: promoted ? 'promote' : 'not-yet', decidedAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-20T10:00:00.000Z' } as DecisionRef);
}
add('w1', { Gender: 'Woman' }, true);
add('w2', { Gender: 'Woman' }, true);
add('w3', { Gender: 'Woman' }, false);
add('w4', { Gender: ' Woman ' }, false);
add('w5', { gender: 'woman' }, true);
add('w6', { gender: 'woman' }, false);
for (let i = 1; i <= 6; i++) add(`m${i}`, { Gender: 'Man' }, i <= 5);

describe('fairness groups typed in two cases', () => {
  it('are one attribute and one group, under the spelling most candidates carry', () => {
    const report = fairnessReport({ candidates: people, decisions, coverage: [], minGroupSize: 1, minCellSize: 1, complementary: false });
    expect(report.attributes.map((a) => a.attribute)).toEqual(['Gender']);
    const groups = report.attributes[0]!.promotion.groups;
    expect(groups.map((g) => [g.group, g.counts?.members, g.counts?.promoted, g.counts?.notPromoted])).toEqual([
      ['Man', 6, 5, 1],
      ['Woman', 6, 3, 3],
    ]);
  });

  it('are one group in the nomination figures too', () => {
    const report = nominationReport({ candidates: people, packets: [], minGroupSize: 1, minCellSize: 1, complementary: false } as never);
    expect(report.attributes.map((a) => a.attribute)).toEqual(['Gender']);
    expect(report.attributes[0]!.nomination.groups.map((g) => g.group)).toEqual(['Man', 'Woman']);
    expect(report.totals.candidates).toBe(12);
  });

  it('have one pseudonym in a blind session, so its figures do not split the group either', () => {
    const names = blindNames('salt', { groups: { Gender: ['Woman', 'Woman', 'Man'], gender: ['woman'] } });
    expect(names.group('gender', 'woman')).toBe(names.group('Gender', 'Woman'));
    expect(names.group('Gender', 'WOMAN')).toBe(names.group('Gender', 'Woman'));
    expect(names.group('Gender', 'Man')).not.toBe(names.group('Gender', 'Woman'));
  });
});
