/**
 * The words for a manager's rating of a criterion, the same on the packet
 * builder, the committee's views, the revision comparison and the decision
 * book.
 */
import type { AssessmentRating } from '../domain/packet';

export const RATING_WORDS: Readonly<Record<AssessmentRating, string>> = { 'not-yet': 'Not yet', partially: 'Partially', consistently: 'Consistently' };

/** The rating in words; a criterion with no rating is "Not assessed". */
export function ratingWord(rating: AssessmentRating | null | undefined): string {
  return rating ? RATING_WORDS[rating] : 'Not assessed';
}
