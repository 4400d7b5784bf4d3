/**
 * The committee's views of one calibration session. Each takes the session
 * id, reads the session live and shows every name through the session's
 * display names (pseudonyms in blind mode). Charts load lazily.
 *
 * CALIBRATION_VIEWS lists them with the route segment the session page uses
 * (`#/calibration/<sessionId>/<view>`).
 */
import type { ComponentType } from 'react';
import { FairnessView } from './fairness-view';
import { HeatmapView } from './heatmap-view';
import { LevelsView } from './levels-view';
import { ManagersView } from './managers-view';
import { SideBySideView } from './side-by-side-view';

export { FairnessView, HeatmapView, LevelsView, ManagersView, SideBySideView };

export type CalibrationViewId = 'heatmap' | 'compare' | 'managers' | 'levels' | 'fairness';

export interface CalibrationViewEntry {
  id: CalibrationViewId;
  label: string;
  Component: ComponentType<{ sessionId: string }>;
}

export const CALIBRATION_VIEWS: readonly CalibrationViewEntry[] = [
  { id: 'heatmap', label: 'Heatmap', Component: HeatmapView },
  { id: 'compare', label: 'Side by side', Component: SideBySideView },
  { id: 'managers', label: 'Managers', Component: ManagersView },
  { id: 'levels', label: 'Levels', Component: LevelsView },
  { id: 'fairness', label: 'Fairness', Component: FairnessView },
];
