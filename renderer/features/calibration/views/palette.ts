/**
 * Colours of the calibration views, kept out of the chart modules so the
 * tables can use them without pulling Recharts into the first bundle.
 *
 * Ratings are ordered (not yet < partially < consistently < consistently and
 * sustained), so they take a ColorBrewer sequential scale (Greens); the
 * categories of the charts (before/after, promotion/readiness) take the
 * Okabe-Ito set, which stays distinct under the common colour-vision
 * deficiencies. Every colour travels with a glyph, a label or a legend.
 */
import type { AssessmentRating } from '../../../../shared/domain';
import { isReadyCriterion } from '../../../../shared/rules/readiness';

/** ColorBrewer Greens, light to dark; dark text stays above 4.5:1 on each. */
export const COVERAGE_SCALE = {
  none: '#f4f4f1',
  'not-yet': '#edf8e9',
  partially: '#bae4b3',
  consistently: '#74c476',
  ready: '#41ab5d',
} as const;

export type CoverageStep = keyof typeof COVERAGE_SCALE;

export function coverageStep(rating: AssessmentRating | null, sustained: boolean): CoverageStep {
  if (rating === null) return 'none';
  if (isReadyCriterion({ rating, sustained })) return 'ready';
  return rating;
}

/** Okabe-Ito, the colours with at least 3:1 against white (bars need that contrast). */
export const OKABE_ITO = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  bluishGreen: '#009E73',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;
