/**
 * How a rating, a sustained mark and an evidence count read on screen: a
 * glyph and a word, never a colour alone (UX: colour is never the only
 * signal). The glyph is hidden from screen readers, which read the word.
 */
import type { AssessmentRating } from '../../../../shared/domain';
import type { CriterionCoverageRow } from '../../../../shared/packets/coverage';
import { SUSTAINED_MIN_QUARTERS } from '../../../../shared/packets/coverage';
import { RATING_WORDS, ratingWord } from '../../../../shared/packets/rating-words';

export type RatingKey = AssessmentRating | 'none';

export const RATING_TEXT: Readonly<Record<RatingKey, { glyph: string; label: string; long: string }>> = {
  consistently: { glyph: '●', label: RATING_WORDS.consistently, long: RATING_WORDS.consistently },
  partially: { glyph: '◐', label: RATING_WORDS.partially, long: RATING_WORDS.partially },
  'not-yet': { glyph: '○', label: RATING_WORDS['not-yet'], long: RATING_WORDS['not-yet'] },
  none: { glyph: '—', label: 'None', long: ratingWord(null) },
};

export function ratingKey(rating: AssessmentRating | null): RatingKey {
  return rating ?? 'none';
}

export function RatingMark({ rating }: { rating: AssessmentRating | null }) {
  const t = RATING_TEXT[ratingKey(rating)];
  return (
    <span className="cv-rating" title={t.long}>
      <span className="cv-glyph" aria-hidden="true">
        {t.glyph}
      </span>{' '}
      {t.label}
    </span>
  );
}

/** Sustained: "↻3q" (evidence in 3 distinct quarters), or "S" when the quarters are not known. */
export function SustainedMark({ sustained, quarters }: { sustained: boolean; quarters?: number | undefined }) {
  if (!sustained) return null;
  const known = quarters !== undefined && quarters > 0;
  const text = known ? `sustained over ${quarters} quarters` : 'sustained';
  return (
    <span className="cv-sustained" title={`Sustained: evidence in ${known ? quarters : `at least ${SUSTAINED_MIN_QUARTERS}`} distinct quarters of the evidence window`}>
      <span aria-hidden="true">{known ? `↻${quarters}q` : 'S'}</span>
      <span className="visually-hidden">{text}</span>
    </span>
  );
}

export function EvidenceCount({ count }: { count: number }) {
  return (
    <span className="cv-evidence" title={`${count} linked evidence ${count === 1 ? 'item' : 'items'}`}>
      <span aria-hidden="true">{count} ev</span>
      <span className="visually-hidden">
        {count} evidence {count === 1 ? 'item' : 'items'}
      </span>
    </span>
  );
}

/** Quarters with evidence per (candidate, criterion), read once from the stored coverage rows (a map per candidate: no key string built per row). */
export function quartersIndex(rows: readonly Pick<CriterionCoverageRow, 'candidateId' | 'criterionId' | 'quarters'>[]): (candidateId: string, criterionId: string) => number | undefined {
  const map = new Map<string, Map<string, number>>();
  for (const r of rows) {
    let mine = map.get(r.candidateId);
    if (!mine) map.set(r.candidateId, (mine = new Map()));
    mine.set(r.criterionId, r.quarters.length);
  }
  return (candidateId, criterionId) => map.get(candidateId)?.get(criterionId);
}
