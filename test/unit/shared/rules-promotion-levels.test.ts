/**
 * Which levels are a promotion, hand-computed on the built-in frameworks.
 *
 * Career track (IC1–IC6, M2–M6; ICn ~ Mn for n = 2..6):
 *   from IC2: IC3 IC4 IC5 IC6 on its track, M2 (IC2's equivalent) to M6
 *   from M4:  M5 M6, then IC4 (M4's equivalent) to IC6
 *   from IC6: nothing above on its track; M6 (its equivalent) only
 * IC0–IC4 and M1–M3 (only IC4 ~ M2; the viewer draws M1 beside IC3, M3 above IC4):
 *   from IC2: IC3 IC4, M1 M2 M3 (all drawn at or above IC2)
 *   from IC4: M2 (its equivalent) M3
 *   from M1:  M2 M3, IC3 (drawn beside M1) IC4
 * Streams (E1–E6, A1, M1–M4; only E5 ~ A1, management joined by none):
 *   from E2: E3..E6 and A1; no management level
 *   from M1: M2 M3 M4 only
 */
import { describe, expect, it } from 'vitest';
import { careerTrackIcManager } from '../../../shared/frameworks/builtin/career-track-ic-manager';
import { ic0M3Levels } from '../../../shared/frameworks/builtin/ic0-m3-levels';
import { streamsEngineeringArchitectureManagement } from '../../../shared/frameworks/builtin/streams-engineering-architecture-management';
import { materializeBuiltIn } from '../../../shared/frameworks/materialize';
import type { Framework } from '../../../shared/domain/framework';
import { allowedPromotionLevels, isAllowedPromotion, promoteOtherChoices, promotionLevelProblem } from '../../../shared/rules/promotion-levels';

const AT = '2026-01-01T00:00:00.000Z';
const career = materializeBuiltIn(careerTrackIcManager, AT);
const ic0m3 = materializeBuiltIn(ic0M3Levels, AT);
const streams = materializeBuiltIn(streamsEngineeringArchitectureManagement, AT);

const idOf = (framework: Framework, code: string) => {
  const level = framework.levels.find((l) => l.code === code);
  if (!level) throw new Error(`no level ${code}`);
  return level.id;
};
const allowedCodes = (framework: Framework, code: string) => allowedPromotionLevels(framework, idOf(framework, code)).map((l) => l.code);

describe('allowedPromotionLevels', () => {
  it('career track: above on its own track, at or above the equivalent on the manager track', () => {
    expect(allowedCodes(career, 'IC2')).toEqual(['IC3', 'IC4', 'IC5', 'IC6', 'M2', 'M3', 'M4', 'M5', 'M6']);
    expect(allowedCodes(career, 'M4')).toEqual(['IC4', 'IC5', 'IC6', 'M5', 'M6']);
    expect(allowedCodes(career, 'IC6')).toEqual(['M6']);
  });

  it('IC0–IC4 and M1–M3: levels between equivalences count where the ladder draws them', () => {
    expect(allowedCodes(ic0m3, 'IC2')).toEqual(['IC3', 'IC4', 'M1', 'M2', 'M3']);
    expect(allowedCodes(ic0m3, 'IC4')).toEqual(['M2', 'M3']);
    expect(allowedCodes(ic0m3, 'M1')).toEqual(['IC3', 'IC4', 'M2', 'M3']);
  });

  it('streams: a track joined by no equivalence is not a promotion from another', () => {
    expect(allowedCodes(streams, 'E2')).toEqual(['E3', 'E4', 'E5', 'E6', 'A1']);
    expect(allowedCodes(streams, 'M1')).toEqual(['M2', 'M3', 'M4']);
  });

  it('never allows the current level or one below it, and nothing from an unknown level', () => {
    const from = idOf(ic0m3, 'IC2');
    expect(isAllowedPromotion(ic0m3, from, idOf(ic0m3, 'IC3'))).toBe(true);
    expect(isAllowedPromotion(ic0m3, from, from)).toBe(false);
    expect(isAllowedPromotion(ic0m3, from, idOf(ic0m3, 'IC0'))).toBe(false);
    expect(allowedPromotionLevels(ic0m3, 'nope')).toEqual([]);
  });
});

describe('promotionLevelProblem', () => {
  const IC2 = idOf(ic0m3, 'IC2');
  it('says why a level is not a promotion, and nothing when it is', () => {
    expect(promotionLevelProblem(ic0m3, IC2, idOf(ic0m3, 'M1'), 'The level granted')).toBeNull();
    expect(promotionLevelProblem(ic0m3, IC2, idOf(ic0m3, 'IC0'), 'The level granted')).toBe(
      'The level granted (IC0) is not a promotion from IC2: choose a level above IC2 on its track, or one at or above its equivalent on another track.',
    );
    expect(promotionLevelProblem(ic0m3, IC2, IC2, 'The target level')).toBe('The target level is the candidate’s current level (IC2); choose a level above it.');
    expect(promotionLevelProblem(ic0m3, IC2, 'nope', 'The target level')).toBe('The target level is not in this cycle’s framework; choose another.');
  });
});

describe('promoteOtherChoices', () => {
  it('offers the allowed levels by track, without the target (that is plain Promote)', () => {
    const groups = promoteOtherChoices(ic0m3, { currentLevelId: idOf(ic0m3, 'IC2'), targetLevelId: idOf(ic0m3, 'IC3') });
    expect(groups.map((g) => [g.trackName, g.levels.map((l) => l.code)])).toEqual([
      ['Individual contributor', ['IC4']],
      ['Manager', ['M1', 'M2', 'M3']],
    ]);
  });
});
