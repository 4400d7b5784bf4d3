/**
 * The level pickers of the heatmap and side by side: which target levels a
 * session's candidates aim at, in ladder order, and which one to open first.
 * Tracks and levels are listed out of order in the framework on purpose.
 *
 *   candidate  target  archived
 *   a          ic2
 *   b          ic2
 *   c          m1
 *   d          ic3
 *   e          ic3
 *   f          ic3     yes (not counted)
 *   g          gone    (a level the framework does not have: not listed)
 *   h          —       (no target yet: not counted)
 *
 *   expected, ladder order (IC track first, as the framework lists it; then M):
 *     IC2 2, IC3 2, M1 1      (IC1 and M2 have nobody: not listed)
 *   busiest: IC2 (2), the first in ladder order of the two with 2
 */
import { describe, expect, it } from 'vitest';
import { busiestLevel, levelLabel, sessionLevels } from '../../../shared/calibration/session-levels';
import { levelRow, TWO_TRACKS } from '../../fixtures/level-rows';

const framework = TWO_TRACKS;
const aiming = (targetLevelId: string, archived = false) => ({ targetLevelId, archived });
const candidates = [aiming('ic2'), aiming('ic2'), aiming('m1'), aiming('ic3'), aiming('ic3'), aiming('ic3', true), aiming('gone'), aiming('')];

describe('sessionLevels', () => {
  it('lists the levels candidates aim at, in ladder order, with their counts', () => {
    const levels = sessionLevels(framework, candidates);
    expect(levels.map((l) => [l.level.code, l.trackName, l.count])).toEqual([
      ['IC2', 'Individual contributor', 2],
      ['IC3', 'Individual contributor', 2],
      ['M1', 'Management', 1],
    ]);
  });

  it('lists a level whose track the framework does not list under the track id', () => {
    const orphan = { tracks: framework.tracks, levels: [...framework.levels, levelRow('x1', 'lost', 'X1', 0)] };
    expect(sessionLevels(orphan, [aiming('x1')]).map((l) => [l.level.code, l.trackName])).toEqual([['X1', 'lost']]);
  });

  it('is empty when nobody in the session has a target level the framework has', () => {
    expect(sessionLevels(framework, [aiming('gone'), aiming('ic1', true)])).toEqual([]);
    expect(busiestLevel([])).toBeNull();
  });
});

describe('busiestLevel', () => {
  it('picks the level with the most candidates, the first in ladder order on a tie', () => {
    expect(busiestLevel(sessionLevels(framework, candidates))).toBe('ic2');
    expect(busiestLevel(sessionLevels(framework, [...candidates, aiming('m1'), aiming('m1')]))).toBe('m1');
  });
});

describe('levelLabel', () => {
  it('names the level and how many candidates aim at it, one or many', () => {
    const titled = { tracks: framework.tracks, levels: [levelRow('ic2', 'ic', 'IC2', 1, 'Engineer II'), levelRow('m1', 'm', 'M1', 0, 'Engineering Manager')] };
    const [ic2, m1] = sessionLevels(titled, candidates);
    expect(levelLabel(ic2!)).toBe('IC2 · Engineer II (2 candidates)');
    expect(levelLabel(m1!)).toBe('M1 · Engineering Manager (1 candidate)');
  });
});
