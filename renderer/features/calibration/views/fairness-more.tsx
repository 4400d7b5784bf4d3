/** The fairness view's sections beyond promotion by group: nomination and tracks. */
import type { DecisionRef } from '../../../../shared/calibration/common';
import type { NominationReport } from '../../../../shared/calibration/nomination';
import type { SessionData } from '../use-session-data';
import { NominationSection } from './nomination-section';
import { TrackSection } from './track-section';

/**
 * `nomination`: the fairness view's report of the cycle (null while it loads, and while the session is blind).
 * `compared`: the candidates of the scope chosen and the decisions the view's figures count (use-shown-fairness.ts),
 * so the tracks move when the figures above them do, not with each decision.
 */
export function FairnessMoreSections({ data, nomination, compared }: { data: SessionData; nomination: NominationReport | null; compared: TrackScope }) {
  return (
    <>
      <NominationSection data={data} report={nomination} />
      <TrackSection framework={data.framework} compared={compared} />
    </>
  );
}

export interface TrackScope {
  candidates: SessionData['candidates'];
  decisions: readonly DecisionRef[];
  /** Whose promotion rates: "this session’s" or "the cycle’s". */
  whose: string;
}
