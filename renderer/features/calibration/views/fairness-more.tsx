/** The fairness view's sections beyond promotion by group: nomination and tracks. */
import type { NominationReport } from '../../../../shared/calibration/nomination';
import type { SessionData } from '../use-session-data';
import { NominationSection } from './nomination-section';
import { TrackSection } from './track-section';

/** `nomination`: the fairness view's report of the cycle (null while it loads, and while the session is blind). */
export function FairnessMoreSections({ data, nomination }: { data: SessionData; nomination: NominationReport | null }) {
  return (
    <>
      <NominationSection data={data} report={nomination} />
      <TrackSection data={data} />
    </>
  );
}
