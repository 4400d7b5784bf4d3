/**
 * The fairness part of the decision book, from the same models and inputs as
 * the fairness view's sections: promotion by group (session scope), put
 * forward by managers (the whole cycle: nomination.ts) and the two career
 * tracks (track-fairness.ts). Nothing is printed for a session not yet
 * finalized: a book printed after each decision would show what the view
 * holds back. The nomination section is not printed for a blind session,
 * as the screen does not show it then (its rows carry real group values).
 */
import type { BlindNames } from '../calibration/pseudonyms';
import type { CandidateRef, DecisionRef } from '../calibration/common';
import { fairnessReport, type AttributeFairness, type FairnessReport } from '../calibration/fairness';
import { relabelAttribute } from '../calibration/fairness-relabel';
import { nominationReport, sizesShownByNomination, type NominationInput, type NominationReport } from '../calibration/nomination';
import { trackFairness, type TrackReport } from '../calibration/track-fairness';
import type { Framework } from '../domain';
import type { CriterionCoverageRow } from '../packets/coverage';

export const FAIRNESS_WITHHELD =
  'The fairness figures are printed once the session is finalized: while decisions are still being recorded, a printed copy could show which group a candidate just decided belongs to.';
export const NOMINATION_BLIND = 'Not printed while this session is blind: it covers the whole cycle, whose candidates would show real group values.';
export const NOMINATION_MISSING = 'Not printed: the cycle’s candidates and packets were not given to the book.';

export interface BookFairnessModel {
  fairness: AttributeFairness[];
  /** Set (with the sentence to print) when the session is not finalized: no fairness figure is printed. */
  fairnessWithheld: string | null;
  /** The definitions and the caveat the screen shows beside the same figures. */
  fairnessRules: FairnessReport['rules'];
  /** Put forward by managers over the whole cycle; null when not printed (see nominationNote). */
  nomination: NominationReport | null;
  nominationNote: string | null;
  /** IC against manager tracks over the session's decisions; null when not finalized. */
  tracks: TrackReport | null;
}

export interface BookFairnessInput {
  finalized: boolean;
  blind: boolean;
  names: BlindNames;
  framework: Pick<Framework, 'tracks' | 'levels' | 'equivalences'>;
  /** The session's candidates, its decisions (every one of the session's: the models take the latest) and coverage. */
  candidates: readonly CandidateRef[];
  decisions: readonly DecisionRef[];
  coverage: readonly Pick<CriterionCoverageRow, 'candidateId' | 'rating' | 'sustained'>[];
  /** Every candidate and packet of the cycle, as the screen's nomination section reads them. */
  cycle?: NominationInput;
}

export function bookFairness(input: BookFairnessInput): BookFairnessModel {
  // Withheld: only the rules are kept, which do not depend on the rows. Working out the figures only to
  // drop them was most of the script time of a 1,000-candidate live book (the disclosure check of issue 13's profile).
  if (!input.finalized) return { fairness: [], fairnessWithheld: FAIRNESS_WITHHELD, fairnessRules: fairnessReport({ candidates: [], decisions: [], coverage: [] }).rules, nomination: null, nominationNote: null, tracks: null };
  const nomination = input.blind || !input.cycle ? null : nominationReport(input.cycle);
  // The book prints the nomination sizes beside the fairness tables, so the fairness check takes them as known, as the screen does.
  const sizesElsewhere = nomination && input.cycle ? sizesShownByNomination(nomination, input.candidates, input.cycle.candidates) : undefined;
  const report = fairnessReport({ candidates: input.candidates, decisions: input.decisions, coverage: input.coverage, sizesElsewhere });
  const { names } = input;
  const fairness = report.attributes.map((a) => (input.blind ? relabelAttribute(a, (g) => names.group(a.attribute, g)) : a));
  return {
    fairness,
    fairnessWithheld: null,
    fairnessRules: report.rules,
    nomination,
    nominationNote: input.blind ? NOMINATION_BLIND : input.cycle ? null : NOMINATION_MISSING,
    tracks: trackFairness({ candidates: input.candidates, decisions: input.decisions, framework: input.framework }),
  };
}
