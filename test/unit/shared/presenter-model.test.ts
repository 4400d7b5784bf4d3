/**
 * The presenter views' shared text about a candidate.
 */
import { describe, expect, it } from 'vitest';
import { presenterWhoLine } from '../../../shared/calibration/presenter-model';

describe('presenterWhoLine: the line under a shown name in both presenter views', () => {
  it('gives manager, team and time in level', () => {
    expect(presenterWhoLine({ manager: 'Sam Rivera', team: 'Search', timeInLevelMonths: 1 })).toBe('Manager Sam Rivera · Search team · 1 month in level');
    expect(presenterWhoLine({ manager: 'Sam Rivera', team: '', timeInLevelMonths: 0 })).toBe('Manager Sam Rivera · 0 months in level');
    // As the candidate's page and the packet PDF write it: years and months, not "27 months".
    expect(presenterWhoLine({ manager: 'Sam Rivera', team: '', timeInLevelMonths: 27 })).toBe('Manager Sam Rivera · 2 years 3 months in level');
    expect(presenterWhoLine({ manager: 'Sam Rivera', team: '', timeInLevelMonths: 12 })).toBe('Manager Sam Rivera · 1 year in level');
  });
  it('leaves the time out when the manager did not give it, rather than "0 months in level"', () => {
    expect(presenterWhoLine({ manager: 'Sam Rivera', team: 'Search', timeInLevelMonths: null })).toBe('Manager Sam Rivera · Search team');
  });
});
