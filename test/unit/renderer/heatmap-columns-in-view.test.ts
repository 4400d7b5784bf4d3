/**
 * Which of the heatmap's criteria are wholly in view beside its sticky name
 * and readiness columns (20.25rem), each criterion 8.25rem wide: what the
 * line above the grid names, so a projector that shows three criteria of six
 * says there are more. Figures computed by hand at 16 px to the rem: the lead
 * is 324 px and a criterion 132 px.
 */
import { describe, expect, it } from 'vitest';
import { columnsInView } from '../../../renderer/features/calibration/views/column-window';

describe('the heatmap criteria in view', () => {
  it('names the first three of six in a 760 px grid at the start (324 + 3 × 132 = 720 ≤ 760 < 852)', () => {
    expect(columnsInView(6, 0, 760, 16)).toEqual({ first: 0, last: 2 });
  });

  it('follows the scroll: at 132 px the first criterion is under the sticky columns, the fourth now whole', () => {
    expect(columnsInView(6, 132, 760, 16)).toEqual({ first: 1, last: 3 });
    // Part of the way: the second criterion is cut by the sticky columns, so it is not counted whole.
    expect(columnsInView(6, 140, 760, 16)).toEqual({ first: 2, last: 3 });
    // At the end (scrollWidth 324 + 792 = 1116, so scrollLeft 356): criteria 4 to 6, the third cut.
    expect(columnsInView(6, 356, 760, 16)).toEqual({ first: 3, last: 5 });
  });

  it('says nothing when every criterion fits, or before the grid is measured', () => {
    expect(columnsInView(6, 0, 324 + 6 * 132, 16)).toBeNull();
    expect(columnsInView(3, 0, 760, 16)).toBeNull();
    expect(columnsInView(6, 0, 0, 16)).toBeNull();
    expect(columnsInView(0, 0, 760, 16)).toBeNull();
  });

  it('names one criterion when only one fits beside the sticky columns', () => {
    expect(columnsInView(40, 0, 500, 16)).toEqual({ first: 0, last: 0 });
  });
});
